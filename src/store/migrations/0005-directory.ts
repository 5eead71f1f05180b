import type { Kysely } from 'kysely';

/**
 * The private member directory (docs/design/record.md, "Personal data"): the personal
 * facts that entries commit to (a member's name, the name a candidate stood under), with
 * their salts, keyed by the entry that commits to them and the member they are about.
 * Never part of the log, never in `soviet export`, not rebuilt by fsck (the log cannot
 * rebuild it: that is the point). Erasure deletes a member's rows (crypto-shredding):
 * the entries stay byte for byte as they were, and their commitments can no longer be
 * opened. SQL valid on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_data')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('personal_data_pk', ['org_id', 'seq', 'subject', 'field'])
    .execute();
  await db.schema
    .createIndex('personal_data_subject')
    .on('personal_data')
    .columns(['org_id', 'subject'])
    .execute();
  // A member's own choice to show their name to people outside the organisation (names
  // by role: rules.md). Not on the log: it is about a person, and erased with them.
  await db.schema
    .createTable('name_choices')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('name_public', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('name_choices_pk', ['org_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('name_choices').execute();
  await db.schema.dropTable('personal_data').execute();
}
