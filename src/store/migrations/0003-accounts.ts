import { type Kysely, sql } from 'kysely';

/**
 * Accounts and sessions (src/accounts): people who log in, which member each is in each
 * organisation, server-side sessions shared by every server process on one database,
 * login throttling, and notices to an account's owner. None of this is on the record:
 * the log knows members, never accounts or passwords. SQL valid on PostgreSQL 15 and
 * PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) =>
      c.notNull().unique().check(sql`char_length(username) between 3 and 64`),
    )
    // An argon2id PHC string ($argon2id$v=19$m=19456,t=2,p=1$…).
    .addColumn('password_hash', 'text', (c) =>
      c.notNull().check(sql`char_length(password_hash) <= 256`),
    )
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_login_at', 'bigint')
    .execute();

  // The account ↔ member link, per organisation. `member_id` is null while an invitation
  // is being accepted (the claim on the invitation comes first, so that a crash between
  // the log's commit and this row is repaired from the log: the invitation's `usedBy`).
  await db.schema
    .createTable('account_members')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('member_id', 'text')
    .addColumn('invitation_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_members_pk', ['org_id', 'account_id'])
    .addUniqueConstraint('account_members_member', ['org_id', 'member_id'])
    .addUniqueConstraint('account_members_invitation', ['org_id', 'invitation_id'])
    .execute();
  await db.schema
    .createIndex('account_members_by_account')
    .on('account_members')
    .column('account_id')
    .execute();

  // Sessions: only the SHA-256 of the cookie's token is stored, so a copy of the
  // database does not let anyone act as a member.
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'bytea', (c) =>
      c.primaryKey().check(sql`octet_length(token_hash) = 32`),
    )
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_account').on('sessions').column('account_id').execute();

  // Failed logins per account and per client address: the exponential delay.
  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`char_length(key) <= 200`))
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();

  // What the owner of an account is told at their next login (e.g. failed logins).
  await db.schema
    .createTable('account_notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('seen_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('account_notices_by_account')
    .on('account_notices')
    .column('account_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'account_notices',
    'login_throttles',
    'sessions',
    'account_members',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
