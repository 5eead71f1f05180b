import type { Kysely } from 'kysely';

/**
 * Idempotency keys (issue 14; the IETF httpapi draft "The Idempotency-Key HTTP Header
 * Field"): the first answer to a state-changing request that carried a key, scoped to the
 * account, written in the same transaction as the command's entries so that a retry
 * after a crash or a restart gets that answer instead of running the command twice.
 * `fingerprint` is the SHA-256 of the request (method, path, body). Rows older than the
 * retention (src/server/idempotency.ts) are treated as absent and replaced.
 * SQL valid on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    // Deleting an account deletes its keys (and the answers they keep).
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'bytea', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
