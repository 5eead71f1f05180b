/**
 * A sparse matrix in compressed sparse row form (CSR): row i's entries are
 * `values[rowStarts[i] .. rowStarts[i+1])` in the columns `columns[…]`. Typed arrays only,
 * no object per entry, so that 10^7 non-zeros take 12 bytes each (Saad, *Iterative
 * Methods for Sparse Linear Systems*, 2nd ed., 2003, §3.4). Read-only once built.
 */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowStarts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
}

/** The number of stored entries. */
export function nonZeros(m: SparseMatrix): number {
  return m.rowStarts[m.rows] ?? 0;
}

/**
 * Builds a CSR matrix from coordinate triplets (any order; duplicates are summed, as
 * Matrix Market's coordinate format allows). Requires 0 ≤ row < rows, 0 ≤ col < cols.
 * Counting sort by row: O(nnz + rows).
 */
export function fromTriplets(
  rows: number,
  cols: number,
  rowOf: Int32Array,
  colOf: Int32Array,
  valueAt: Float64Array,
  count = rowOf.length,
): SparseMatrix {
  const rowStarts = new Int32Array(rows + 1);
  for (let k = 0; k < count; k++) {
    const r = rowOf[k] ?? 0;
    rowStarts[r + 1] = (rowStarts[r + 1] ?? 0) + 1;
  }
  for (let i = 0; i < rows; i++) rowStarts[i + 1] = (rowStarts[i + 1] ?? 0) + (rowStarts[i] ?? 0);
  const next = rowStarts.slice(0, rows);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const r = rowOf[k] ?? 0;
    const at = next[r] ?? 0;
    next[r] = at + 1;
    columns[at] = colOf[k] ?? 0;
    values[at] = valueAt[k] ?? 0;
  }
  return sumDuplicates({ rows, cols, rowStarts, columns, values });
}

/** Sorts each row by column and merges repeated columns by summing them. */
function sumDuplicates(m: SparseMatrix): SparseMatrix {
  const { rows, rowStarts, columns, values } = m;
  let write = 0;
  const starts = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    const from = rowStarts[i] ?? 0;
    const to = rowStarts[i + 1] ?? 0;
    sortRow(columns, values, from, to);
    starts[i] = write;
    for (let k = from; k < to; k++) {
      const c = columns[k] ?? 0;
      if (write > (starts[i] ?? 0) && columns[write - 1] === c) {
        values[write - 1] = (values[write - 1] ?? 0) + (values[k] ?? 0);
      } else {
        columns[write] = c;
        values[write] = values[k] ?? 0;
        write += 1;
      }
    }
  }
  starts[rows] = write;
  if (write === columns.length) return { ...m, rowStarts: starts };
  return {
    ...m,
    rowStarts: starts,
    columns: columns.slice(0, write),
    values: values.slice(0, write),
  };
}

/** Insertion sort of one row segment by column (rows are short: a few dozen entries). */
function sortRow(columns: Int32Array, values: Float64Array, from: number, to: number): void {
  for (let a = from + 1; a < to; a++) {
    const c = columns[a] ?? 0;
    const v = values[a] ?? 0;
    let b = a - 1;
    while (b >= from && (columns[b] ?? 0) > c) {
      columns[b + 1] = columns[b] ?? 0;
      values[b + 1] = values[b] ?? 0;
      b -= 1;
    }
    columns[b + 1] = c;
    values[b + 1] = v;
  }
}

/** Builds a CSR matrix from a dense row-major array of arrays (small tables only). */
export function fromDense(
  dense: readonly (readonly number[])[],
  cols = dense[0]?.length ?? 0,
): SparseMatrix {
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  dense.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== 0) {
        rowOf.push(i);
        colOf.push(j);
        valueAt.push(v);
      }
    });
  });
  return fromTriplets(
    dense.length,
    cols,
    Int32Array.from(rowOf),
    Int32Array.from(colOf),
    Float64Array.from(valueAt),
  );
}

/** The dense form, row-major (small matrices: tests, printing). */
export function toDense(m: SparseMatrix): number[][] {
  const out = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let i = 0; i < m.rows; i++) {
    const row = out[i] ?? [];
    for (let k = m.rowStarts[i] ?? 0; k < (m.rowStarts[i + 1] ?? 0); k++) {
      const c = m.columns[k] ?? 0;
      row[c] = (row[c] ?? 0) + (m.values[k] ?? 0);
    }
  }
  return out;
}

/** The transpose, in CSR (which is the CSC form of m). O(nnz + cols). */
export function transpose(m: SparseMatrix): SparseMatrix {
  const count = nonZeros(m);
  const rowStarts = new Int32Array(m.cols + 1);
  for (let k = 0; k < count; k++) {
    const c = m.columns[k] ?? 0;
    rowStarts[c + 1] = (rowStarts[c + 1] ?? 0) + 1;
  }
  for (let j = 0; j < m.cols; j++) rowStarts[j + 1] = (rowStarts[j + 1] ?? 0) + (rowStarts[j] ?? 0);
  const next = rowStarts.slice(0, m.cols);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  // Rows are visited in order, so each transposed row comes out sorted.
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowStarts[i] ?? 0; k < (m.rowStarts[i + 1] ?? 0); k++) {
      const c = m.columns[k] ?? 0;
      const at = next[c] ?? 0;
      next[c] = at + 1;
      columns[at] = i;
      values[at] = m.values[k] ?? 0;
    }
  }
  return { rows: m.cols, cols: m.rows, rowStarts, columns, values };
}

/** y = M x (into `out`, which must not alias x). */
export function multiply(
  m: SparseMatrix,
  x: Float64Array,
  out: Float64Array = new Float64Array(m.rows),
): Float64Array {
  const { rowStarts, columns, values } = m;
  // The hot loop of every solver: indices are in range by construction, so the reads are
  // cast rather than defaulted (`?? 0` costs a branch per entry).
  let start = rowStarts[0] as number;
  for (let i = 0; i < m.rows; i++) {
    const end = rowStarts[i + 1] as number;
    let sum = 0;
    for (let k = start; k < end; k++) {
      sum += (values[k] as number) * (x[columns[k] as number] as number);
    }
    out[i] = sum;
    start = end;
  }
  return out;
}

/** The column sums 1ᵀM. */
export function columnSums(m: SparseMatrix): Float64Array {
  const sums = new Float64Array(m.cols);
  const count = nonZeros(m);
  for (let k = 0; k < count; k++) {
    const c = m.columns[k] ?? 0;
    sums[c] = (sums[c] ?? 0) + (m.values[k] ?? 0);
  }
  return sums;
}

/** Bytes held by the matrix's arrays. */
export function matrixBytes(m: SparseMatrix): number {
  return m.rowStarts.byteLength + m.columns.byteLength + m.values.byteLength;
}
