import type { Economy } from './economy.js';
import type { SparseMatrix } from './sparse-matrix.js';

/** The harmony method's options and answer, and the model its phases share (harmony.ts). */
export interface HarmonyOptions {
  readonly iterations?: number;
  readonly polishRounds?: number;
  readonly tolerance?: number;
  readonly onIteration?: (iteration: number, total: number) => void;
}

export interface HarmonyPlan {
  /** t of the best feasible plan found. */
  readonly scale: number;
  /** The best upper bound on t proven (LP duality). */
  readonly bound: number;
  /** t after the harmony phase alone, before polishing. */
  readonly harmonyScale: number;
  readonly activity: Float64Array;
  /** Labour values under the final technique choice. */
  readonly prices: Float64Array;
  readonly binding: readonly string[];
  readonly iterations: number;
  readonly polishRounds: number;
  /** True when the bound meets the plan (to the tolerance): an optimum. */
  readonly optimal: boolean;
}

export interface Model {
  readonly e: Economy;
  /** techniques × products: row k holds technique k's inputs. */
  readonly byTechnique: SparseMatrix;
  readonly L: number;
  readonly n: number;
  readonly m: number;
  /** The techniques of product p are madeBy[madeByStart[p] .. madeByStart[p+1]). */
  readonly madeByStart: Int32Array;
  readonly madeBy: Int32Array;
}

/** Net output By − Ay. */
export function netOutput(model: Model, y: Float64Array): Float64Array {
  const { e, byTechnique } = model;
  const net = new Float64Array(model.n);
  for (let k = 0; k < model.m; k++) {
    const yk = y[k] ?? 0;
    if (yk === 0) continue;
    const p = e.makes[k] ?? 0;
    net[p] = (net[p] ?? 0) + yk;
    for (let q = byTechnique.rowStarts[k] ?? 0; q < (byTechnique.rowStarts[k + 1] ?? 0); q++) {
      const i = byTechnique.columns[q] ?? 0;
      net[i] = (net[i] ?? 0) - (byTechnique.values[q] ?? 0) * yk;
    }
  }
  return net;
}

/** min_i net_i / d_i over products with a target, or 0 if some product runs short. */
export function feasibleScale(model: Model, y: Float64Array): number {
  const net = netOutput(model, y);
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < model.n; i++) {
    const d = model.e.demand[i] ?? 0;
    const v = net[i] ?? 0;
    if (d > 0) t = Math.min(t, v / d);
    else if (v < -1e-12) return 0;
  }
  return Math.max(0, Number.isFinite(t) ? t : 0);
}

export function labourOf(model: Model, y: Float64Array): number {
  let s = 0;
  for (let k = 0; k < model.m; k++) s += (model.e.labour[k] ?? 0) * (y[k] ?? 0);
  return s;
}

export function profits(model: Model, prices: Float64Array): Float64Array {
  const { e, byTechnique, m } = model;
  const profit = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let v = (prices[e.makes[k] ?? 0] ?? 0) - (e.labour[k] ?? 0);
    for (let q = byTechnique.rowStarts[k] ?? 0; q < (byTechnique.rowStarts[k + 1] ?? 0); q++) {
      v -= (byTechnique.values[q] ?? 0) * (prices[byTechnique.columns[q] ?? 0] ?? 0);
    }
    profit[k] = v;
  }
  return profit;
}

/** The duality bound above for prices λ (clipped at zero). */
export function dualBound(model: Model, prices: Float64Array): number {
  const p = prices.map((v) => Math.max(0, v));
  // profit + labour = what a unit earns at prices p before paying for labour.
  const profit = profits(model, p);
  // The labour price w must cover every uncapacitated technique's earnings.
  let w = 1;
  for (let k = 0; k < model.m; k++) {
    if (Number.isFinite(model.e.capacity[k] ?? Number.POSITIVE_INFINITY)) continue;
    const l = model.e.labour[k] ?? 0;
    const earns = (profit[k] ?? 0) + l;
    if (earns > w * l) w = l > 0 ? earns / l : Number.POSITIVE_INFINITY;
  }
  if (!Number.isFinite(w)) return Number.POSITIVE_INFINITY;
  let num = w * model.L;
  for (let k = 0; k < model.m; k++) {
    const u = model.e.capacity[k] ?? Number.POSITIVE_INFINITY;
    if (!Number.isFinite(u)) continue;
    const r = (profit[k] ?? 0) + (model.e.labour[k] ?? 0) * (1 - w);
    if (r > 0) num += u * r;
  }
  let den = 0;
  for (let i = 0; i < model.n; i++) den += (model.e.demand[i] ?? 0) * (p[i] ?? 0);
  return den > 0 ? num / den : Number.POSITIVE_INFINITY;
}
