import { fileURLToPath } from 'node:url';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../accounts/accounts.js';

/** One rate limit: at most `max` requests per `windowMs` per key (client address or account). */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * How the server protects itself and its members. The instance operator sets it from
 * the environment (there is no administrator account, RULES.md principle 1); tests and
 * benchmarks pass their own.
 */
export interface SecurityConfig {
  /**
   * The origins (`https://soviet.example`) allowed to send state-changing requests. Empty:
   * the request's own origin (its protocol and Host header), which is right when the
   * server is reached under one name.
   */
  readonly origins: readonly string[];
  /**
   * Fastify's `trustProxy`: whether (or which) proxies' X-Forwarded-Proto/-For to believe.
   * Behind a TLS-terminating proxy this makes cookies `Secure` and the client address
   * right for rate limits.
   */
  readonly trustProxy: boolean | string | number;
  readonly session: SessionPolicy;
  /** Per-route limits (OWASP: login, invitation acceptance, ballots); false turns them off. */
  readonly rateLimits:
    | false
    | {
        readonly login: RateLimit;
        readonly invitation: RateLimit;
        readonly ballot: RateLimit;
        readonly founding: RateLimit;
      };
  /** The built web app (`npm run build:web`), served at `/` when the folder exists; null: none. */
  readonly webRoot: string | null;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export const DEFAULT_SECURITY: SecurityConfig = {
  origins: [],
  trustProxy: false,
  session: DEFAULT_SESSION_POLICY,
  rateLimits: {
    login: { max: 10, windowMs: 60_000 },
    invitation: { max: 10, windowMs: 60_000 },
    ballot: { max: 30, windowMs: 60_000 },
    founding: { max: 5, windowMs: 60_000 },
  },
  webRoot: DEFAULT_WEB_ROOT,
};

/**
 * The security configuration from the environment, over the defaults:
 *
 * | variable | meaning |
 * | --- | --- |
 * | SOVIET_ORIGIN | comma-separated public origins, e.g. `https://soviet.example` |
 * | SOVIET_TRUST_PROXY | `true`, a hop count, or comma-separated proxy addresses |
 * | SOVIET_SESSION_IDLE_MINUTES | inactivity timeout (default 120) |
 * | SOVIET_SESSION_MAX_HOURS | absolute session lifetime (default 168) |
 * | SOVIET_RATE_LIMITS | `off` to disable the per-route limits (e.g. behind a proxy that limits) |
 * | SOVIET_WEB_ROOT | the built web app's folder (default dist/web) |
 */
export function securityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const number = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) === 0)
      throw new Error(`${name} must be a positive whole number, not "${text}".`);
    return Number(text);
  };
  const proxy = env.SOVIET_TRUST_PROXY;
  const trustProxy =
    proxy === undefined || proxy === '' || proxy === 'false'
      ? false
      : proxy === 'true'
        ? true
        : /^\d+$/.test(proxy)
          ? Number(proxy)
          : proxy;
  return {
    ...DEFAULT_SECURITY,
    origins: (env.SOVIET_ORIGIN ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    trustProxy,
    session: {
      ...DEFAULT_SESSION_POLICY,
      idleMs:
        number('SOVIET_SESSION_IDLE_MINUTES', DEFAULT_SESSION_POLICY.idleMs / 60_000) * 60_000,
      absoluteMs:
        number('SOVIET_SESSION_MAX_HOURS', DEFAULT_SESSION_POLICY.absoluteMs / 3_600_000) *
        3_600_000,
    },
    rateLimits: env.SOVIET_RATE_LIMITS === 'off' ? false : DEFAULT_SECURITY.rateLimits,
    webRoot: env.SOVIET_WEB_ROOT || DEFAULT_WEB_ROOT,
  };
}
