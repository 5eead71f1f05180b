import {
  dualBound,
  feasibleScale,
  type HarmonyOptions,
  type HarmonyPlan,
  type Model,
  profits,
} from './harmony-model.js';
import { solveLeontief } from './leontief.js';
import { fromTriplets, type SparseMatrix, transpose } from './sparse-matrix.js';

/** Technique status in a choice: 0 at zero, 1 basic, 2 at capacity. */
/**
 * Phase 2: the exact plan of a technique choice, corrected until prices and bounds agree.
 * Every proposal is a plan whose balances and labour hold with equality; the best plan so
 * far moves towards it as far as capacities and zero allow (a line search along the
 * edge, the ratio test of the simplex method), so t never falls.
 */
export function polish(
  model: Model,
  start: Float64Array,
  harmonyScale: number,
  iterations: number,
  options: HarmonyOptions,
  hint: Float64Array = start,
): HarmonyPlan {
  const { n, m } = model;
  const tolerance = options.tolerance ?? 1e-9;
  const status = new Uint8Array(m);
  const basic = new Int32Array(n).fill(-1);
  let best: { scale: number; activity: Float64Array; bound: number } = {
    scale: harmonyScale,
    activity: Float64Array.from(start),
    bound: Number.POSITIVE_INFINITY,
  };
  deriveChoice(model, hint, status, basic);
  let prices: Float64Array = new Float64Array(n);
  let rounds = 0;
  let stalled = 0;
  const maxRounds = options.polishRounds ?? 40;
  for (; rounds < maxRounds && stalled < 6; rounds++) {
    const solved = solveChoice(model, status, tolerance);
    prices = solved.prices;
    best.bound = Math.min(best.bound, dualBound(model, prices));
    if (best.bound - best.scale <= 1e-9 * best.scale) break;
    // Correcting every violation at once is fast but can cycle; later, the worst only.
    const limit = stalled > 0 || rounds >= 8 ? 1 : Number.POSITIVE_INFINITY;
    if (solved.feasible) {
      if (solved.scale > best.scale) {
        best = { ...best, scale: solved.scale, activity: solved.activity };
        stalled = 0;
      } else stalled += 1;
      if (!repairDual(model, status, basic, solved.profit, tolerance, limit)) break;
      continue;
    }
    if (rounds < 8) {
      // Early on, jump: the crossed bounds become the new choice.
      repairPrimal(model, status, basic, solved.activity, Number.POSITIVE_INFINITY);
      continue;
    }
    const moved = lineSearch(model, best.activity, solved.activity);
    if (moved.scale > best.scale * (1 + 1e-14)) {
      best = { ...best, scale: moved.scale, activity: moved.activity };
      stalled = 0;
    } else stalled += 1;
    deriveChoice(model, best.activity, status, basic);
    if (stalled > 0) repairDual(model, status, basic, solved.profit, tolerance, 1);
  }
  // The prices of the best plan's own choice often prove a tighter bound.
  deriveChoice(model, best.activity, status, basic);
  const last = solveChoice(model, status, tolerance);
  const lastBound = dualBound(model, last.prices);
  if (lastBound < best.bound) {
    best.bound = lastBound;
    prices = last.prices;
  }
  const optimal = best.bound - best.scale <= 1e-7 * Math.max(1, best.scale);
  return {
    scale: best.scale,
    bound: best.bound,
    harmonyScale,
    activity: best.activity,
    prices,
    binding: bindingOf(model, best.activity),
    iterations,
    polishRounds: rounds + 1,
    optimal,
  };
}

/**
 * The technique choice a plan suggests: for each product, the technique strictly within
 * its bounds with the largest output is basic (or the largest at a bound); the others
 * stand at capacity or at zero, whichever they are nearer.
 */
function deriveChoice(model: Model, y: Float64Array, status: Uint8Array, basic: Int32Array): void {
  const { e } = model;
  for (let p = 0; p < model.n; p++) {
    let inside = -1;
    let largest = -1;
    for (let q = model.madeByStart[p] ?? 0; q < (model.madeByStart[p + 1] ?? 0); q++) {
      const k = model.madeBy[q] ?? 0;
      const v = y[k] ?? 0;
      const cap = e.capacity[k] ?? Number.POSITIVE_INFINITY;
      status[k] = v >= cap / 2 && Number.isFinite(cap) ? 2 : 0;
      if (v > 1e-12 * (1 + v) && v < cap * (1 - 1e-12) && (inside < 0 || v > (y[inside] ?? 0)))
        inside = k;
      if (largest < 0 || v > (y[largest] ?? 0)) largest = k;
    }
    const chosen = inside >= 0 ? inside : largest;
    basic[p] = chosen;
    if (chosen >= 0) status[chosen] = 1;
  }
}

/**
 * The best plan on the segment from a feasible plan towards a proposal, within the
 * bounds: t(θ) is concave (a minimum of linear functions), so a golden-section search
 * over the feasible part [0, θmax] finds its maximum.
 */
function lineSearch(
  model: Model,
  from: Float64Array,
  to: Float64Array,
): { scale: number; activity: Float64Array } {
  const { e, m } = model;
  let thetaMax = 1;
  for (let k = 0; k < m; k++) {
    const d = (to[k] ?? 0) - (from[k] ?? 0);
    const v = from[k] ?? 0;
    if (d < 0) thetaMax = Math.min(thetaMax, v / -d);
    else if (d > 0)
      thetaMax = Math.min(thetaMax, ((e.capacity[k] ?? Number.POSITIVE_INFINITY) - v) / d);
  }
  thetaMax = Math.max(0, thetaMax);
  const at = (theta: number) => {
    const y = new Float64Array(m);
    for (let k = 0; k < m; k++)
      y[k] = Math.max(0, (from[k] ?? 0) + theta * ((to[k] ?? 0) - (from[k] ?? 0)));
    return y;
  };
  const scaleAt = (theta: number) => feasibleScale(model, at(theta));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = thetaMax;
  // The ends first: along a simplex edge t is linear and the far end is best.
  if (scaleAt(hi) >= scaleAt(hi * (1 - 1e-6))) lo = hi;
  for (let i = 0; i < 40 && hi - lo > 1e-12; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (scaleAt(a) < scaleAt(b)) lo = a;
    else hi = b;
  }
  const theta = lo;
  const activity = at(theta);
  return { scale: feasibleScale(model, activity), activity };
}

interface Solved {
  readonly scale: number;
  readonly activity: Float64Array;
  readonly prices: Float64Array;
  /** λ_{makes k} − a_k·λ − l_k per technique. */
  readonly profit: Float64Array;
  readonly feasible: boolean;
}

function solveChoice(model: Model, status: Uint8Array, tolerance: number): Solved {
  const { e, byTechnique, n, m } = model;
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  const fixed = new Float64Array(n); // net output of the techniques at capacity
  let fixedLabour = 0;
  const lB = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    const isBasic = status[k] === 1;
    if (!isBasic && status[k] !== 2) continue;
    const p = e.makes[k] ?? 0;
    const u = e.capacity[k] ?? 0;
    if (!isBasic) {
      fixed[p] = (fixed[p] ?? 0) + u;
      fixedLabour += (e.labour[k] ?? 0) * u;
    } else lB[p] = e.labour[k] ?? 0;
    for (let q = byTechnique.rowStarts[k] ?? 0; q < (byTechnique.rowStarts[k + 1] ?? 0); q++) {
      const i = byTechnique.columns[q] ?? 0;
      const a = byTechnique.values[q] ?? 0;
      if (isBasic) {
        rowOf.push(i);
        colOf.push(p);
        valueAt.push(a);
      } else fixed[i] = (fixed[i] ?? 0) - a * u;
    }
  }
  const aB = fromTriplets(
    n,
    n,
    Int32Array.from(rowOf),
    Int32Array.from(colOf),
    Float64Array.from(valueAt),
  );
  const solve = (b: Float64Array, mat: SparseMatrix) =>
    solveLeontief(mat, b, { tolerance: tolerance * 1e-3 }).x;
  const x1 = solve(e.demand, aB);
  const x0 = solve(fixed, aB);
  let num = model.L - fixedLabour;
  let den = 0;
  for (let p = 0; p < n; p++) {
    num += (lB[p] ?? 0) * (x0[p] ?? 0);
    den += (lB[p] ?? 0) * (x1[p] ?? 0);
  }
  const t = den > 0 ? num / den : 0;
  const activity = new Float64Array(m);
  let feasible = t >= 0;
  for (let k = 0; k < m; k++) {
    if (status[k] === 2) activity[k] = e.capacity[k] ?? 0;
    else if (status[k] === 1) {
      const p = e.makes[k] ?? 0;
      const v = t * (x1[p] ?? 0) - (x0[p] ?? 0);
      activity[k] = v;
      const cap = e.capacity[k] ?? Number.POSITIVE_INFINITY;
      if (v < -tolerance * (1 + Math.abs(v)) || v > cap + tolerance * (1 + cap)) feasible = false;
    }
  }
  const prices = solve(lB, transpose(aB));
  return { scale: t, activity, prices, profit: profits(model, prices), feasible };
}

/** A basic technique out of bounds goes to the bound it crossed; its product takes another. */
function repairPrimal(
  model: Model,
  status: Uint8Array,
  basic: Int32Array,
  activity: Float64Array,
  limit: number,
): boolean {
  const { e, m } = model;
  const excess = (k: number) => {
    const v = activity[k] ?? 0;
    return Math.max(-v, v - (e.capacity[k] ?? Number.POSITIVE_INFINITY));
  };
  let changed = false;
  for (const k of worst(m, (k) => (status[k] === 1 ? excess(k) : 0), limit)) {
    const v = activity[k] ?? 0;
    const cap = e.capacity[k] ?? Number.POSITIVE_INFINITY;
    const p = e.makes[k] ?? 0;
    const other = alternative(model, status, p, k);
    if (other < 0) continue;
    status[k] = v > cap ? 2 : 0;
    status[other] = 1;
    basic[p] = other;
    changed = true;
  }
  return changed;
}

/** A technique that earns more than it costs enters; one that loses leaves its capacity. */
function repairDual(
  model: Model,
  status: Uint8Array,
  basic: Int32Array,
  profit: Float64Array,
  tolerance: number,
  limit: number,
): boolean {
  const { e, m } = model;
  const violation = (k: number) => {
    const r = profit[k] ?? 0;
    const v = status[k] === 0 ? r : status[k] === 2 ? -r : 0;
    return v > tolerance * (1 + Math.abs(e.labour[k] ?? 0)) ? v : 0;
  };
  let changed = false;
  for (const k of worst(m, violation, limit)) {
    const p = e.makes[k] ?? 0;
    if (status[k] === 0) {
      const old = basic[p] ?? -1;
      if (old >= 0) status[old] = 0;
      status[k] = 1;
      basic[p] = k;
      changed = true;
    } else {
      status[k] = 0;
      changed = true;
    }
  }
  return changed;
}

/** The indices k < m with violation(k) > 0, all of them or the `limit` largest. */
function worst(m: number, violation: (k: number) => number, limit: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < m; k++) if (violation(k) > 0) out.push(k);
  if (out.length <= limit) return out;
  return out.sort((a, b) => violation(b) - violation(a)).slice(0, limit);
}

function alternative(model: Model, status: Uint8Array, product: number, except: number): number {
  for (let q = model.madeByStart[product] ?? 0; q < (model.madeByStart[product + 1] ?? 0); q++) {
    const k = model.madeBy[q] ?? -1;
    if (k !== except && status[k] !== 1) return k;
  }
  return -1;
}

function bindingOf(model: Model, activity: Float64Array): string[] {
  const out = ['resource labour'];
  for (let k = 0; k < model.m; k++) {
    const cap = model.e.capacity[k] ?? Number.POSITIVE_INFINITY;
    if (Number.isFinite(cap) && (activity[k] ?? 0) >= cap * (1 - 1e-9))
      out.push(`capacity ${model.e.techniques[k]}`);
  }
  return out;
}

/**
 * The cheapest technique for each product when capacities are ignored, by Howard's policy
 * iteration on labour values: λ of the current choice, then for each product the
 * technique with the least l_k + a_k·λ, until the choice stands (by the non-substitution
 * theorem this choice is optimal for any final demand; Samuelson, "Abstract of a theorem
 * concerning substitutability in open Leontief models", 1951). Returned as activities
 * that `deriveChoice` reads (1 for the chosen technique, 0 otherwise), with the prices.
 */
export function cheapestChoice(
  model: Model,
  rounds = 30,
): { hint: Float64Array; prices: Float64Array } {
  const { e, m } = model;
  const status = new Uint8Array(m);
  const basic = new Int32Array(model.n).fill(-1);
  for (let k = 0; k < m; k++) {
    const p = e.makes[k] ?? 0;
    if ((basic[p] ?? -1) < 0) {
      basic[p] = k;
      status[k] = 1;
    }
  }
  let prices: Float64Array = new Float64Array(model.n);
  for (let r = 0; r < rounds; r++) {
    prices = choicePrices(model, status);
    const profit = profits(model, prices);
    let changed = false;
    for (let k = 0; k < m; k++) {
      const p = e.makes[k] ?? 0;
      const b = basic[p] ?? -1;
      if (
        b >= 0 &&
        (profit[k] ?? 0) > 1e-12 * (1 + (e.labour[k] ?? 0)) &&
        (profit[k] ?? 0) > (profit[b] ?? 0)
      ) {
        status[b] = 0;
        status[k] = 1;
        basic[p] = k;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const hint = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    if (status[k] === 1) hint[k] = Math.min(1, (e.capacity[k] ?? Number.POSITIVE_INFINITY) / 2);
  }
  return { hint, prices };
}

/** λ = (I − A_Bᵀ)⁻¹ l_B for the basic techniques of a choice. */
function choicePrices(model: Model, status: Uint8Array): Float64Array {
  const { e, byTechnique, n, m } = model;
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  const lB = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    if (status[k] !== 1) continue;
    const p = e.makes[k] ?? 0;
    lB[p] = e.labour[k] ?? 0;
    for (let q = byTechnique.rowStarts[k] ?? 0; q < (byTechnique.rowStarts[k + 1] ?? 0); q++) {
      rowOf.push(byTechnique.columns[q] ?? 0);
      colOf.push(p);
      valueAt.push(byTechnique.values[q] ?? 0);
    }
  }
  const aB = fromTriplets(
    n,
    n,
    Int32Array.from(rowOf),
    Int32Array.from(colOf),
    Float64Array.from(valueAt),
  );
  return solveLeontief(transpose(aB), lB, { tolerance: 1e-12 }).x;
}
