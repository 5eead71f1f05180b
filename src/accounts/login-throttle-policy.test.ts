import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_RULE,
  afterFailure,
  delayAfter,
  type ThrottleRule,
  type ThrottleState,
  waitFor,
} from './login-throttle-policy.js';

const rule: ThrottleRule = { free: 3, baseMs: 1000, maxMs: 60_000, resetMs: 3_600_000 };

describe('the exponential login delay', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfter(i + 1, rule));
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('matches a step-by-step reference: failures in a row within the reset window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 * rule.resetMs }), { minLength: 1, maxLength: 30 }),
        (gaps) => {
          let state: ThrottleState | undefined;
          let now = 1_000_000;
          let streak = 0;
          for (const gap of gaps) {
            now += gap;
            // Reference: the streak restarts after a quiet spell of resetMs.
            streak = state && gap < rule.resetMs ? streak + 1 : 1;
            state = afterFailure(state, now, rule);
            expect(state.failures).toBe(streak);
            const expected =
              streak <= rule.free ? 0 : Math.min(rule.maxMs, 1000 * 2 ** (streak - rule.free - 1));
            expect(waitFor(state, now)).toBe(expected);
            expect(waitFor(state, now + expected)).toBe(0);
          }
        },
      ),
    );
  });

  it('never overflows for absurd streaks', () => {
    expect(delayAfter(10_000, ACCOUNT_RULE)).toBe(ACCOUNT_RULE.maxMs);
  });
});
