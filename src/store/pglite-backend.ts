import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { StoreDatabase } from './schema.js';

/**
 * Opens the embedded database (PGlite, PostgreSQL compiled to WebAssembly) in `dir`,
 * or in memory for `memory://`. `template` is a `dumpDataDir()` tarball to start a new
 * directory from (tests: initdb takes seconds, loading a template well under one).
 *
 * Contract: one PGlite per directory per machine; the caller holds the directory lock
 * (data-dir-lock.ts). PGlite has one connection: never use the outer `db` inside a
 * transaction callback (it deadlocks), use the transaction.
 */
export async function openPglite(
  dir: string,
  template?: Blob,
): Promise<{ db: Kysely<StoreDatabase>; pglite: PGlite }> {
  if (!dir.startsWith('memory://')) mkdirSync(dirname(dir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: dir,
    ...(template ? { loadDataDir: template } : {}),
  });
  return { db: new Kysely<StoreDatabase>({ dialect: new PGliteDialect(pglite) }), pglite };
}
