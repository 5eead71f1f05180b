/**
 * A linear program in the bounded form HiGHS takes (HiGHS user guide, "Linear
 * programs": rowLower ≤ Ax ≤ rowUpper, colLower ≤ x ≤ colUpper), the matrix by column
 * (CSC) in typed arrays. Infinite bounds are ±Infinity.
 */
export interface LinearProgram {
  readonly maximize: boolean;
  readonly cost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Column j's entries are at starts[j] .. starts[j+1] in rowIndex and values. */
  readonly starts: Int32Array;
  readonly rowIndex: Int32Array;
  readonly values: Float64Array;
}

export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'other';

export interface LpSolution {
  readonly status: LpStatus;
  /** The solver's own name for the status, for messages. */
  readonly statusText: string;
  readonly objective: number;
  readonly columns: Float64Array;
  /** Row activities Ax. */
  readonly rows: Float64Array;
  /** Row duals (shadow prices) in the solver's sign convention for the stated sense. */
  readonly rowDuals: Float64Array;
  readonly iterations: number;
}

/** Any LP solver: HiGHS (highs-solver.ts) in practice. */
export type LpSolver = (lp: LinearProgram) => LpSolution;

/**
 * Accumulates columns one at a time; `finish` packs them. Each column is a list of
 * (row, value) pairs; a row named twice in a column has its values summed.
 */
export class LpBuilder {
  private readonly cost: number[] = [];
  private readonly colLower: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly rowIndex: number[] = [];
  private readonly values: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];

  /** Adds a row lower ≤ · ≤ upper and returns its index. */
  row(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  /** Adds a column and returns its index. */
  column(
    cost: number,
    lower: number,
    upper: number,
    entries: Iterable<readonly [number, number]>,
  ): number {
    const merged = new Map<number, number>();
    for (const [r, v] of entries) if (v !== 0) merged.set(r, (merged.get(r) ?? 0) + v);
    for (const [r, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      this.rowIndex.push(r);
      this.values.push(v);
    }
    this.cost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.starts.push(this.rowIndex.length);
    return this.cost.length - 1;
  }

  get columns(): number {
    return this.cost.length;
  }

  finish(maximize: boolean): LinearProgram {
    return {
      maximize,
      cost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      starts: Int32Array.from(this.starts),
      rowIndex: Int32Array.from(this.rowIndex),
      values: Float64Array.from(this.values),
    };
  }
}
