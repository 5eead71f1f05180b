import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Accounts } from '../../accounts/accounts.js';
import { PASSWORD_MAX_LENGTH } from '../../accounts/password-policy.js';
import { NoBody, withErrors } from '../schemas/common.js';
import { actingSession } from '../security/access.js';
import {
  CSRF_COOKIE,
  clearSessionCookie,
  setCsrfCookie,
  setSessionCookie,
} from '../security/cookies.js';
import { rateLimitOf } from '../security/rate-limits.js';
import type { SecurityConfig } from '../security/security-config.js';

export interface AccountRouteDeps {
  readonly accounts: Accounts;
  readonly security: SecurityConfig;
}

export const AccountView = Type.Object(
  { id: Type.Integer(), username: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const MembershipView = Type.Object(
  {
    org: Type.String({ description: 'The organisation (its slug).' }),
    memberId: Type.String({ description: 'Who the account is in it.' }),
  },
  { additionalProperties: false },
);

export const NoticeView = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Enum(['failed-logins'], {
      description: '`failed-logins`: someone tried wrong passwords on this account.',
    }),
    data: Type.Object(
      {
        count: Type.Integer({ description: 'Failed attempts since the last login.' }),
        lastAt: Type.Integer({ description: 'The last one (Unix ms).' }),
      },
      { additionalProperties: false },
    ),
    createdAt: Type.Integer(),
    seenAt: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const SessionView = Type.Object(
  {
    account: Type.Union([AccountView, Type.Null()], {
      description: 'The logged-in account, or null.',
    }),
    csrfToken: Type.String({
      description: 'Send it as `x-csrf-token` with every state-changing request.',
    }),
    memberships: Type.Array(MembershipView),
    notices: Type.Array(NoticeView, { description: 'Unseen notices to the account owner.' }),
  },
  { additionalProperties: false },
);

const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

/** A new account's username and password (founding an organisation, accepting an invitation). */
export const NewAccount = Type.Object(
  {
    username: Type.String({
      minLength: 3,
      maxLength: 64,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$',
      description: 'Letters, digits, dots, hyphens, underscores; compared in lower case.',
    }),
    password: Type.String({
      minLength: 1,
      maxLength: PASSWORD_MAX_LENGTH,
      description: 'At least 12 characters, not a common password (a passphrase is easiest).',
    }),
  },
  { additionalProperties: false },
);

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions and the account (accounts/accounts.ts): who is logged in, logging in and
 * out (here or everywhere), changing the password, notices to the owner. Logging in
 * and changing the password open a new session (rotation: a session id planted before
 * is worthless) and a new CSRF token.
 */
export const accountRoutes: FastifyPluginAsyncTypebox<{ deps: AccountRouteDeps }> = async (
  app,
  { deps },
) => {
  const { accounts, security } = deps;

  const anonymousCsrf = (request: FastifyRequest, reply: FastifyReply): string => {
    const known = request.cookies[CSRF_COOKIE];
    if (typeof known === 'string' && TOKEN.test(known)) return known;
    const token = accounts.newToken();
    setCsrfCookie(request, reply, token);
    return token;
  };

  app.get(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Who is logged in, and the CSRF token',
        tags: ['account'],
        response: withErrors({ 200: SessionView }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.auth.session;
      if (!session) {
        return {
          account: null,
          csrfToken: anonymousCsrf(request, reply),
          memberships: [],
          notices: [],
        };
      }
      if (request.cookies[CSRF_COOKIE] !== session.csrfToken)
        setCsrfCookie(request, reply, session.csrfToken);
      const [account, memberships, notices] = await Promise.all([
        accounts.account(session.accountId),
        accounts.memberships(session.accountId),
        accounts.notices(session.accountId, { unseenOnly: true }),
      ]);
      return {
        account: account ? { id: account.id, username: account.username } : null,
        csrfToken: session.csrfToken,
        memberships: memberships.map((m) => ({ org: m.org, memberId: m.memberId })),
        notices: notices as never,
      };
    },
  );

  app.post(
    '/api/v1/session',
    {
      config: { access: 'public', ...rateLimitOf(security, 'login') },
      schema: {
        summary: 'Log in',
        description:
          'Opens a new session (the old one, if any, is closed). Failed attempts slow down exponentially per account and per address; the owner is told at the next login.',
        tags: ['account'],
        body: Credentials,
        response: withErrors({ 200: SessionView }),
      },
    },
    async (request, reply) => {
      const { account, session, notices } = await accounts.login(
        request.body.username,
        request.body.password,
        request.ip,
        request.auth.sessionToken ?? undefined,
      );
      setSessionCookie(request, reply, session.token);
      setCsrfCookie(request, reply, session.csrfToken);
      reply.header('cache-control', 'no-store');
      const memberships = await accounts.memberships(account.id);
      return {
        account: { id: account.id, username: account.username },
        csrfToken: session.csrfToken,
        memberships: memberships.map((m) => ({ org: m.org, memberId: m.memberId })),
        notices: notices as never,
      };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Log out',
        tags: ['account'],
        body: NoBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      if (request.auth.sessionToken) await accounts.logout(request.auth.sessionToken);
      clearSessionCookie(request, reply);
      setCsrfCookie(request, reply, accounts.newToken());
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/account/sessions',
    {
      config: { access: 'account' },
      schema: {
        summary: 'Log out everywhere',
        description: 'Closes every session of the account, on every device and server process.',
        tags: ['account'],
        body: NoBody,
        response: withErrors({
          200: Type.Object({ closed: Type.Integer() }, { additionalProperties: false }),
        }),
      },
    },
    async (request, reply) => {
      const closed = await accounts.logoutEverywhere(actingSession(request).accountId);
      clearSessionCookie(request, reply);
      setCsrfCookie(request, reply, accounts.newToken());
      return { closed };
    },
  );

  app.put(
    '/api/v1/account/password',
    {
      config: { access: 'account', ...rateLimitOf(security, 'login') },
      schema: {
        summary: 'Change the password',
        description:
          'Checks the current password, closes every session of the account and opens a new one for this browser.',
        tags: ['account'],
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
            newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({
          200: Type.Object({ csrfToken: Type.String() }, { additionalProperties: false }),
        }),
      },
    },
    async (request, reply) => {
      const session = await accounts.changePassword(
        actingSession(request).accountId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      setSessionCookie(request, reply, session.token);
      setCsrfCookie(request, reply, session.csrfToken);
      return { csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/v1/account/notices',
    {
      config: { access: 'account' },
      schema: {
        summary: "Notices to the account's owner",
        tags: ['account'],
        response: withErrors({ 200: Type.Object({ notices: Type.Array(NoticeView) }) }),
      },
    },
    async (request) => ({
      notices: (await accounts.notices(actingSession(request).accountId)) as never,
    }),
  );

  app.post(
    '/api/v1/account/notices/seen',
    {
      config: { access: 'account' },
      schema: {
        summary: 'Mark every notice seen',
        tags: ['account'],
        body: NoBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { accountId } = actingSession(request);
      const answer = await app.idempotency.changeOnce(request, accountId, async () => {
        await accounts.markNoticesSeen(accountId);
        return { status: 204, body: null };
      });
      return reply.status(answer.status).send(null);
    },
  );
};
