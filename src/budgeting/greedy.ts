import type { Profile } from './profile.js';

export type GreedyVariant = 'greedy' | 'greedy-threshold' | 'greedy-no-skip';

/** Why greedy funded a project or passed it over. */
export type GreedyVerdict = 'funded' | 'does-not-fit' | 'below-threshold' | 'after-stop';

export interface GreedyStep {
  /** Project index. */
  readonly project: number;
  readonly score: number;
  readonly verdict: GreedyVerdict;
}

export interface GreedyOutcome {
  /** Funded project indices, in the order they were funded. */
  readonly selected: readonly number[];
  readonly spent: bigint;
  /** Every project, in the order greedy considered them. */
  readonly steps: readonly GreedyStep[];
}

/**
 * The greedy rules as Pabulib's checker applies them (pabulib.org/format, `rule`):
 * projects are taken by score, highest first, and equal scores keep the round's project
 * order (a stable sort, as the official lists are ordered). Each project is funded if its
 * cost fits in what is left of the budget; otherwise
 * - `greedy` and `greedy-threshold` skip it and go on;
 * - `greedy-no-skip` stops there.
 * `greedy-threshold` only considers projects whose score is at least `threshold`
 * (required for that variant). Costs are compared exactly in minor units.
 */
export function greedySelection(
  profile: Profile,
  budget: bigint,
  variant: GreedyVariant,
  threshold?: bigint,
): GreedyOutcome {
  if (variant === 'greedy-threshold' && threshold === undefined) {
    throw new RangeError('greedy-threshold needs a threshold');
  }
  const order = Array.from({ length: profile.m }, (_, c) => c);
  order.sort((a, b) => (profile.scores[b] ?? 0) - (profile.scores[a] ?? 0) || a - b);
  const selected: number[] = [];
  const steps: GreedyStep[] = [];
  let left = budget;
  let stopped = false;
  for (const c of order) {
    const score = profile.scores[c] ?? 0;
    const cost = profile.costs[c] ?? 0n;
    let verdict: GreedyVerdict;
    if (variant === 'greedy-threshold' && BigInt(score) < (threshold ?? 0n)) {
      verdict = 'below-threshold';
    } else if (stopped) {
      verdict = 'after-stop';
    } else if (cost <= left) {
      verdict = 'funded';
      left -= cost;
      selected.push(c);
    } else {
      verdict = 'does-not-fit';
      if (variant === 'greedy-no-skip') stopped = true;
    }
    steps.push({ project: c, score, verdict });
  }
  return { selected, spent: budget - left, steps };
}
