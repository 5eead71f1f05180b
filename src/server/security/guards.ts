import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Accounts } from '../../accounts/accounts.js';
import { accountError } from '../../accounts/errors.js';
import { tokenHashOf } from '../../democracy/index.js';
import { storeError } from '../../store/errors.js';
import type { Organisation } from '../../store/store.js';
import { serverError } from '../errors.js';
import type { RequestAuth } from './access.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import type { SecurityConfig } from './security-config.js';

/** The status of a member in an organisation's state (null: no such member). */
export type MemberStatusOf = (
  org: string,
  memberId: string,
) => Promise<'active' | 'left' | 'expelled' | null>;

export interface GuardDeps {
  readonly accounts: Accounts;
  readonly security: SecurityConfig;
  /** The organisation called `slug` (throws ORG_NOT_FOUND). */
  readonly organisation: (slug: string) => Promise<Organisation>;
  /** Absent when the instance runs no democracy domain: then no `member` route exists. */
  readonly memberStatus?: MemberStatusOf;
  /** Who used an invitation, per the log (repairs an acceptance a crash left unfinished). */
  readonly invitationUsedBy?: (org: string, invitationId: string) => Promise<string | null>;
  /** Who may read the organisation's record (its constitution's `recordVisibility`). */
  readonly recordVisibility?: (org: string) => Promise<'members' | 'public'>;
  /** Whether a read token (its SHA-256, hex) is live in the organisation. */
  readonly readGrant?: (org: string, tokenHash: string) => Promise<boolean>;
}

/** RFC 9110 §9.2.1: only these methods are safe; every other one changes state. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The guards every request passes before its body is even parsed (Fastify `onRequest`),
 * in this order:
 *
 * 1. the session: the `soviet_session` cookie's live session, if any;
 * 2. CSRF, on every state-changing request (OWASP CSRF Prevention Cheat Sheet): the
 *    Origin header (or, without one, the Referer's origin) must be this site's
 *    (CSRF_ORIGIN), and the `x-csrf-token` header must equal the session's token, or
 *    before login the `soviet_csrf` cookie (double submit) (CSRF_TOKEN);
 * 3. the route's declared access (security/access.ts): 401 without a session, and for
 *    `member` routes 404 for an unknown organisation and 403 for a non-member or (on a
 *    read; on a command the rules refuse them) a member who has left or was expelled.
 *
 * Refusing here, before validation, means a request nobody may make learns nothing
 * about what a valid one looks like.
 */
export function installGuards(app: FastifyInstance, deps: GuardDeps): void {
  app.decorateRequest('auth', null as unknown as RequestAuth);
  app.addHook('onRequest', async (request) => {
    const auth: RequestAuth = { session: null, sessionToken: null, member: null, reader: null };
    request.auth = auth;
    const access = request.routeOptions.config.access;
    if (access === 'record') return recordReader(request, deps);
    // A signed act carries its own credential, the member's signature over the body
    // (docs/design/record.md, "Signed acts"): no session is read, and no CSRF check is
    // needed, since a cross-site page cannot make the member's signature.
    if (access === 'signed') return;
    const unsafe = !SAFE.has(request.method);
    // Public reads (the record's tiles, health) never touch the session table.
    if (access === 'public' && !unsafe && !request.url.startsWith('/api/v1/session')) return;
    const token = request.cookies[SESSION_COOKIE];
    const hasToken = typeof token === 'string' && token !== '';
    let org: Organisation | null = null;
    if (access === 'member') {
      if (!hasToken) throw accountError('UNAUTHENTICATED');
      const slug = (request.params as { org?: unknown }).org;
      if (typeof slug !== 'string' || !SLUG.test(slug))
        throw storeError('ORG_NOT_FOUND', { org: String(slug) });
      org = await deps.organisation(slug);
    }
    if (hasToken) {
      auth.sessionToken = token;
      // For a member route, the session and the account's member in the org in one query.
      auth.session = await deps.accounts.session(token, org?.id);
    }
    if (unsafe) checkCsrf(request, deps.security, auth);
    if (access === undefined || access === 'public') return;
    const session = auth.session;
    if (!session) throw accountError(auth.sessionToken ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (access === 'account' || org === null) return;
    let link = session.link ?? null;
    if (link && 'pending' in link && deps.invitationUsedBy) {
      // The join may be on the log while the link was never written (a crash between).
      const usedBy = await deps.invitationUsedBy(org.slug, link.pending);
      if (usedBy !== null) {
        const claim = { orgId: org.id, accountId: session.accountId, invitationId: link.pending };
        await deps.accounts.settleClaim(claim, usedBy);
        link = { memberId: usedBy };
      }
    }
    if (!link || !('memberId' in link)) throw accountError('NOT_AN_ORG_MEMBER', { org: org.slug });
    // A member who left or was expelled keeps the account and its link. Reads check the
    // status here; a command is checked by the rules themselves (every member command's
    // decide refuses an inactive actor, NOT_A_MEMBER), which spares it a state read.
    const status = !unsafe
      ? deps.memberStatus
        ? await deps.memberStatus(org.slug, link.memberId)
        : null
      : 'active';
    if (status !== 'active') {
      if (status === null) throw accountError('NOT_AN_ORG_MEMBER', { org: org.slug });
      throw accountError('MEMBERSHIP_ENDED', { org: org.slug, status });
    }
    auth.member = { org, memberId: link.memberId, accountId: session.accountId };
  });
}

/**
 * The `record` access (security/access.ts): a read token first (a mirror, an auditor or
 * a witness presents one whatever the visibility), then a member's session, then the
 * organisation's visibility decides whether anyone else may read.
 */
async function recordReader(request: FastifyRequest, deps: GuardDeps): Promise<void> {
  const auth = request.auth;
  const slug = (request.params as { org?: unknown }).org;
  if (typeof slug !== 'string' || !SLUG.test(slug))
    throw storeError('ORG_NOT_FOUND', { org: String(slug) });
  const org = await deps.organisation(slug);
  const bearer = /^Bearer ([0-9a-f]{64})$/i.exec(header(request, 'authorization') ?? '');
  if (header(request, 'authorization') !== undefined) {
    const live =
      bearer !== null && deps.readGrant
        ? await deps.readGrant(org.slug, tokenHashOf(bearer[1]?.toLowerCase() ?? ''))
        : false;
    if (!live) throw serverError('READ_TOKEN_INVALID', { org: org.slug });
    auth.reader = 'token';
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (typeof token === 'string' && token !== '') {
    auth.sessionToken = token;
    auth.session = await deps.accounts.session(token, org.id);
    const link = auth.session?.link;
    if (link && 'memberId' in link && deps.memberStatus) {
      if ((await deps.memberStatus(org.slug, link.memberId)) === 'active') {
        auth.member = { org, memberId: link.memberId, accountId: auth.session?.accountId ?? 0 };
        auth.reader = 'member';
        return;
      }
    }
  }
  const visibility = deps.recordVisibility ? await deps.recordVisibility(org.slug) : 'public';
  if (visibility === 'public') {
    auth.reader = 'public';
    return;
  }
  throw serverError(auth.session ? 'RECORD_MEMBERS_ONLY_FORBIDDEN' : 'RECORD_MEMBERS_ONLY', {
    org: org.slug,
  });
}

function checkCsrf(request: FastifyRequest, security: SecurityConfig, auth: RequestAuth): void {
  const allowed = security.origins.length > 0 ? security.origins : [ownOrigin(request)];
  const origin = header(request, 'origin');
  let from: string | null = null;
  if (origin !== undefined) from = origin;
  else {
    const referer = header(request, 'referer');
    if (referer !== undefined) {
      try {
        from = new URL(referer).origin;
      } catch {
        from = null;
      }
    }
  }
  if (from === null || from === 'null' || !allowed.includes(from)) throw serverError('CSRF_ORIGIN');
  const sent = header(request, CSRF_HEADER);
  if (sent === undefined || sent.length === 0 || sent.length > 128) throw serverError('CSRF_TOKEN');
  const expected = auth.session ? auth.session.csrfToken : request.cookies[CSRF_COOKIE];
  if (typeof expected !== 'string' || expected.length === 0 || !Accounts.sameToken(sent, expected))
    throw serverError('CSRF_TOKEN');
}

/** The request's own origin, normalised (`http://localhost:80` is `http://localhost`). */
function ownOrigin(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return 'null';
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
