import type { Migration } from 'kysely';
import * as record from './0001-record.js';
import * as democracy from './0002-democracy.js';
import * as accounts from './0003-accounts.js';
import * as treasury from './0004-treasury.js';
import * as directory from './0005-directory.js';
import * as idempotency from './0006-idempotency.js';

/**
 * Every migration, in order. One file per migration, named `NNNN-topic.ts`; to add one,
 * import it here and append it. Names are applied in this order and never renamed, and a
 * migration that has shipped is never edited: a change is a new migration.
 * The list's names also key the PGlite template cache of the tests (test/support).
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-record': record,
  '0002-democracy': democracy,
  '0003-accounts': accounts,
  '0004-treasury': treasury,
  '0005-directory': directory,
  '0006-idempotency': idempotency,
};
