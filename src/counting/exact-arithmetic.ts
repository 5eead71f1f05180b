/**
 * Exact integer arithmetic on JavaScript numbers holding whole numbers. Counts keep
 * every figure as a whole number of units (e.g. 1e-5 of a vote), so that the rules'
 * truncations are exact; these helpers compute floor(a × b / c) and ceil(a × b / c)
 * exactly even when a × b exceeds 2^53, falling back to BigInt only then.
 */

/** floor(a × b / c) for whole a, b ≥ 0 and c > 0, exactly. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) return floorDiv(p, c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** ceil(a × b / c) for whole a, b ≥ 0 and c > 0, exactly. */
export function mulDivCeil(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const q = floorDiv(p, c);
    return q * c === p ? q : q + 1;
  }
  const bp = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  const q = bp / bc;
  return Number(q * bc === bp ? q : q + 1n);
}

/** floor(x / d) for whole 0 ≤ x ≤ 2^53 and d > 0, corrected for the rounding of `/`. */
export function floorDiv(x: number, d: number): number {
  let q = Math.floor(x / d);
  let r = x - q * d;
  while (r < 0) {
    q -= 1;
    r += d;
  }
  while (r >= d) {
    q += 1;
    r -= d;
  }
  return q;
}

/** The billion that is Meek's unit (1e-9 of a vote). */
export const BILLION = 1_000_000_000;

/**
 * ceil(a × b / 1e9) for whole 0 ≤ a, b ≤ 1e9, exactly, without BigInt: the hot path of
 * a Meek count. Splits b = bh·1e5 + bl so every partial product stays below 2^53.
 */
export function mulBillionthCeil(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (b === BILLION) return a;
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const q = floorDiv(p, BILLION);
    return q * BILLION === p ? q : q + 1;
  }
  const bh = Math.floor(b / 100_000);
  const bl = b - bh * 100_000;
  const hi = a * bh; // < 1e14
  const q1 = floorDiv(hi, 10_000);
  const r1 = hi - q1 * 10_000; // < 1e4
  const rest = r1 * 100_000 + a * bl; // < 1e9 + 1e14
  const q2 = floorDiv(rest, BILLION);
  const r2 = rest - q2 * BILLION;
  return q1 + q2 + (r2 > 0 ? 1 : 0);
}
