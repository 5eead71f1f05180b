import { type Kysely, sql } from 'kysely';

/**
 * The record: organisations, the instance key, and per organisation the log, its
 * stratum hashes, its head, every signed checkpoint, blobs and private data.
 * SQL valid on PostgreSQL 15 (CI) and PGlite (PostgreSQL 18).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('origin', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instance_keys')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seed', 'bytea', (c) => c.notNull().check(sql`octet_length(seed) = 32`))
    .addColumn('public_key', 'bytea', (c) => c.notNull().check(sql`octet_length(public_key) = 32`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('log_entries')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull().check(sql`seq >= 0`))
    .addColumn('entry', 'bytea', (c) => c.notNull().check(sql`octet_length(entry) <= 65535`))
    .addColumn('leaf_hash', 'bytea', (c) => c.notNull().check(sql`octet_length(leaf_hash) = 32`))
    .addPrimaryKeyConstraint('log_entries_pk', ['org_id', 'seq'])
    .execute();

  await db.schema
    .createTable('log_strata')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level >= 1`))
    .addColumn('idx', 'bigint', (c) => c.notNull().check(sql`idx >= 0`))
    .addColumn('hash', 'bytea', (c) => c.notNull().check(sql`octet_length(hash) = 32`))
    .addPrimaryKeyConstraint('log_strata_pk', ['org_id', 'level', 'idx'])
    .execute();

  await db.schema
    .createTable('log_heads')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('root', 'bytea', (c) => c.notNull())
    .addColumn('compact_range', 'bytea', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('log_checkpoints')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_checkpoints_pk', ['org_id', 'size'])
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('sha256', 'bytea', (c) => c.notNull().check(sql`octet_length(sha256) = 32`))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('blobs_pk', ['org_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('private_data')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('private_data_pk', ['org_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'private_data',
    'blobs',
    'log_checkpoints',
    'log_heads',
    'log_strata',
    'log_entries',
    'instance_keys',
    'organisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
