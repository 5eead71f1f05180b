import { countingError } from './errors.js';

/**
 * A motion's vote (RULES.md, Motions): yes / no / abstain, a quorum on turnout and a
 * threshold on the votes cast for or against.
 */
export interface MotionVotes {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

/** An exact fraction, e.g. `{ numerator: 3, denominator: 10 }` for 30 %. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * `simple-majority`: yes > no. `two-thirds`: yes ≥ ⅔ × (yes + no), and at least one yes
 * (a constitutional or expulsion motion). Abstentions count for the quorum only.
 */
export type MotionThreshold = 'simple-majority' | 'two-thirds';

export interface MotionRules {
  /** Size of the voting body (members, or current delegates) when voting opened. */
  readonly votingBody: number;
  /**
   * Turnout (yes + no + abstain) must be at least this fraction of the voting body.
   * A number is read as a decimal fraction to six places (0.3 = 30 %), then compared
   * exactly; pass a `Fraction` to be explicit.
   */
  readonly quorum: number | Fraction;
  readonly threshold: MotionThreshold;
}

export interface MotionResult {
  readonly kind: 'MotionResult';
  readonly passed: boolean;
  readonly quorumReached: boolean;
  readonly thresholdMet: boolean;
  readonly turnout: number;
  /** Smallest turnout that reaches the quorum. */
  readonly quorumNeeded: number;
  /** Why it passed or failed, in a sentence. */
  readonly reason: string;
}

function toFraction(q: number | Fraction): Fraction {
  if (typeof q === 'number') {
    if (!Number.isFinite(q) || q < 0 || q > 1)
      throw countingError('MOTION_BAD_TALLY', {
        reason: `quorum ${q} is not a fraction from 0 to 1`,
      });
    // Six decimal places is finer than any constitution parameter (whole percentages).
    return { numerator: Math.round(q * 1_000_000), denominator: 1_000_000 };
  }
  const { numerator: n, denominator: d } = q;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d <= 0 || n > d)
    throw countingError('MOTION_BAD_TALLY', {
      reason: `quorum ${n}/${d} is not a fraction from 0 to 1`,
    });
  return q;
}

function checkCount(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0)
    throw countingError('MOTION_BAD_TALLY', {
      reason: `${name} must be a whole number ≥ 0, not ${v}`,
    });
}

/**
 * Decides a motion (RULES.md, Motions): it passes when turnout reaches the quorum and
 * the threshold is met. All comparisons are exact integer arithmetic: turnout ≥ q × body
 * is tested as turnout × d ≥ n × body, and two-thirds as 3 × yes ≥ 2 × (yes + no).
 * Precondition: turnout ≤ votingBody (otherwise MOTION_BAD_TALLY).
 */
export function tallyMotion(votes: MotionVotes, rules: MotionRules): MotionResult {
  checkCount('yes', votes.yes);
  checkCount('no', votes.no);
  checkCount('abstain', votes.abstain);
  checkCount('votingBody', rules.votingBody);
  const turnout = votes.yes + votes.no + votes.abstain;
  if (turnout > rules.votingBody)
    throw countingError('MOTION_BAD_TALLY', {
      reason: `${turnout} votes were cast but the voting body has only ${rules.votingBody} members`,
    });
  const q = toFraction(rules.quorum);
  const product = BigInt(q.numerator) * BigInt(rules.votingBody);
  const quorumNeeded = Number((product + BigInt(q.denominator) - 1n) / BigInt(q.denominator));
  const quorumReached = turnout >= quorumNeeded;
  const thresholdMet =
    rules.threshold === 'simple-majority'
      ? votes.yes > votes.no
      : votes.yes > 0 && 3 * votes.yes >= 2 * (votes.yes + votes.no);
  const passed = quorumReached && thresholdMet;
  const need =
    rules.threshold === 'simple-majority' ? 'more yes than no' : 'two thirds of yes and no';
  const reason = !quorumReached
    ? `Turnout ${turnout} is below the quorum of ${quorumNeeded}.`
    : thresholdMet
      ? `Passed: ${votes.yes} yes, ${votes.no} no, ${votes.abstain} abstaining (${need}).`
      : `Failed: ${votes.yes} yes, ${votes.no} no, ${votes.abstain} abstaining (needs ${need}).`;
  return {
    kind: 'MotionResult',
    passed,
    quorumReached,
    thresholdMet,
    turnout,
    quorumNeeded,
    reason,
  };
}
