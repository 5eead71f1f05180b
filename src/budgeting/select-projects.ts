import type { BudgetInstance } from './budget-instance.js';
import { compareWithGreedy } from './comparison-step.js';
import { budgetingError } from './errors.js';
import { type Fraction, fraction } from './fraction.js';
import { type GreedyVerdict, greedySelection } from './greedy.js';
import { type Add1Progress, equalSharesAdd1 } from './mes-completion.js';
import { MesEngine, type MesMode, type MesRun } from './mes-engine.js';
import { type MesPayments, mesPayments } from './mes-payments.js';
import { unitOf } from './money.js';
import { compileProfile, type Profile } from './profile.js';
import type { RuleName } from './rule-name.js';

export interface SelectOptions {
  /** Called after each accepted step of the Add1 completion (for a progress bar). */
  readonly onProgress?: (progress: Add1Progress) => void;
  /**
   * The last tie-break of the Method of Equal Shares, after lower cost and more votes:
   * project ids, earlier first (e.g. an order drawn by lot before the count). Projects
   * not listed come after, in the round's order. Default: the round's order.
   */
  readonly tieOrder?: readonly string[];
  /** `exact` decides every step of Equal Shares exactly without float guidance (slower). */
  readonly mode?: MesMode;
  /** Whether to compute each voter's payment under Equal Shares (default true). */
  readonly payments?: boolean;
}

export interface GreedyReport {
  readonly kind: 'greedy';
  /** Every project in the order considered, with its score and what greedy did. */
  readonly steps: readonly {
    readonly id: string;
    readonly score: number;
    readonly verdict: GreedyVerdict;
  }[];
}

export interface EqualSharesRound {
  readonly id: string;
  /** q: what each supporter with enough money paid per unit of weight, in minor units. */
  readonly unitPayment: Fraction;
}

export interface EqualSharesReport {
  readonly kind: 'equal-shares';
  /** The per-voter budget of the deciding run, in minor units. */
  readonly perVoter: Fraction;
  /** The per-voter budget the completion started from (= perVoter without completion). */
  readonly startPerVoter: Fraction;
  /** One-unit increments accepted by the Add1 completion. */
  readonly completionSteps: number;
  /** True if every supported project fits in the budget (mes-completion.ts). */
  readonly everythingFits: boolean;
  /** The funded projects in the order Equal Shares funded them. */
  readonly rounds: readonly EqualSharesRound[];
  /** Exact ties in ρ and how they were broken. */
  readonly ties: readonly {
    readonly round: number;
    readonly projects: readonly string[];
    readonly chosen: string;
    readonly brokenBy: 'cost' | 'votes' | 'order';
  }[];
  /** Present for the `…-comparison` rules. */
  readonly comparison?: {
    readonly prefersEqualShares: number;
    readonly prefersGreedy: number;
    /** Which outcome stands. */
    readonly chosen: 'equal-shares' | 'greedy';
    readonly greedySelected: readonly string[];
  };
}

export interface Selection {
  readonly rule: RuleName;
  /** Funded project ids, in the order the rule funded them. */
  readonly selected: readonly string[];
  /** Their total cost, in minor units. */
  readonly spent: bigint;
  /** What each voter paid, when the outcome is Equal Shares' (and payments were asked). */
  readonly payments?: MesPayments;
  readonly report: GreedyReport | EqualSharesReport;
}

/**
 * Applies a rule to a round and says which projects it funds: the one entry point for
 * the CLI and, later, for a council's budget round. Pure and deterministic: the same round,
 * rule and options always give the same result, computed exactly (rule-name.ts lists the
 * rules; greedy.ts, mes-engine.ts, mes-completion.ts and comparison-step.ts define them).
 *
 * Throws PB_BAD_INSTANCE for an invalid round and PB_NO_THRESHOLD for greedy-threshold
 * without a threshold.
 */
export function selectProjects(
  instance: BudgetInstance,
  rule: RuleName,
  options: SelectOptions = {},
): Selection {
  return selectOnProfile(compileProfile(instance), instance, rule, options);
}

/** selectProjects on a profile already compiled from `instance` (to share the work). */
export function selectOnProfile(
  profile: Profile,
  instance: BudgetInstance,
  rule: RuleName,
  options: SelectOptions = {},
): Selection {
  const ids = profile.ids;
  const names = (list: readonly number[]): string[] => list.map((c) => ids[c] ?? '');
  if (rule === 'greedy' || rule === 'greedy-threshold' || rule === 'greedy-no-skip') {
    if (rule === 'greedy-threshold' && instance.scoreThreshold === undefined) {
      throw budgetingError('PB_NO_THRESHOLD');
    }
    const outcome = greedySelection(profile, instance.budget, rule, instance.scoreThreshold);
    return {
      rule,
      selected: names(outcome.selected),
      spent: outcome.spent,
      report: {
        kind: 'greedy',
        steps: outcome.steps.map((s) => ({
          id: ids[s.project] ?? '',
          score: s.score,
          verdict: s.verdict,
        })),
      },
    };
  }

  const mode = options.mode ?? 'guarded';
  const ranks = tieRanks(profile, options.tieOrder);
  let run: MesRun;
  // Amounts of the run are in minor units divided by `moneyScale`.
  let moneyScale = 1n;
  let startPerVoter: Fraction;
  let completionSteps = 0;
  let everythingFits = false;
  if (rule === 'equalshares/add1' || rule === 'equalshares/add1-comparison') {
    const outcome = equalSharesAdd1(
      new MesEngine(profile, mode, ranks),
      profile,
      instance.budget,
      unitOf(instance.scale),
      options.onProgress,
    );
    run = outcome.run;
    startPerVoter = fraction(outcome.startPerVoter);
    completionSteps = outcome.steps;
    everythingFits = outcome.everythingFits;
  } else {
    // Without completion each voter's share is budget / voters exactly. Counting money in
    // units of 1/voters of a minor unit keeps that share whole and changes no ratio.
    moneyScale = BigInt(Math.max(profile.n, 1));
    const scaled: Profile = { ...profile, costs: profile.costs.map((c) => c * moneyScale) };
    run = new MesEngine(scaled, mode, ranks).run(instance.budget);
    startPerVoter = fraction(run.perVoter, moneyScale);
  }
  const spent = run.spent / moneyScale;
  const mesSelected = names(run.selected);
  const report: EqualSharesReport = {
    kind: 'equal-shares',
    perVoter: fraction(run.perVoter, moneyScale),
    startPerVoter,
    completionSteps,
    everythingFits,
    rounds: run.selected.map((c, t) => ({
      id: ids[c] ?? '',
      unitPayment: fraction(run.unitPayments[t] ?? 0n, run.denominator * moneyScale),
    })),
    ties: run.ties.map((tie) => ({
      round: tie.round,
      projects: names(tie.projects),
      chosen: ids[tie.chosen] ?? '',
      brokenBy: tie.brokenBy,
    })),
  };
  const withPayments = options.payments !== false;
  if (rule === 'equalshares-comparison' || rule === 'equalshares/add1-comparison') {
    const greedy = greedySelection(profile, instance.budget, 'greedy');
    const verdict = compareWithGreedy(profile, run.selected, greedy.selected);
    const comparison = {
      prefersEqualShares: verdict.prefersEqualShares,
      prefersGreedy: verdict.prefersGreedy,
      chosen: verdict.keepsEqualShares ? ('equal-shares' as const) : ('greedy' as const),
      greedySelected: names(greedy.selected),
    };
    if (!verdict.keepsEqualShares) {
      return {
        rule,
        selected: comparison.greedySelected,
        spent: greedy.spent,
        report: { ...report, comparison },
      };
    }
    return {
      rule,
      selected: mesSelected,
      spent,
      ...(withPayments ? { payments: mesPayments(profile, run, moneyScale) } : {}),
      report: { ...report, comparison },
    };
  }
  return {
    rule,
    selected: mesSelected,
    spent,
    ...(withPayments ? { payments: mesPayments(profile, run, moneyScale) } : {}),
    report,
  };
}

function tieRanks(profile: Profile, order: readonly string[] | undefined): Int32Array {
  const ranks = Int32Array.from({ length: profile.m }, (_, c) => profile.m + c);
  if (order) {
    const at = new Map(profile.ids.map((id, c) => [id, c]));
    for (const [r, id] of order.entries()) {
      const c = at.get(id);
      if (c !== undefined && (ranks[c] ?? 0) >= profile.m) ranks[c] = r;
    }
  }
  return ranks;
}
