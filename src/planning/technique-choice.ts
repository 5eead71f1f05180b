import type { DynamicEconomy, Economy } from './economy.js';
import { fromDense, fromTriplets, type SparseMatrix } from './sparse-matrix.js';

/**
 * The square Leontief system of one technique per product: for each product, the
 * technique with the largest activity (or, without activities, the first one listed).
 * A_B's column j is the inputs of product j's technique; l_B its labour.
 */
export interface LeontiefSystem {
  readonly a: SparseMatrix;
  readonly labour: Float64Array;
  readonly technique: Int32Array;
}

export function leontiefSystem(e: Economy, activity?: Float64Array): LeontiefSystem {
  const n = e.products.length;
  const technique = new Int32Array(n).fill(-1);
  e.makes.forEach((p, k) => {
    const best = technique[p] ?? -1;
    if (best < 0 || (activity && (activity[k] ?? 0) > (activity[best] ?? 0))) technique[p] = k;
  });
  const column = new Int32Array(e.techniques.length).fill(-1);
  technique.forEach((k, p) => {
    if (k >= 0) column[k] = p;
  });
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  const { rowStarts, columns, values } = e.inputs;
  for (let i = 0; i < n; i++) {
    for (let q = rowStarts[i] ?? 0; q < (rowStarts[i + 1] ?? 0); q++) {
      const j = column[columns[q] ?? 0] ?? -1;
      if (j < 0) continue;
      rowOf.push(i);
      colOf.push(j);
      valueAt.push(values[q] ?? 0);
    }
  }
  return {
    a: fromTriplets(
      n,
      n,
      Int32Array.from(rowOf),
      Int32Array.from(colOf),
      Float64Array.from(valueAt),
    ),
    labour: Float64Array.from(technique, (k) => (k >= 0 ? (e.labour[k] ?? 0) : 0)),
    technique,
  };
}

/**
 * One year of a multi-year economy as a static one: its targets, its labour, and each
 * industry's capacity set by the stocks it holds at the start of the plan (the smallest
 * stock_ij / capital_ij over the stocks it needs).
 */
export function staticEconomy(d: DynamicEconomy, year = 0): Economy {
  const n = d.products.length;
  const capacity = Float64Array.from(d.products, (_, j) => {
    let cap = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const b = d.capital[i]?.[j] ?? 0;
      if (b > 0) cap = Math.min(cap, (d.stock[i]?.[j] ?? 0) / b);
    }
    return cap;
  });
  const labour = Float64Array.from(d.labour);
  const y = d.years[year];
  return {
    products: d.products,
    demand: Float64Array.from(y?.targets ?? []),
    techniques: d.products,
    makes: Int32Array.from(d.products, (_, j) => j),
    inputs: fromDense(
      d.flow.map((r) => [...r]),
      n,
    ),
    labour,
    capacity,
    resources: [{ name: 'labour', limit: y?.labour ?? Number.POSITIVE_INFINITY, use: labour }],
  };
}
