import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account, Accounts } from '../../accounts/accounts.js';
import { accountError } from '../../accounts/errors.js';
import { commonErrors } from '../../errors/common-errors.js';
import { errorFactory } from '../../errors/define-errors.js';
import { setCsrfCookie, setSessionCookie } from '../security/cookies.js';

const commonError = errorFactory(commonErrors);

/**
 * Runs `work` for the request's account: the logged-in one, or a new one made from
 * `newAccount` (RULES.md: an account is created by founding an organisation or by
 * accepting an invitation). A new account whose work fails is removed again, so the
 * person may retry with the same username; one whose work succeeds is logged in (a new
 * session, the old cookie's closed: rotation).
 */
export async function withAccount<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: Accounts,
  newAccount: { readonly username: string; readonly password: string } | undefined,
  work: (account: Account) => Promise<T>,
): Promise<{
  result: T;
  account: { id: number; username: string };
  csrfToken: string;
}> {
  const session = request.auth.session;
  if (session) {
    if (newAccount)
      throw commonError('BAD_REQUEST', {
        reason: 'you are logged in, so leave out "account" (or log out first)',
      });
    const account = await accounts.account(session.accountId);
    if (!account) throw accountError('SESSION_EXPIRED');
    const result = await work(account);
    return {
      result,
      account: { id: account.id, username: account.username },
      csrfToken: session.csrfToken,
    };
  }
  if (!newAccount) throw accountError('UNAUTHENTICATED');
  const account = await accounts.register(newAccount.username, newAccount.password);
  let result: T;
  try {
    result = await work(account);
  } catch (error) {
    await accounts.discard(account.id);
    throw error;
  }
  const opened = await accounts.openSession(account.id, request.auth.sessionToken ?? undefined);
  setSessionCookie(request, reply, opened.token);
  setCsrfCookie(request, reply, opened.csrfToken);
  return {
    result,
    account: { id: account.id, username: account.username },
    csrfToken: opened.csrfToken,
  };
}
