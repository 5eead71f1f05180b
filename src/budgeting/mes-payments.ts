import { type Fraction, fraction } from './fraction.js';
import type { MesRun } from './mes-engine.js';
import type { Profile } from './profile.js';

/**
 * What each voter paid under the Method of Equal Shares: voter i paid
 * `paid[i] / denominator` minor units out of their share `perVoter`. Exact; one common
 * denominator keeps 90,000 amounts cheap to hold and to compare.
 */
export interface MesPayments {
  /** Each voter's share, in minor units. */
  readonly perVoter: Fraction;
  readonly denominator: bigint;
  /** Numerators over `denominator`, one per voter in ballot order. */
  readonly paid: readonly bigint[];
}

/**
 * The payments of a run: a voter left with nothing paid their whole share; any other
 * voter paid q_t × their weight for each funded project t on their ballot (mes-engine.ts).
 * `moneyScale` says that the run counted money in minor units / moneyScale.
 */
export function mesPayments(profile: Profile, run: MesRun, moneyScale = 1n): MesPayments {
  const order = new Int32Array(profile.m).fill(-1);
  for (const [t, c] of run.selected.entries()) order[c] = t;
  const den = run.denominator;
  const whole = run.perVoter * den;
  const paid: bigint[] = new Array(profile.n);
  for (let i = 0; i < profile.n; i++) {
    if (run.exhausted[i] === 1) {
      paid[i] = whole;
      continue;
    }
    let sum = 0n;
    const end = profile.ballotStart[i + 1] ?? 0;
    for (let e = profile.ballotStart[i] ?? 0; e < end; e++) {
      const t = order[profile.ballotProject[e] ?? 0] ?? -1;
      if (t >= 0) sum += BigInt(profile.ballotWeight[e] ?? 0) * (run.unitPayments[t] ?? 0n);
    }
    paid[i] = sum;
  }
  return { perVoter: fraction(run.perVoter, moneyScale), denominator: den * moneyScale, paid };
}

/** Voter i's payment as a fraction of minor units. */
export function paidBy(payments: MesPayments, voter: number): Fraction {
  return fraction(payments.paid[voter] ?? 0n, payments.denominator);
}
