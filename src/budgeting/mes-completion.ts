import type { MesEngine, MesRun } from './mes-engine.js';
import type { Profile } from './profile.js';

export interface Add1Progress {
  /** The per-voter budget just accepted, in minor units. */
  readonly perVoter: bigint;
  /**
   * What its outcome costs (what it had funded when its verdict was settled, if the
   * trial run stopped early: at most the budget either way).
   */
  readonly spent: bigint;
  /** Increments accepted so far. */
  readonly steps: number;
}

export interface Add1Outcome {
  /** The run whose outcome is the result. */
  readonly run: MesRun;
  /** floor(budget / voters) in whole currency units, in minor units. */
  readonly startPerVoter: bigint;
  /** How many one-unit increments were accepted. */
  readonly steps: number;
  /**
   * True when every supported project fits in the budget together: the literal loop would
   * never stop, and the outcome is every supported project (see below).
   */
  readonly everythingFits: boolean;
}

/**
 * The Add1 completion of the Method of Equal Shares, `equalshares/add1` in Pabulib
 * (equalshares.net, "Completion"; the compute tool's "add1" with the "integral" option;
 * Pabulib's checker, `_compute_equalshares_winners(add1=True)`):
 *
 *   β ← floor(budget / voters) whole currency units;
 *   while MES(β + 1 unit) costs at most the budget: β ← β + 1 unit;
 *   the outcome is MES(β).
 *
 * The loop does not stop early when an outcome is "exhaustive" (no further project
 * would fit): the official Wieliczka 2023 result needs the loop to go on past such an
 * outcome. If all supported projects together fit in the budget, MES(β) stays within
 * budget for every β and the literal loop never ends; its outcomes settle, for β at
 * least their total cost, on funding every supported project, which is returned (run at
 * that β). Otherwise it ends at the latest at that β, where MES funds all of them.
 *
 * Each MES(β + 1) is a fresh exact run (mes-engine.ts): outcomes are not monotone in β,
 * so no step may be skipped. Two things make the steps cheap without changing any
 * decision. A trial run stops as soon as its verdict is certain (mes-engine.ts, `cap`):
 * once what it funded costs more than the budget, or once that cost plus all the money
 * that could still buy a candidate project is within it — so most accepted steps skip
 * their last rounds (the final one is then run in full). And the previous funding order
 * is evaluated first as a guess (usually right for many rounds), which saves evaluations.
 */
export function equalSharesAdd1(
  engine: MesEngine,
  profile: Profile,
  budget: bigint,
  unit: bigint,
  onStep?: (progress: Add1Progress) => void,
): Add1Outcome {
  const voters = BigInt(profile.n);
  const startPerVoter = voters === 0n ? 0n : (budget / (voters * unit)) * unit;
  let supportedTotal = 0n;
  for (let c = 0; c < profile.m; c++) {
    if ((profile.supportStart[c + 1] ?? 0) > (profile.supportStart[c] ?? 0)) {
      supportedTotal += profile.costs[c] ?? 0n;
    }
  }
  if (supportedTotal <= budget) {
    // Round the settling point up to whole units so that it is a β the loop would reach.
    const units = (supportedTotal + unit - 1n) / unit;
    const perVoter = units * unit > startPerVoter ? units * unit : startPerVoter;
    const run = engine.run(perVoter);
    return {
      run,
      startPerVoter,
      steps: Number((perVoter - startPerVoter) / unit),
      everythingFits: true,
    };
  }
  let run = engine.run(startPerVoter);
  let hint: number[] = [...run.selected];
  let steps = 0;
  for (;;) {
    const next = engine.run(run.perVoter + unit, hint, budget);
    hint = [...next.selected, ...hint.slice(next.selected.length)];
    if (next.spent > budget) break;
    run = next;
    steps += 1;
    onStep?.({ perVoter: run.perVoter, spent: run.spent, steps });
  }
  // The accepted run may have stopped once its outcome was settled within the budget:
  // the result needs it in full.
  if (!run.complete) run = engine.run(run.perVoter, hint);
  return { run, startPerVoter, steps, everythingFits: false };
}
