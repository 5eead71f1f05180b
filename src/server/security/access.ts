import type { SessionInfo } from '../../accounts/accounts.js';
import type { Organisation } from '../../store/store.js';

/**
 * Who may call a route; every route under `/api/` declares one in its
 * `config.access` (build-app refuses to start otherwise):
 *
 * - `public`: anyone, logged in or not (the record, the organisation's public profile,
 *   logging in, accepting an invitation).
 * - `account`: a logged-in account (401 without a live session).
 * - `member`: an account that is an active member of the organisation `:org` in the
 *   path (401 without a session, 404 for an unknown organisation, 403 for a non-member
 *   or a member who left or was expelled). What the member may do there is then the
 *   rules' decision (democracy `decide`), mapped to 403/409/422 with the rule's code.
 * - `record`: a read of the organisation's record (its entries, tiles, proofs and the
 *   pages computed from them). Who may read is the constitution's `recordVisibility`
 *   (docs/design/record.md, "Who may read the record"): anyone when `public`; under
 *   `members`, an active member's session or a read token the organisation granted by
 *   motion (`Authorization: Bearer <token>`), else 401/403 (RECORD_MEMBERS_ONLY). An
 *   invalid or revoked token is refused (READ_TOKEN_INVALID) whatever the visibility.
 * - `signed`: a member's signed act (`POST …/acts`): the body's RFC 9421 signature is
 *   the credential, checked by the service; no session and no CSRF token (a cross-site
 *   page cannot make a member's signature).
 */
export type Access = 'public' | 'account' | 'member' | 'record' | 'signed';

/**
 * Whose eyes a `record` read is for, which decides the names it shows
 * (service/views/names.ts): a member sees members' names, anyone else the officials'.
 */
export type Reader = 'member' | 'token' | 'public';

/** The member a request acts as, once its account and organisation are resolved. */
export interface ActingMember {
  readonly org: Organisation;
  readonly memberId: string;
  readonly accountId: number;
}

/** What the guards found out about a request. */
export interface RequestAuth {
  /** The live session of the request's cookie, if any. */
  session: SessionInfo | null;
  /** The session cookie's token as sent (for logging out and rotation). */
  sessionToken: string | null;
  /** For `member` routes, and `record` reads by a member: who acts. */
  member: ActingMember | null;
  /** For `record` routes: whose eyes the answer is for. */
  reader: Reader | null;
}

/** The audience of a `record` read's views: a member's, or anyone else's. */
export function audienceOf(request: { auth: RequestAuth }): 'member' | 'public' {
  return request.auth.reader === 'member' ? 'member' : 'public';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (security/access.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

/** The acting member of a `member` route's request (set by the guard before the handler). */
export function actingMember(request: { auth: RequestAuth }): ActingMember {
  const member = request.auth.member;
  if (!member) throw new Error('actingMember() on a route whose access is not "member"');
  return member;
}

/** The session of an `account` or `member` route's request. */
export function actingSession(request: { auth: RequestAuth }): SessionInfo {
  const session = request.auth.session;
  if (!session) throw new Error('actingSession() on a route without a session');
  return session;
}
