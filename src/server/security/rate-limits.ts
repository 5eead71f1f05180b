import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverError } from '../errors.js';
import type { SecurityConfig } from './security-config.js';

/** The routes that carry a rate limit (OWASP: authentication, invitations, ballots). */
export type LimitedKind = 'login' | 'invitation' | 'ballot' | 'founding';

/**
 * Registers @fastify/rate-limit for the routes that ask for it (not globally). A refusal
 * is RATE_LIMITED (429) with `Retry-After`. Limits are counted in this process's memory:
 * with several server processes each enforces its own, and the login throttle (stored
 * in the database, accounts/login-throttle-policy.ts) is what binds them all.
 */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(serverError('RATE_LIMITED', { seconds: Math.ceil(context.ttl / 1000) }), {
        statusCode: 429,
      }),
  });
}

/** The key of a limit: the account when logged in (ballots), else the client address. */
function keyOf(request: FastifyRequest): string {
  const session = request.auth?.session;
  return session ? `account:${session.accountId}` : `address:${request.ip}`;
}

/** A route's `config.rateLimit` for `kind`, or nothing when limits are off. */
export function rateLimitOf(
  security: SecurityConfig,
  kind: LimitedKind,
): {
  rateLimit?: { max: number; timeWindow: number; keyGenerator: (r: FastifyRequest) => string };
} {
  if (security.rateLimits === false) return {};
  const limit = security.rateLimits[kind];
  return {
    rateLimit: {
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: kind === 'ballot' ? keyOf : (request) => `address:${request.ip}`,
    },
  };
}
