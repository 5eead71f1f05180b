import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Accounts } from '../../accounts/accounts.js';
import type { StoreDatabase } from '../../store/schema.js';
import { fingerprintOf, type IdempotencyKeys, idempotencyKeyOf } from '../idempotency.js';
import { setCsrfCookie, setSessionCookie } from '../security/cookies.js';

/** What founding and accepting an invitation answer besides what they store. */
export interface AccountPart {
  readonly account: { readonly id: number; readonly username: string };
  readonly csrfToken: string;
}

/** Stores `body` as the key's first answer, for `accountId`, in the change's transaction. */
export type KeyRecorder = (
  tx: Kysely<StoreDatabase>,
  accountId: number,
  body: Record<string, unknown>,
) => Promise<void>;

/** The status founding and acceptance answer. */
const CREATED = 201;

/**
 * The `Idempotency-Key` (../idempotency.ts) of the routes that may create the account
 * they act for: founding an organisation and accepting an invitation. Their first
 * request may come with no session, so the key belongs to the account the request
 * names: the session's, or the one `newAccount` creates (found again by its username).
 *
 * `first` does the work as without a key, handing `record` to the transaction that
 * commits it; what it stores is only the answer's `body`, free of personal data (the
 * organisation, the member id, where the log stands). A retry with the same key and
 * request gets that body with the account and CSRF token of its own session: the
 * logged-in one, or, for a request that created its account, a new one opened by
 * logging in with the request's password (checked and throttled as any login, so a
 * replay is never a way around the password; the fingerprint leaves passwords out).
 */
export async function onceForAccount<B extends Record<string, unknown>>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { readonly accounts: Accounts; readonly idempotency: IdempotencyKeys },
  newAccount: { readonly username: string; readonly password: string } | undefined,
  first: (record: KeyRecorder | undefined) => Promise<{ body: B } & AccountPart>,
): Promise<B & AccountPart> {
  const present = ({ body, account, csrfToken }: { body: B } & AccountPart) => ({
    ...body,
    account,
    csrfToken,
  });
  const key = idempotencyKeyOf(request.headers);
  const session = request.auth.session;
  const owner = session ? `${session.accountId}` : newAccount && `user:${newAccount.username}`;
  // No key, or nobody to keep it for (the work refuses an anonymous request without an account).
  if (key === undefined || owner === undefined) {
    const done = await first(undefined);
    reply.status(CREATED);
    return present(done);
  }
  const fingerprint = fingerprintOf(request);
  const { accounts, idempotency } = deps;
  return idempotency.hold(`${owner.toLowerCase()}|${key}`, async () => {
    const accountId =
      session?.accountId ?? (newAccount ? await accounts.accountIdOf(newAccount.username) : null);
    const stored =
      accountId === null ? undefined : await idempotency.stored({ accountId, key, fingerprint });
    if (stored) {
      reply.status(stored.status);
      return {
        ...(stored.body as B),
        ...(await replayedAccount(request, reply, accounts, newAccount)),
      };
    }
    reply.status(CREATED);
    return present(
      await first((tx, accountId, body) =>
        idempotency.record(tx, { accountId, key, fingerprint }, { status: CREATED, body }),
      ),
    );
  });
}

/**
 * The account part of a replayed answer: the logged-in session's, or a new session for
 * the account the first request created, opened as a login (LOGIN_FAILED for another
 * password, LOGIN_THROTTLED after too many) with the session rotated as at every login.
 */
async function replayedAccount(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: Accounts,
  newAccount: { readonly username: string; readonly password: string } | undefined,
): Promise<AccountPart> {
  const session = request.auth.session;
  if (session)
    return {
      account: { id: session.accountId, username: session.username },
      csrfToken: session.csrfToken,
    };
  const { username, password } = newAccount as { username: string; password: string };
  const login = await accounts.login(
    username,
    password,
    request.ip,
    request.auth.sessionToken ?? undefined,
  );
  setSessionCookie(request, reply, login.session.token);
  setCsrfCookie(request, reply, login.session.csrfToken);
  return {
    account: { id: login.account.id, username: login.account.username },
    csrfToken: login.session.csrfToken,
  };
}
