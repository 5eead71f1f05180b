import type { Economy } from '../economy.js';
import { fromTriplets } from '../sparse-matrix.js';

/**
 * Test and benchmark support: random economies from a seed (mulberry32, a small
 * well-mixed 32-bit generator; T. Ettinger, 2017). Each technique draws `inputs`
 * distinct input products with coefficients summing to a random column sum in
 * [minSum, maxSum], so every choice of one technique per product is productive.
 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly products: number;
  readonly techniquesPerProduct?: number;
  readonly inputs?: number;
  readonly minSum?: number;
  readonly maxSum?: number;
  /** Share of products whose first technique has a finite capacity. */
  readonly capacityShare?: number;
  readonly seed?: number;
}

export function syntheticEconomy(options: SyntheticOptions): Economy {
  const n = options.products;
  const per = options.techniquesPerProduct ?? 1;
  const inputs = Math.min(options.inputs ?? 10, n);
  const minSum = options.minSum ?? 0.6;
  const maxSum = options.maxSum ?? 0.9;
  const rand = random(options.seed ?? 1);
  const m = n * per;
  const rowOf = new Int32Array(m * inputs);
  const colOf = new Int32Array(m * inputs);
  const valueAt = new Float64Array(m * inputs);
  const makes = new Int32Array(m);
  const labour = new Float64Array(m);
  const capacity = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const weights = new Float64Array(inputs);
  const chosen = new Int32Array(inputs);
  let at = 0;
  for (let k = 0; k < m; k++) {
    makes[k] = Math.floor(k / per);
    labour[k] = 0.1 + rand();
    let total = 0;
    for (let q = 0; q < inputs; q++) {
      let i: number;
      do i = Math.floor(rand() * n);
      while (chosen.subarray(0, q).includes(i));
      chosen[q] = i;
      weights[q] = 0.05 + rand();
      total += weights[q] ?? 0;
    }
    const sum = minSum + (maxSum - minSum) * rand();
    for (let q = 0; q < inputs; q++) {
      rowOf[at] = chosen[q] ?? 0;
      colOf[at] = k;
      valueAt[at] = ((weights[q] ?? 0) / total) * sum;
      at += 1;
    }
  }
  const demand = Float64Array.from({ length: n }, () => 0.5 + rand());
  const share = options.capacityShare ?? 0;
  // Only a product's first technique may be capacity-limited: each product keeps an
  // unbounded alternative, so labour is what limits the plan (the usual planning case).
  for (let k = 0; k < m; k += per) if (rand() < share) capacity[k] = 0.5 + 2 * rand();
  const names = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  return {
    products: names('p', n),
    demand,
    techniques: names('t', m),
    makes,
    inputs: fromTriplets(n, m, rowOf, colOf, valueAt),
    labour,
    capacity,
    resources: [{ name: 'labour', limit: n, use: labour }],
  };
}
