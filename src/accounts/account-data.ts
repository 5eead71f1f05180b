import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../store/schema.js';
import type { AccountRecord } from './account-record.js';
import { accountError } from './errors.js';
import { verifyPassword } from './password-hash.js';
import type { AccountTables } from './schema.js';

export type { AccountRecord } from './account-record.js';

/**
 * A person's rights over their account (docs/design/rules.md, "A person's rights"):
 * everything the instance's account tables hold about them (GDPR arts. 15 and 20), and
 * their deletion (art. 17). What the organisations' directories hold is added by the
 * service (service/personal-data.ts), which also erases it there on the record.
 */

export async function accountRecord(
  store: Kysely<StoreDatabase>,
  accountId: number,
): Promise<AccountRecord> {
  const db = store.withTables<AccountTables>();
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'created_at', 'password_changed_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw accountError('SESSION_EXPIRED');
  const [sessions, notices, memberships] = await Promise.all([
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at'])
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('account_notices')
      .select(['kind', 'data', 'created_at', 'seen_at'])
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('account_members')
      .innerJoin('organisations', 'organisations.id', 'account_members.org_id')
      .select(['organisations.slug', 'account_members.member_id'])
      .where('account_members.account_id', '=', accountId)
      .orderBy('organisations.slug')
      .execute(),
  ]);
  return {
    id: account.id,
    username: account.username,
    createdAt: Number(account.created_at),
    passwordChangedAt: Number(account.password_changed_at),
    sessions: sessions.map((s) => ({
      createdAt: Number(s.created_at),
      lastSeenAt: Number(s.last_seen_at),
    })),
    notices: notices.map((n) => ({
      kind: n.kind,
      data: JSON.parse(n.data) as unknown,
      createdAt: Number(n.created_at),
      seenAt: n.seen_at === null ? null : Number(n.seen_at),
    })),
    memberships: memberships.map((m) => ({ org: m.slug, memberId: m.member_id })),
  };
}

/** Checks the account's password (WRONG_PASSWORD): erasure is confirmed by it. */
export async function confirmPassword(
  store: Kysely<StoreDatabase>,
  accountId: number,
  password: string,
): Promise<void> {
  const db = store.withTables<AccountTables>();
  const row = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw accountError('SESSION_EXPIRED');
  if (!(await verifyPassword(row.password_hash, password))) throw accountError('WRONG_PASSWORD');
}

/**
 * Deletes the account and everything keyed by it, in one transaction: sessions, notices,
 * organisation links, login throttles, the account row (its username and password hash).
 */
export async function deleteAccount(
  store: Kysely<StoreDatabase>,
  accountId: number,
): Promise<void> {
  await store
    .withTables<AccountTables>()
    .transaction()
    .execute(async (tx) => {
      const row = await tx
        .selectFrom('accounts')
        .select('username')
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!row) return;
      await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      await tx.deleteFrom('account_notices').where('account_id', '=', accountId).execute();
      await tx.deleteFrom('account_members').where('account_id', '=', accountId).execute();
      await tx
        .deleteFrom('login_throttles')
        .where('key', 'in', [`account:${accountId}`, `user:${row.username}`])
        .execute();
      await tx.deleteFrom('accounts').where('id', '=', accountId).execute();
    });
}
