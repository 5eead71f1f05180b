import type { Economy } from './economy.js';
import { labourLimit } from './economy.js';
import { planningError } from './errors.js';
import {
  dualBound,
  feasibleScale,
  type HarmonyOptions,
  type HarmonyPlan,
  labourOf,
  type Model,
  netOutput,
} from './harmony-model.js';
import { cheapestChoice, polish } from './harmony-polish.js';
import { fromTriplets, transpose } from './sparse-matrix.js';

export type { HarmonyOptions, HarmonyPlan } from './harmony-model.js';
export { dualBound } from './harmony-model.js';

/**
 * The best feasible plan without a generic LP solver, for economies too large for one.
 * Two phases:
 *
 * 1. Harmony balancing (Cockshott, "Von Mises, Kantorovich and in-natura calculation",
 *    Eur. J. Econ. Econ. Policies 7(1), 2010, §5; the planning programs of
 *    github.com/wc22m/5yearplan). Each product's fulfilment is scored by the harmony
 *    function of its relative surplus s = (net output − target) / target:
 *        H(s) = s − s²/2 for s < 0,   H(s) = ln(1 + s) for s ≥ 0,
 *    concave, steep for shortfalls and flattening for surpluses, so raising the total
 *    harmony pulls every product towards its target together. Each iteration moves every
 *    technique's output multiplicatively by the harmony it adds per hour of labour, keeps
 *    it within capacity and rescales the plan to the labour available.
 * 2. Polishing: the balanced plan names, for each product, the technique that is run
 *    below capacity (the others stand at zero or at capacity). With that choice every
 *    product's balance holds exactly, and the plan and its prices are two Leontief solves
 *    (BiCGSTAB): y = t·(I − A_B)⁻¹d − (I − A_B)⁻¹f and λ = (I − A_Bᵀ)⁻¹ l_B. If a technique
 *    leaves its bounds or a price says another technique is cheaper, the choice is
 *    corrected and solved again (a policy iteration in the manner of Howard, *Dynamic
 *    Programming and Markov Processes*, 1960, with capacities).
 *
 * Every answer carries a proven upper bound on t from LP duality: for any prices λ ≥ 0,
 *     t* ≤ (L + Σ_k u_k · max(0, λ_{makes k} − a_k·λ − l_k)) / (d·λ),
 * with the labour price raised (above 1) until no uncapacitated technique earns more than it
 * pays for labour. When the polished
 * plan is feasible and no technique earns more than its cost, the bound equals t and the
 * plan is optimal. Labour is the only limited resource this method handles.
 */
/** H(s), Cockshott's harmony function (see above). */
export function harmony(s: number): number {
  return s < 0 ? s - (s * s) / 2 : Math.log1p(s);
}

/** H′(s). */
export function harmonyDerivative(s: number): number {
  return s < 0 ? 1 - s : 1 / (1 + s);
}

export function harmonyPlan(economy: Economy, options: HarmonyOptions = {}): HarmonyPlan {
  const others = economy.resources.filter((r) => r.name !== 'labour' && Number.isFinite(r.limit));
  if (others.length > 0) {
    throw planningError('PLAN_INFEASIBLE', {
      reason: `the harmony method handles labour only, and ${others[0]?.name} is limited too; use --method lp`,
    });
  }
  const L = labourLimit(economy);
  if (!Number.isFinite(L)) {
    throw planningError('PLAN_INFEASIBLE', {
      reason: 'nothing limits the plan: give a labour limit',
    });
  }
  const n = economy.products.length;
  const m = economy.techniques.length;
  const makers = transpose(
    fromTriplets(
      m,
      n,
      Int32Array.from({ length: m }, (_, k) => k),
      economy.makes,
      new Float64Array(m).fill(1),
    ),
  );
  const model: Model = {
    e: economy,
    byTechnique: transpose(economy.inputs),
    L,
    n,
    m,
    madeByStart: makers.rowStarts,
    madeBy: makers.columns,
  };
  const total = options.iterations ?? 200;
  const y = balance(model, total, options.onIteration);
  const harmonyScale = feasibleScale(model, y);
  // The polish starts from the harmony plan's choice and from the choice that is cheapest
  // without capacities (whose prices also prove a bound); the better plan is kept.
  const cheapest = cheapestChoice(model);
  const fromHarmony = polish(model, y, harmonyScale, total, options);
  const fromCheapest = polish(model, y, harmonyScale, total, options, cheapest.hint);
  const plan = fromCheapest.scale > fromHarmony.scale ? fromCheapest : fromHarmony;
  const relaxed = Math.min(
    dualBound(model, cheapest.prices),
    fromHarmony.bound,
    fromCheapest.bound,
  );
  return relaxed < plan.bound
    ? { ...plan, bound: relaxed, optimal: relaxed - plan.scale <= 1e-7 * Math.max(1, plan.scale) }
    : plan;
}

/** Phase 1: multiplicative harmony ascent within capacities and the labour limit. */
function balance(
  model: Model,
  iterations: number,
  onIteration?: (i: number, total: number) => void,
): Float64Array {
  const { e, byTechnique, L } = model;
  const y = new Float64Array(model.m).fill(1);
  const gain = new Float64Array(model.m);
  const fitToLimits = () => {
    for (let k = 0; k < model.m; k++)
      y[k] = Math.min(y[k] ?? 0, e.capacity[k] ?? Number.POSITIVE_INFINITY);
    const used = labourOf(model, y);
    if (used > 0) for (let k = 0; k < model.m; k++) y[k] = ((y[k] ?? 0) * L) / used;
    for (let k = 0; k < model.m; k++)
      y[k] = Math.min(y[k] ?? 0, e.capacity[k] ?? Number.POSITIVE_INFINITY);
  };
  fitToLimits();
  for (let it = 1; it <= iterations; it++) {
    const net = netOutput(model, y);
    const target = Math.max(feasibleScale(model, y), 1e-12);
    // Marginal harmony of one more unit of each product, targets on the current ray.
    const marginal = new Float64Array(model.n);
    for (let i = 0; i < model.n; i++) {
      const g = target * (e.demand[i] ?? 0);
      marginal[i] = g > 0 ? harmonyDerivative((net[i] ?? 0) / g - 1) / g : 0;
    }
    let mean = 0;
    for (let k = 0; k < model.m; k++) {
      let v = marginal[e.makes[k] ?? 0] ?? 0;
      for (let q = byTechnique.rowStarts[k] ?? 0; q < (byTechnique.rowStarts[k + 1] ?? 0); q++) {
        v -= (byTechnique.values[q] ?? 0) * (marginal[byTechnique.columns[q] ?? 0] ?? 0);
      }
      gain[k] = v / Math.max(e.labour[k] ?? 0, 1e-12);
      mean += gain[k] ?? 0;
    }
    mean /= model.m;
    let spread = 0;
    for (let k = 0; k < model.m; k++) spread = Math.max(spread, Math.abs((gain[k] ?? 0) - mean));
    const step = spread > 0 ? 0.5 / spread : 0;
    for (let k = 0; k < model.m; k++) {
      y[k] = Math.max((y[k] ?? 0) * Math.exp(step * ((gain[k] ?? 0) - mean)), 1e-300);
    }
    fitToLimits();
    onIteration?.(it, iterations);
  }
  return y;
}
