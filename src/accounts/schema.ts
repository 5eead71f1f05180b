import type { Generated } from 'kysely';

/**
 * The accounts context's tables (migration 0003-accounts), reached with
 * `db.withTables<AccountTables>()` on the store's Kysely instance.
 */
export type AccountTables = {
  accounts: AccountsTable;
  account_members: AccountMembersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  account_notices: AccountNoticesTable;
};

export type AccountsTable = {
  id: Generated<number>;
  /** Normalised (username.ts): lower case, unique. */
  username: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at: number;
  password_changed_at: number;
  /** Failed logins since the last successful one: the owner is told at the next login. */
  failed_logins: Generated<number>;
  last_failed_login_at: number | null;
};

export type AccountMembersTable = {
  org_id: number;
  account_id: number;
  /** Null while an invitation is being accepted (see the migration). */
  member_id: string | null;
  invitation_id: string | null;
  created_at: number;
};

export type SessionsTable = {
  /** SHA-256 of the session cookie's token. */
  token_hash: Uint8Array;
  account_id: number;
  /** The session's CSRF token (sent back in the `x-csrf-token` header). */
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
};

export type LoginThrottlesTable = {
  /** `account:<id>`, `user:<name>` (no such account) or `address:<ip>`. */
  key: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
};

export type AccountNoticesTable = {
  id: Generated<number>;
  account_id: number;
  kind: string;
  /** JSON. */
  data: string;
  created_at: number;
  seen_at: number | null;
};
