import type { Economy } from './economy.js';
import { planningError } from './errors.js';
import { type LinearProgram, LpBuilder, type LpSolver } from './linear-program.js';
import { bindingRows } from './multi-year-plan.js';

/**
 * The best feasible plan for one period: the largest fraction t of every final-demand
 * target that can be met at once (the plan ray: Kantorovich 1959, ch. 1; Cockshott,
 * "Von Mises, Kantorovich and in-natura calculation", Eur. J. Econ. Econ. Policies 7(1),
 * 2010), choosing how much of each technique to run:
 *
 *   maximise t  subject to  Σ_{k makes i} y_k − Σ_k a_ik y_k ≥ t d_i   (each product i)
 *                           Σ_k r_k y_k ≤ R                          (each resource)
 *                           0 ≤ y_k ≤ capacity_k.
 */
export interface BestPlan {
  /** t: the fraction of every target met. */
  readonly scale: number;
  /** Output of each technique. */
  readonly activity: Float64Array;
  /** Shadow price of each product (balance row duals), in units of t per unit. */
  readonly prices: Float64Array;
  /** Binding resources, capacities and products. */
  readonly binding: readonly string[];
  readonly iterations: number;
}

export interface PlanProgram {
  readonly lp: LinearProgram;
  readonly rowNames: readonly string[];
  /** The column of t (the last one); techniques are columns 0..k−1. */
  readonly scaleColumn: number;
}

/** The LP above (techniques are columns 0..k−1, t is column k; rows: products, then resources). */
export function bestPlanProgram(economy: Economy): PlanProgram {
  const { products, techniques, inputs, makes } = economy;
  const lp = new LpBuilder();
  const inf = Number.POSITIVE_INFINITY;
  const rowNames: string[] = [];
  for (const p of products) {
    lp.row(0, inf);
    rowNames.push(`balance ${p}`);
  }
  const limited = economy.resources.filter((r) => Number.isFinite(r.limit));
  const resourceRow = limited.map((r) => {
    rowNames.push(`resource ${r.name}`);
    return lp.row(-inf, r.limit);
  });
  // Column k's input entries: CSR rows are products, so gather column-wise once.
  const byColumn = columnsOf(
    inputs.rowStarts,
    inputs.columns,
    inputs.values,
    inputs.rows,
    techniques.length,
  );
  for (let k = 0; k < techniques.length; k++) {
    const entries: [number, number][] = [[makes[k] ?? 0, 1]];
    for (const [i, a] of byColumn[k] ?? []) entries.push([i, -a]);
    limited.forEach((r, q) => {
      entries.push([resourceRow[q] ?? 0, r.use[k] ?? 0]);
    });
    lp.column(0, 0, economy.capacity[k] ?? inf, entries);
  }
  const scaleColumn = lp.column(
    1,
    0,
    inf,
    products.map((_, i) => [i, -(economy.demand[i] ?? 0)] as const),
  );
  return { lp: lp.finish(true), rowNames, scaleColumn };
}

function columnsOf(
  rowStarts: Int32Array,
  columns: Int32Array,
  values: Float64Array,
  rows: number,
  cols: number,
): [number, number][][] {
  const out: [number, number][][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStarts[i] ?? 0; k < (rowStarts[i + 1] ?? 0); k++) {
      out[columns[k] ?? 0]?.push([i, values[k] ?? 0]);
    }
  }
  return out;
}

/** Solves the best plan with an LP solver (HiGHS). */
export function bestPlanLp(economy: Economy, solve: LpSolver): BestPlan {
  const { lp, rowNames, scaleColumn } = bestPlanProgram(economy);
  const solution = solve(lp);
  if (solution.status === 'unbounded') {
    throw planningError('PLAN_INFEASIBLE', {
      reason: 'nothing limits the plan: give a labour limit (limits.csv) or capacities',
    });
  }
  if (solution.status === 'infeasible')
    throw planningError('PLAN_INFEASIBLE', { reason: 'the LP is infeasible' });
  if (solution.status !== 'optimal')
    throw planningError('PLAN_SOLVER_FAILED', { status: solution.statusText });
  const activity = solution.columns.slice(0, scaleColumn);
  const binding = bindingRows(lp, solution.rows, solution.rowDuals, rowNames).filter(
    (name) => !name.startsWith('balance '),
  );
  activity.forEach((y, k) => {
    const cap = economy.capacity[k] ?? Number.POSITIVE_INFINITY;
    if (Number.isFinite(cap) && y >= cap - 1e-9 * (1 + cap))
      binding.push(`capacity ${economy.techniques[k]}`);
  });
  return {
    scale: solution.columns[scaleColumn] ?? 0,
    activity,
    prices: solution.rowDuals.slice(0, economy.products.length).map(Math.abs),
    binding,
    iterations: solution.iterations,
  };
}
