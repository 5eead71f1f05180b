import type { DynamicEconomy } from './economy.js';
import { planningError } from './errors.js';
import { type LinearProgram, LpBuilder, type LpSolver } from './linear-program.js';

/**
 * The multi-year plan of Cockshott's harmony planning tables, as a linear program in
 * Kantorovich's form (L. V. Kantorovich, *The Best Use of Economic Resources*, 1959/1965:
 * maximise the number of complete sets of the target assortment). The model is the one
 * `documentation.odt` of github.com/wc22m/5yearplan describes; this formulation is
 * written from that description, not from its code. For each year t = 1..T:
 *
 * - fulfilment s_t ≥ 0; the objective is Σ_t s_t;
 * - goods balance, for each product i: x_it − Σ_j a_ij x_jt − Σ_j v_ijt ≥ s_t c_it, where
 *   x is gross output, a the flow coefficients, v_ijt the investment of good i in
 *   industry j and c_it the consumption target (what is left over is free to dispose of);
 * - labour: Σ_j l_j x_jt ≤ L_t;
 * - capacity, for each stock (i, j) with capital coefficient b_ij > 0: b_ij x_jt ≤ K_ijt;
 * - stocks: K_ij1 ≤ the initial stock, and K_ij,t+1 ≤ (1 − δ_ij) K_ijt + v_ijt, i.e.
 *   investment becomes productive the following year (so none is made in year T).
 */
export interface MultiYearPlan {
  /** Σ_t s_t. */
  readonly objective: number;
  /** s_t per year. */
  readonly fulfilment: readonly number[];
  /** output[t][j]: gross output of product j in year t. */
  readonly output: readonly (readonly number[])[];
  /** labour[t]: labour used in year t. */
  readonly labour: readonly number[];
  /** Constraints that hold with equality and have a non-zero shadow price. */
  readonly binding: readonly string[];
  readonly iterations: number;
}

interface Layout {
  readonly lp: LinearProgram;
  readonly fulfilmentCol: number[];
  readonly outputCol: number[][];
  readonly rowNames: string[];
}

/** The LP of the plan (exported for tests that solve it by other means). */
export function multiYearProgram(economy: DynamicEconomy): Layout {
  const { products, years } = economy;
  const n = products.length;
  const T = years.length;
  const lp = new LpBuilder();
  const rowNames: string[] = [];
  const row = (name: string, lower: number, upper: number) => {
    rowNames.push(name);
    return lp.row(lower, upper);
  };
  const inf = Number.POSITIVE_INFINITY;
  const stocks: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if ((economy.capital[i]?.[j] ?? 0) > 0) stocks.push([i, j]);
  }
  const balance: number[][] = [];
  const labour: number[] = [];
  const capacity: number[][] = [];
  const carry: number[][] = []; // carry[t][s]: the row K_s,t+1 − (1−δ)K_s,t − v_s,t ≤ 0 (t < T−1)
  for (let t = 0; t < T; t++) {
    const year = years[t]?.name ?? String(t + 1);
    balance.push(products.map((p) => row(`balance ${p} ${year}`, 0, inf)));
    labour.push(row(`labour ${year}`, -inf, years[t]?.labour ?? 0));
    capacity.push(
      stocks.map(([i, j]) => row(`capacity ${products[j]} stock ${products[i]} ${year}`, -inf, 0)),
    );
    if (t < T - 1)
      carry.push(
        stocks.map(([i, j]) =>
          row(`stock ${products[i]} in ${products[j]} after ${year}`, -inf, 0),
        ),
      );
  }
  const fulfilmentCol = years.map((y, t) =>
    lp.column(
      1,
      0,
      inf,
      products.map((_, i) => [balance[t]?.[i] ?? 0, -(y.targets[i] ?? 0)] as const),
    ),
  );
  const outputCol = years.map((_, t) =>
    products.map((_, j) => {
      const entries: [number, number][] = [[balance[t]?.[j] ?? 0, 1]];
      for (let i = 0; i < n; i++)
        entries.push([balance[t]?.[i] ?? 0, -(economy.flow[i]?.[j] ?? 0)]);
      entries.push([labour[t] ?? 0, economy.labour[j] ?? 0]);
      stocks.forEach(([i, jj], s) => {
        if (jj === j) entries.push([capacity[t]?.[s] ?? 0, economy.capital[i]?.[j] ?? 0]);
      });
      return lp.column(0, 0, inf, entries);
    }),
  );
  years.forEach((_, t) => {
    stocks.forEach(([i, j], s) => {
      const entries: [number, number][] = [[capacity[t]?.[s] ?? 0, -1]];
      if (t > 0) entries.push([carry[t - 1]?.[s] ?? 0, 1]);
      if (t < T - 1) entries.push([carry[t]?.[s] ?? 0, -(1 - (economy.depreciation[i]?.[j] ?? 0))]);
      const initial = t === 0 ? (economy.stock[i]?.[j] ?? 0) : inf;
      lp.column(0, 0, initial, entries); // K_ijt
      if (t < T - 1)
        lp.column(0, 0, inf, [
          [balance[t]?.[i] ?? 0, -1],
          [carry[t]?.[s] ?? 0, -1],
        ]); // v_ijt
    });
  });
  return { lp: lp.finish(true), fulfilmentCol, outputCol, rowNames };
}

/** Solves the plan with an LP solver; PLAN_INFEASIBLE or PLAN_SOLVER_FAILED otherwise. */
export function solveMultiYearPlan(economy: DynamicEconomy, solve: LpSolver): MultiYearPlan {
  const { lp, fulfilmentCol, outputCol, rowNames } = multiYearProgram(economy);
  const solution = solve(lp);
  if (solution.status === 'infeasible')
    throw planningError('PLAN_INFEASIBLE', { reason: 'the LP is infeasible' });
  if (solution.status !== 'optimal')
    throw planningError('PLAN_SOLVER_FAILED', { status: solution.statusText });
  const col = (c: number) => solution.columns[c] ?? 0;
  const output = outputCol.map((cols) => cols.map(col));
  return {
    objective: solution.objective,
    fulfilment: fulfilmentCol.map(col),
    output,
    labour: output.map((x) => x.reduce((sum, v, j) => sum + v * (economy.labour[j] ?? 0), 0)),
    binding: bindingRows(lp, solution.rows, solution.rowDuals, rowNames),
    iterations: solution.iterations,
  };
}

/** Rows at a bound with a shadow price above 1e-9. */
export function bindingRows(
  lp: LinearProgram,
  activity: Float64Array,
  duals: Float64Array,
  names: readonly string[],
): string[] {
  const out: string[] = [];
  names.forEach((name, r) => {
    const a = activity[r] ?? 0;
    const atBound =
      Math.abs(a - (lp.rowUpper[r] ?? 0)) <= 1e-9 * (1 + Math.abs(a)) ||
      Math.abs(a - (lp.rowLower[r] ?? 0)) <= 1e-9 * (1 + Math.abs(a));
    if (atBound && Math.abs(duals[r] ?? 0) > 1e-9) out.push(name);
  });
  return out;
}
