/**
 * The exponential delay after failed logins (OWASP Authentication Cheat Sheet, "Login
 * Throttling"): after `free` failures in a row, each further attempt must wait
 * `baseMs · 2^(failures − free − 1)`, at most `maxMs`; a quiet spell of `resetMs`
 * forgives the past. Pure: the caller brings the time and stores the row.
 */
export interface ThrottleRule {
  readonly free: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly resetMs: number;
}

export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: number;
  readonly blockedUntil: number;
}

/** Per account, whatever the address: slows guessing one person's password. */
export const ACCOUNT_RULE: ThrottleRule = {
  free: 5,
  baseMs: 1_000,
  maxMs: 15 * 60_000,
  resetMs: 24 * 3_600_000,
};

/** Per client address, whatever the account: slows trying one password on many accounts. */
export const ADDRESS_RULE: ThrottleRule = {
  free: 20,
  baseMs: 1_000,
  maxMs: 15 * 60_000,
  resetMs: 3_600_000,
};

/** The state after one more failure at `now`. */
export function afterFailure(
  previous: ThrottleState | undefined,
  now: number,
  rule: ThrottleRule,
): ThrottleState {
  const carried = previous && now - previous.lastFailureAt < rule.resetMs ? previous.failures : 0;
  const failures = carried + 1;
  return { failures, lastFailureAt: now, blockedUntil: now + delayAfter(failures, rule) };
}

/** The wait imposed after `failures` failures in a row. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.free) return 0;
  const exponent = Math.min(failures - rule.free - 1, 40);
  return Math.min(rule.maxMs, rule.baseMs * 2 ** exponent);
}

/** How long an attempt at `now` must still wait (0 when it may go ahead). */
export function waitFor(state: ThrottleState | undefined, now: number): number {
  return state ? Math.max(0, state.blockedUntil - now) : 0;
}
