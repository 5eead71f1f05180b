/**
 * Dense linear algebra for small tables (BEA's 131 industries, test references):
 * Gaussian elimination with partial pivoting (Golub & Van Loan, *Matrix Computations*,
 * 4th ed., 2013, Alg. 3.4.1). O(n³): not for large economies.
 */
export type Dense = number[][];

export function identity(n: number): Dense {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

export function zeros(rows: number, cols: number): Dense {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function matmul(a: Dense, b: Dense): Dense {
  const n = a.length;
  const k = b.length;
  const m = b[0]?.length ?? 0;
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const row = out[i] ?? [];
    for (let p = 0; p < k; p++) {
      const aip = a[i]?.[p] ?? 0;
      if (aip === 0) continue;
      const bp = b[p] ?? [];
      for (let j = 0; j < m; j++) row[j] = (row[j] ?? 0) + aip * (bp[j] ?? 0);
    }
  }
  return out;
}

/** I − M. */
export function identityMinus(m: Dense): Dense {
  return m.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
}

/** Solves M X = B for X (B with several columns); throws on a singular M. */
export function solveDense(m: Dense, b: Dense): Dense {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const x = b.map((row) => [...row]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[pivot]?.[c] ?? 0)) pivot = r;
    if ((a[pivot]?.[c] ?? 0) === 0) throw new RangeError('singular matrix');
    [a[c], a[pivot]] = [a[pivot] ?? [], a[c] ?? []];
    [x[c], x[pivot]] = [x[pivot] ?? [], x[c] ?? []];
    const ac = a[c] ?? [];
    const xc = x[c] ?? [];
    const d = ac[c] ?? 1;
    for (let r = c + 1; r < n; r++) {
      const ar = a[r] ?? [];
      const f = (ar[c] ?? 0) / d;
      if (f === 0) continue;
      for (let j = c; j < n; j++) ar[j] = (ar[j] ?? 0) - f * (ac[j] ?? 0);
      const xr = x[r] ?? [];
      for (let j = 0; j < xr.length; j++) xr[j] = (xr[j] ?? 0) - f * (xc[j] ?? 0);
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    const xc = x[c] ?? [];
    const ac = a[c] ?? [];
    for (let r = c + 1; r < n; r++) {
      const xr = x[r] ?? [];
      const f = ac[r] ?? 0;
      if (f !== 0) for (let j = 0; j < xc.length; j++) xc[j] = (xc[j] ?? 0) - f * (xr[j] ?? 0);
    }
    const d = ac[c] ?? 1;
    for (let j = 0; j < xc.length; j++) xc[j] = (xc[j] ?? 0) / d;
  }
  return x;
}

export function inverse(m: Dense): Dense {
  return solveDense(m, identity(m.length));
}

/** The Leontief inverse (I − A)⁻¹. */
export function leontiefInverse(a: Dense): Dense {
  return inverse(identityMinus(a));
}
