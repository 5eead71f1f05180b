import type { Highs } from 'highs';
import type { LinearProgram, LpSolution, LpSolver, LpStatus } from './linear-program.js';

/**
 * An LpSolver over a loaded HiGHS runtime (npm `highs`, HiGHS compiled to WebAssembly;
 * Huangfu & Hall, "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10,
 * 2018). Loading the runtime reads its .wasm file, so it happens outside this pure
 * folder (src/cli/load-highs.ts) and the runtime is passed in.
 */
export function highsSolver(
  highs: Highs,
  options: Readonly<Record<string, string | number | boolean>> = {},
): LpSolver {
  return (lp: LinearProgram): LpSolution => {
    const model = highs.createModel();
    try {
      model.options.set({ output_flag: false, ...options });
      model.passModel({
        numCols: lp.cost.length,
        numRows: lp.rowLower.length,
        sense: lp.maximize
          ? highs.constants.objectiveSense.maximize
          : highs.constants.objectiveSense.minimize,
        colCost: lp.cost,
        colLower: lp.colLower,
        colUpper: lp.colUpper,
        rowLower: lp.rowLower,
        rowUpper: lp.rowUpper,
        matrix: {
          format: 'csc',
          numRows: lp.rowLower.length,
          numCols: lp.cost.length,
          starts: lp.starts,
          indices: lp.rowIndex,
          values: lp.values,
        },
      });
      const run = model.run();
      const status = statusOf(highs, run.modelStatus);
      const solution = model.getSolution();
      const iterations = Number(model.info.get('simplex_iteration_count') ?? 0);
      return {
        status,
        statusText: String(run.modelStatus),
        objective: status === 'optimal' ? model.getObjectiveValue() : Number.NaN,
        columns: Float64Array.from(solution.colValue),
        rows: Float64Array.from(solution.rowValue),
        rowDuals: Float64Array.from(solution.rowDual),
        iterations,
      };
    } finally {
      model.dispose();
    }
  };
}

function statusOf(highs: Highs, code: number): LpStatus {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return 'optimal';
  if (code === s.infeasible) return 'infeasible';
  if (code === s.unbounded || code === s.unboundedOrInfeasible) return 'unbounded';
  return 'other';
}
