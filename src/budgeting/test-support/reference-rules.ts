import type { BudgetInstance } from '../budget-instance.js';
import { add, compare, div, type Fraction, fraction, mul, sub, ZERO } from '../fraction.js';

/**
 * Slow, obviously correct versions of the rules, for tests only: they work on the round
 * itself (not the compiled profile), keep every voter's budget as an exact fraction,
 * evaluate every project in every round, and run the Add1 completion literally, one
 * currency unit at a time from scratch. The fast code must agree with them exactly.
 */

interface Supporter {
  readonly voter: number;
  readonly weight: bigint;
}

/** Each voter's weight per project index, by the vote type (profile.ts). */
export function referenceWeights(round: BudgetInstance): Map<number, bigint>[] {
  const index = new Map(round.projects.map((p, c) => [p.id, c]));
  return round.ballots.map((ballot) => {
    const weights = new Map<number, bigint>();
    ballot.projects.forEach((id, r) => {
      let w = 1n;
      if (ballot.points) w = BigInt(ballot.points[r] ?? 0);
      else if (round.voteType === 'ordinal') w = BigInt(ballot.projects.length - r);
      const c = index.get(id);
      if (c !== undefined) weights.set(c, w);
    });
    return weights;
  });
}

export function referenceScores(round: BudgetInstance): bigint[] {
  const scores = round.projects.map(() => 0n);
  for (const weights of referenceWeights(round)) {
    for (const [c, w] of weights) scores[c] = (scores[c] ?? 0n) + w;
  }
  return scores;
}

/** The greedy rules (greedy.ts), literally: ids in funding order. */
export function referenceGreedy(
  round: BudgetInstance,
  variant: 'greedy' | 'greedy-threshold' | 'greedy-no-skip',
): string[] {
  const scores = referenceScores(round);
  const order = round.projects.map((_, c) => c);
  // Array.prototype.sort is stable: equal scores keep the round's order.
  order.sort((a, b) => {
    const d = (scores[b] ?? 0n) - (scores[a] ?? 0n);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  });
  let left = round.budget;
  const chosen: string[] = [];
  for (const c of order) {
    const project = round.projects[c];
    if (!project) continue;
    if (variant === 'greedy-threshold' && (scores[c] ?? 0n) < (round.scoreThreshold ?? 0n))
      continue;
    if (project.cost <= left) {
      chosen.push(project.id);
      left -= project.cost;
    } else if (variant === 'greedy-no-skip') {
      break;
    }
  }
  return chosen;
}

export interface ReferenceMes {
  /** Project indices in funding order. */
  readonly selected: number[];
  /** What each voter paid. */
  readonly paid: Fraction[];
}

/**
 * The Method of Equal Shares with cost utilities (mes-engine.ts), literally, with every
 * voter starting at `perVoter` minor units. Ties: lower cost, more votes, lower `rank`.
 */
export function referenceMes(
  round: BudgetInstance,
  perVoter: Fraction,
  rank?: number[],
): ReferenceMes {
  const weights = referenceWeights(round);
  const m = round.projects.length;
  const votes = round.projects.map(() => 0);
  for (const ballot of round.ballots) {
    for (const id of ballot.projects) {
      const c = round.projects.findIndex((p) => p.id === id);
      votes[c] = (votes[c] ?? 0) + 1;
    }
  }
  const supporters: Supporter[][] = Array.from({ length: m }, () => []);
  weights.forEach((map, voter) => {
    for (const [c, weight] of map) if (weight > 0n) supporters[c]?.push({ voter, weight });
  });
  const budgets = round.ballots.map(() => perVoter);
  let remaining = round.projects
    .map((_, c) => c)
    .filter((c) => (supporters[c]?.length ?? 0) > 0 && (round.projects[c]?.cost ?? 0n) > 0n);
  const selected: number[] = [];
  for (;;) {
    let best: number[] = [];
    let bestRho: Fraction | undefined;
    const levels = new Map<number, Fraction>();
    const still: number[] = [];
    for (const c of remaining) {
      const cost = fraction(round.projects[c]?.cost ?? 0n);
      const list = supporters[c] ?? [];
      const total = list.reduce((s, { voter }) => add(s, budgets[voter] ?? ZERO), ZERO);
      if (compare(total, cost) < 0) continue; // unaffordable: dropped for good
      still.push(c);
      // Supporters by budget per unit of weight, least first.
      const sorted = [...list].sort((a, b) =>
        compare(
          div(budgets[a.voter] ?? ZERO, fraction(a.weight)),
          div(budgets[b.voter] ?? ZERO, fraction(b.weight)),
        ),
      );
      let paid = ZERO;
      let weight = list.reduce((s, { weight }) => s + weight, 0n);
      for (const { voter, weight: w } of sorted) {
        const share = div(sub(cost, paid), fraction(weight));
        if (compare(mul(share, fraction(w)), budgets[voter] ?? ZERO) > 0) {
          paid = add(paid, budgets[voter] ?? ZERO);
          weight -= w;
        } else {
          break;
        }
      }
      const q = div(sub(cost, paid), fraction(weight));
      levels.set(c, q);
      const rho = div(q, cost);
      const order = bestRho === undefined ? -1 : compare(rho, bestRho);
      if (order < 0) {
        best = [c];
        bestRho = rho;
      } else if (order === 0) {
        best.push(c);
      }
    }
    remaining = still;
    if (best.length === 0) break;
    const least = best.reduce((a, b) =>
      (round.projects[b]?.cost ?? 0n) < (round.projects[a]?.cost ?? 0n) ? b : a,
    );
    best = best.filter((c) => round.projects[c]?.cost === round.projects[least]?.cost);
    const most = Math.max(...best.map((c) => votes[c] ?? 0));
    best = best.filter((c) => votes[c] === most);
    best.sort((a, b) => (rank?.[a] ?? a) - (rank?.[b] ?? b));
    const winner = best[0] ?? 0;
    const q = levels.get(winner) ?? ZERO;
    for (const { voter, weight } of supporters[winner] ?? []) {
      const b = budgets[voter] ?? ZERO;
      const due = mul(q, fraction(weight));
      budgets[voter] = compare(due, b) >= 0 ? ZERO : sub(b, due);
    }
    selected.push(winner);
    remaining = remaining.filter((c) => c !== winner);
  }
  return { selected, paid: budgets.map((b) => sub(perVoter, b)) };
}

function costOf(round: BudgetInstance, selected: readonly number[]): bigint {
  return selected.reduce((s, c) => s + (round.projects[c]?.cost ?? 0n), 0n);
}

/**
 * equalshares/add1, literally (mes-completion.ts): from floor(budget / voters) whole
 * units, raise every voter's budget by one unit while the outcome stays within budget;
 * if every supported project fits, the outcome is all of them (run at their total cost).
 */
export function referenceAdd1(
  round: BudgetInstance,
  rank?: number[],
): { run: ReferenceMes; perVoter: bigint } {
  const unit = 10n ** BigInt(round.scale);
  const n = BigInt(round.ballots.length);
  const start = n === 0n ? 0n : (round.budget / (n * unit)) * unit;
  const supported = new Set<number>();
  for (const weights of referenceWeights(round)) {
    for (const [c, w] of weights) if (w > 0n) supported.add(c);
  }
  const supportedTotal = round.projects
    .filter((_, c) => supported.has(c))
    .reduce((s, p) => s + p.cost, 0n);
  if (supportedTotal <= round.budget) {
    const units = (supportedTotal + unit - 1n) / unit;
    const perVoter = units * unit > start ? units * unit : start;
    return { run: referenceMes(round, fraction(perVoter), rank), perVoter };
  }
  let perVoter = start;
  let run = referenceMes(round, fraction(perVoter), rank);
  for (;;) {
    const next = referenceMes(round, fraction(perVoter + unit), rank);
    if (costOf(round, next.selected) > round.budget) break;
    perVoter += unit;
    run = next;
  }
  return { run, perVoter };
}

/** Voters who prefer each outcome by the sum of their weights for its projects. */
export function referencePreferences(
  round: BudgetInstance,
  a: readonly string[],
  b: readonly string[],
): { preferA: number; preferB: number } {
  const index = new Map(round.projects.map((p, c) => [p.id, c]));
  const setA = new Set(a.map((id) => index.get(id)));
  const setB = new Set(b.map((id) => index.get(id)));
  let preferA = 0;
  let preferB = 0;
  for (const weights of referenceWeights(round)) {
    let sa = 0n;
    let sb = 0n;
    for (const [c, w] of weights) {
      if (setA.has(c)) sa += w;
      if (setB.has(c)) sb += w;
    }
    if (sa > sb) preferA += 1;
    else if (sb > sa) preferB += 1;
  }
  return { preferA, preferB };
}
