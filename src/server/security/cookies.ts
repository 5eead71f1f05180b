import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie: HttpOnly, so no script (an injected one included) can read it. */
export const SESSION_COOKIE = 'soviet_session';
/**
 * The CSRF cookie: readable by the page's script, which sends its value back in the
 * `x-csrf-token` header (OWASP CSRF Prevention Cheat Sheet: double-submit before login,
 * the session's synchronizer token after). The web client reads it (src/web/api/client.ts).
 */
export const CSRF_COOKIE = 'soviet_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** `Secure` when the request came over TLS (directly or, with trustProxy, via a proxy). */
function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax (sent on top-level navigation from a
 * link, never on cross-site subrequests), Secure over TLS, for the whole site, and for
 * the browser session only (the server ends it after inactivity anyway).
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
  });
}

/** Sets the CSRF cookie: readable by script, SameSite=Strict, Secure over TLS. */
export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: secure(request),
  });
}
