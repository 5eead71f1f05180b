import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../store/schema.js';
import { accountError } from './errors.js';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  afterFailure,
  type ThrottleRule,
  type ThrottleState,
  waitFor,
} from './login-throttle-policy.js';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash.js';
import { passwordProblem } from './password-policy.js';
import type { AccountTables } from './schema.js';
import { SessionLoader } from './session-loader.js';
import { normaliseUsername } from './username.js';

/** How long sessions live (OWASP Session Management Cheat Sheet, "Session Expiration"). */
export interface SessionPolicy {
  /** A session unused for this long has ended (inactivity timeout). */
  readonly idleMs: number;
  /** A session ends this long after login whatever its use (absolute timeout). */
  readonly absoluteMs: number;
  /** `last_seen_at` is written at most this often (a write per request would cost more than the request). */
  readonly touchEveryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 2 * 3_600_000,
  absoluteMs: 7 * 24 * 3_600_000,
  touchEveryMs: 60_000,
};

export interface AccountsDeps {
  readonly db: Kysely<StoreDatabase>;
  /** Unix time in milliseconds. */
  readonly clock: () => number;
  readonly policy?: SessionPolicy;
  /** Random bytes (default node:crypto); injected by tests. */
  readonly random?: (size: number) => Uint8Array;
  readonly accountRule?: ThrottleRule;
  readonly addressRule?: ThrottleRule;
}

export interface Account {
  readonly id: number;
  readonly username: string;
  readonly createdAt: number;
}

/** A session as a request sees it: whose, and the token its state-changing requests must echo. */
export interface SessionInfo {
  readonly accountId: number;
  readonly username: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** When asked for an organisation: who the account is there (see `memberIn`). */
  readonly link?: MemberLink;
}

/** Who an account is in an organisation: a member, an acceptance under way, or nobody. */
export type MemberLink = { readonly memberId: string } | { readonly pending: string } | null;

/** A session just opened: the cookie's token (never stored) and its CSRF token. */
export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresIdleAt: number;
}

export interface Notice {
  readonly id: number;
  readonly kind: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly seenAt: number | null;
}

export interface Membership {
  readonly orgId: number;
  readonly org: string;
  readonly memberId: string;
}

/** A claim on an invitation that is being accepted (see `claimInvitation`). */
export interface InvitationClaim {
  readonly orgId: number;
  readonly accountId: number;
  readonly invitationId: string;
}

/** SHA-256 of a session token, as stored. */
export function tokenHash(token: string): Uint8Array {
  return createHash('sha256').update(token, 'utf8').digest();
}

const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Accounts, passwords and sessions (the accounts bounded context), on the store's
 * database. An account is a person who logs in; in each organisation it is at most one
 * member (`account_members`). Sessions live in the database, so several server
 * processes on one PostgreSQL share them; only the SHA-256 of a session token is
 * stored. There is no administrator account (RULES.md: every power comes from an
 * election).
 *
 * Every method may be called concurrently. Times come from `clock` (Unix ms).
 */
export class Accounts {
  private readonly db: Kysely<AccountTables & StoreDatabase>;
  private readonly clock: () => number;
  private readonly random: (size: number) => Uint8Array;
  readonly policy: SessionPolicy;
  private readonly accountRule: ThrottleRule;
  private readonly addressRule: ThrottleRule;
  private readonly loader: SessionLoader;

  constructor(deps: AccountsDeps) {
    this.db = deps.db.withTables<AccountTables>();
    this.loader = new SessionLoader(this.db);
    this.clock = deps.clock;
    this.random = deps.random ?? ((size) => randomBytes(size));
    this.policy = deps.policy ?? DEFAULT_SESSION_POLICY;
    this.accountRule = deps.accountRule ?? ACCOUNT_RULE;
    this.addressRule = deps.addressRule ?? ADDRESS_RULE;
  }

  /**
   * Creates an account (when a person founds an organisation or accepts an invitation).
   * Throws BAD_USERNAME, WEAK_PASSWORD or USERNAME_TAKEN.
   */
  async register(rawUsername: string, password: string): Promise<Account> {
    const username = normaliseUsername(rawUsername);
    const problem = passwordProblem(password, { username });
    if (problem) throw accountError('WEAK_PASSWORD', { reason: problem });
    const taken = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken) throw accountError('USERNAME_TAKEN', { username });
    const passwordHash = await hashPassword(password);
    const now = this.clock();
    const row = await this.db
      .insertInto('accounts')
      .values({
        username,
        password_hash: passwordHash,
        created_at: now,
        password_changed_at: now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning(['id', 'username', 'created_at'])
      .executeTakeFirst();
    if (!row) throw accountError('USERNAME_TAKEN', { username });
    return { id: row.id, username: row.username, createdAt: Number(row.created_at) };
  }

  /**
   * Checks a username and password and opens a new session (OWASP: a new session id at
   * every login, so a session id planted before login is worth nothing; the
   * `previousToken`'s session, if any, is closed). Failed attempts slow down
   * exponentially per account and per client address (LOGIN_THROTTLED) and are counted
   * for the owner, who is told at their next login (a `failed-logins` notice). Throws
   * LOGIN_FAILED without saying whether the username exists.
   */
  async login(
    rawUsername: string,
    password: string,
    address: string,
    previousToken?: string,
  ): Promise<{ account: Account; session: NewSession; notices: Notice[] }> {
    const now = this.clock();
    let username: string;
    try {
      username = normaliseUsername(rawUsername);
    } catch {
      username = rawUsername.normalize('NFKC').trim().toLowerCase().slice(0, 64);
    }
    const account = await this.db
      .selectFrom('accounts')
      .select([
        'id',
        'username',
        'password_hash',
        'created_at',
        'failed_logins',
        'last_failed_login_at',
      ])
      .where('username', '=', username)
      .executeTakeFirst();
    const accountKey = account ? `account:${account.id}` : `user:${username}`;
    const addressKey = `address:${address}`;
    const throttles = await this.db
      .selectFrom('login_throttles')
      .select(['key', 'failures', 'last_failure_at', 'blocked_until'])
      .where('key', 'in', [accountKey, addressKey])
      .execute();
    const stateOf = (key: string): ThrottleState | undefined => {
      const row = throttles.find((r) => r.key === key);
      return row
        ? {
            failures: row.failures,
            lastFailureAt: Number(row.last_failure_at),
            blockedUntil: Number(row.blocked_until),
          }
        : undefined;
    };
    const wait = Math.max(waitFor(stateOf(accountKey), now), waitFor(stateOf(addressKey), now));
    if (wait > 0) throw accountError('LOGIN_THROTTLED', { seconds: Math.ceil(wait / 1000) });

    const ok = account
      ? await verifyPassword(account.password_hash, password)
      : await verifyNothing(password);
    if (!account || !ok) {
      const at = this.clock();
      await this.db.transaction().execute(async (tx) => {
        for (const [key, rule] of [
          [accountKey, this.accountRule],
          [addressKey, this.addressRule],
        ] as const) {
          const next = afterFailure(stateOf(key), at, rule);
          await tx
            .insertInto('login_throttles')
            .values({
              key,
              failures: next.failures,
              last_failure_at: next.lastFailureAt,
              blocked_until: next.blockedUntil,
            })
            .onConflict((oc) =>
              oc.column('key').doUpdateSet({
                failures: next.failures,
                last_failure_at: next.lastFailureAt,
                blocked_until: next.blockedUntil,
              }),
            )
            .execute();
        }
        if (account) {
          await tx
            .updateTable('accounts')
            .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), last_failed_login_at: at }))
            .where('id', '=', account.id)
            .execute();
        }
      });
      throw accountError('LOGIN_FAILED');
    }

    const session = await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('login_throttles').where('key', '=', accountKey).execute();
      // Read and reset the counter under a row lock: failures recorded meanwhile are not lost.
      const counted = await tx
        .selectFrom('accounts')
        .select(['failed_logins', 'last_failed_login_at'])
        .where('id', '=', account.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('accounts')
        .set({ failed_logins: 0 })
        .where('id', '=', account.id)
        .execute();
      const failed = counted.failed_logins;
      if (failed > 0) {
        await tx
          .insertInto('account_notices')
          .values({
            account_id: account.id,
            kind: 'failed-logins',
            data: JSON.stringify({
              count: failed,
              lastAt: Number(counted.last_failed_login_at ?? now),
            }),
            created_at: now,
            seen_at: null,
          })
          .execute();
      }
      if (previousToken && SESSION_TOKEN.test(previousToken))
        await tx
          .deleteFrom('sessions')
          .where('token_hash', '=', tokenHash(previousToken))
          .execute();
      return this.insertSession(tx, account.id, now);
    });
    return {
      account: {
        id: account.id,
        username: account.username,
        createdAt: Number(account.created_at),
      },
      session,
      notices: await this.notices(account.id, { unseenOnly: true }),
    };
  }

  /**
   * Opens a session for an account that just proved itself another way (it was created
   * by this very request), closing `previousToken`'s session. Rotation as in `login`.
   */
  async openSession(accountId: number, previousToken?: string): Promise<NewSession> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      if (previousToken && SESSION_TOKEN.test(previousToken))
        await tx
          .deleteFrom('sessions')
          .where('token_hash', '=', tokenHash(previousToken))
          .execute();
      return this.insertSession(tx, accountId, now);
    });
  }

  /**
   * The live session of a cookie's token, or null when there is none, it was closed,
   * or it has expired (idle or absolute timeout; an expired session is deleted).
   * Refreshes its last use at most every `touchEveryMs`. With `orgId`, the same query
   * also answers who the account is in that organisation (`link`, as `memberIn`): one
   * round trip for what every member request needs.
   */
  async session(token: string, orgId?: number): Promise<SessionInfo | null> {
    if (!SESSION_TOKEN.test(token)) return null;
    const hash = tokenHash(token);
    const row = await this.loader.load(hash, orgId ?? -1);
    if (!row) return null;
    const now = this.clock();
    const createdAt = Number(row.created_at);
    const lastSeenAt = Number(row.last_seen_at);
    if (now - lastSeenAt >= this.policy.idleMs || now - createdAt >= this.policy.absoluteMs) {
      await this.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
      return null;
    }
    if (now - lastSeenAt >= this.policy.touchEveryMs) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('token_hash', '=', hash)
        .execute();
    }
    const link =
      row.linked_at === null
        ? null
        : row.member_id !== null
          ? { memberId: row.member_id }
          : { pending: row.invitation_id ?? '' };
    return {
      accountId: row.account_id,
      username: row.username,
      csrfToken: row.csrf_token,
      createdAt,
      lastSeenAt: Math.max(lastSeenAt, now),
      ...(orgId === undefined ? {} : { link }),
    };
  }

  /** Closes one session (logging out). */
  async logout(token: string): Promise<void> {
    if (!SESSION_TOKEN.test(token)) return;
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
  }

  /** Closes every session of the account, on every server process (they share the table). */
  async logoutEverywhere(accountId: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Changes the password after checking the current one (WRONG_PASSWORD), closes every
   * session of the account, and opens a fresh one for the caller (OWASP: renew the
   * session id after a privilege change; a thief's stolen session ends).
   */
  async changePassword(accountId: number, current: string, next: string): Promise<NewSession> {
    const account = await this.db
      .selectFrom('accounts')
      .select(['username', 'password_hash'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!account) throw accountError('SESSION_EXPIRED');
    if (!(await verifyPassword(account.password_hash, current)))
      throw accountError('WRONG_PASSWORD');
    const problem = passwordProblem(next, { username: account.username });
    if (problem) throw accountError('WEAK_PASSWORD', { reason: problem });
    const passwordHash = await hashPassword(next);
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set({ password_hash: passwordHash, password_changed_at: now })
        .where('id', '=', accountId)
        .execute();
      await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      return this.insertSession(tx, accountId, now);
    });
  }

  /**
   * Removes an account created by a request whose work then failed (founding or joining
   * refused by the rules), so that the person can try again with the same username. Only
   * an account that belongs to no organisation is removed.
   */
  async discard(accountId: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const member = await tx
        .selectFrom('account_members')
        .select('org_id')
        .where('account_id', '=', accountId)
        .where('member_id', 'is not', null)
        .executeTakeFirst();
      if (member) return;
      await tx.deleteFrom('account_members').where('account_id', '=', accountId).execute();
      await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      await tx.deleteFrom('account_notices').where('account_id', '=', accountId).execute();
      await tx.deleteFrom('accounts').where('id', '=', accountId).execute();
    });
  }

  /** The id of the account with this username (compared as `register` stores it), or null. */
  async accountIdOf(rawUsername: string): Promise<number | null> {
    let username: string;
    try {
      username = normaliseUsername(rawUsername);
    } catch {
      return null;
    }
    const row = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async account(accountId: number): Promise<Account | null> {
    const row = await this.db
      .selectFrom('accounts')
      .select(['id', 'username', 'created_at'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row ? { id: row.id, username: row.username, createdAt: Number(row.created_at) } : null;
  }

  /** The account's notices, newest first. */
  async notices(accountId: number, options: { unseenOnly?: boolean } = {}): Promise<Notice[]> {
    let query = this.db
      .selectFrom('account_notices')
      .select(['id', 'kind', 'data', 'created_at', 'seen_at'])
      .where('account_id', '=', accountId);
    if (options.unseenOnly) query = query.where('seen_at', 'is', null);
    const rows = await query.orderBy('id', 'desc').limit(100).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      data: JSON.parse(r.data) as Record<string, unknown>,
      createdAt: Number(r.created_at),
      seenAt: r.seen_at === null ? null : Number(r.seen_at),
    }));
  }

  async markNoticesSeen(accountId: number): Promise<void> {
    await this.db
      .updateTable('account_notices')
      .set({ seen_at: this.clock() })
      .where('account_id', '=', accountId)
      .where('seen_at', 'is', null)
      .execute();
  }

  /** Every organisation where the account is a member (whatever the member's status). */
  async memberships(accountId: number): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom('account_members')
      .innerJoin('organisations', 'organisations.id', 'account_members.org_id')
      .select(['account_members.org_id', 'organisations.slug', 'account_members.member_id'])
      .where('account_members.account_id', '=', accountId)
      .where('account_members.member_id', 'is not', null)
      .orderBy('organisations.slug')
      .execute();
    return rows.map((r) => ({ orgId: r.org_id, org: r.slug, memberId: r.member_id as string }));
  }

  /**
   * The member the account is in the organisation: its id, `pending` with the invitation
   * id while an acceptance is unfinished, or null.
   */
  async memberIn(accountId: number, orgId: number): Promise<MemberLink> {
    const row = await this.db
      .selectFrom('account_members')
      .select(['member_id', 'invitation_id'])
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    if (!row) return null;
    if (row.member_id !== null) return { memberId: row.member_id };
    return { pending: row.invitation_id ?? '' };
  }

  /** The account that is `memberId` in the organisation, if any. */
  async accountOf(orgId: number, memberId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('account_members')
      .select('account_id')
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row?.account_id ?? null;
  }

  /**
   * Links the account to the member it became (founding), in one step; through `db` when
   * given (the founding's append transaction, so that both commit or neither does).
   */
  async linkMember(
    accountId: number,
    orgId: number,
    memberId: string,
    db: Kysely<StoreDatabase> = this.db,
  ): Promise<void> {
    await db
      .withTables<AccountTables>()
      .insertInto('account_members')
      .values({
        org_id: orgId,
        account_id: accountId,
        member_id: memberId,
        invitation_id: null,
        created_at: this.clock(),
      })
      .execute();
  }

  /**
   * Before an invitation is used on the log: records that this account is accepting it.
   * At most one claim per (organisation, invitation) and per (organisation, account), so
   * that a crash after the log's commit can be repaired without doubt (`settleClaim`
   * with the invitation's `usedBy`). Throws ALREADY_A_MEMBER or INVITATION_BUSY.
   */
  async claimInvitation(claim: InvitationClaim, org: string): Promise<void> {
    const existing = await this.memberIn(claim.accountId, claim.orgId);
    if (existing && 'memberId' in existing) throw accountError('ALREADY_A_MEMBER', { org });
    if (existing && 'pending' in existing && existing.pending !== claim.invitationId)
      throw accountError('INVITATION_BUSY');
    const inserted = await this.db
      .insertInto('account_members')
      .values({
        org_id: claim.orgId,
        account_id: claim.accountId,
        member_id: null,
        invitation_id: claim.invitationId,
        created_at: this.clock(),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0 && !existing)
      throw accountError('INVITATION_BUSY');
  }

  /** Unfinished claims of this account, or on this invitation, in the organisation. */
  async pendingClaims(
    orgId: number,
    accountId: number,
    invitationId: string,
  ): Promise<(InvitationClaim & { readonly createdAt: number })[]> {
    const rows = await this.db
      .selectFrom('account_members')
      .select(['account_id', 'invitation_id', 'created_at'])
      .where('org_id', '=', orgId)
      .where('member_id', 'is', null)
      .where((eb) =>
        eb.or([eb('account_id', '=', accountId), eb('invitation_id', '=', invitationId)]),
      )
      .execute();
    return rows.map((r) => ({
      orgId,
      accountId: r.account_id,
      invitationId: r.invitation_id ?? '',
      createdAt: Number(r.created_at),
    }));
  }

  /**
   * Finishes a claim: `memberId` when the join is on the log, or null when it was refused
   * (the claim is released, and the invitation may be tried again).
   */
  async settleClaim(claim: InvitationClaim, memberId: string | null): Promise<void> {
    const where = this.db
      .updateTable('account_members')
      .where('org_id', '=', claim.orgId)
      .where('account_id', '=', claim.accountId)
      .where('invitation_id', '=', claim.invitationId)
      .where('member_id', 'is', null);
    if (memberId === null) {
      await this.db
        .deleteFrom('account_members')
        .where('org_id', '=', claim.orgId)
        .where('account_id', '=', claim.accountId)
        .where('invitation_id', '=', claim.invitationId)
        .where('member_id', 'is', null)
        .execute();
      return;
    }
    await where.set({ member_id: memberId }).execute();
  }

  /**
   * Constant-time comparison of a CSRF token with the session's (OWASP CSRF Prevention
   * Cheat Sheet, "Synchronizer token").
   */
  static sameToken(a: string, b: string): boolean {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  }

  /** A fresh random token: 256 bits, base64url (43 characters). */
  newToken(): string {
    return Buffer.from(this.random(32)).toString('base64url');
  }

  private async insertSession(
    tx: Kysely<AccountTables & StoreDatabase>,
    accountId: number,
    now: number,
  ): Promise<NewSession> {
    const token = this.newToken();
    const csrfToken = this.newToken();
    await tx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash(token),
        account_id: accountId,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
      })
      .execute();
    return { token, csrfToken, expiresIdleAt: now + this.policy.idleMs };
  }
}
