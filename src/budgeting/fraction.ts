/**
 * Exact rationals on `bigint`s, for every figure a rule decides with: payments, budget
 * shares and their comparisons never depend on rounding. A `Fraction` is always in
 * lowest terms with a positive denominator, so equal values have equal fields.
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** num / den in lowest terms. Requires den ≠ 0. */
export function fraction(num: bigint, den = 1n): Fraction {
  if (den === 0n) throw new RangeError('a fraction cannot have denominator 0');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Fraction = { num: 0n, den: 1n };

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

/** a / b. Requires b ≠ 0. */
export function div(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den, a.den * b.num);
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The number of bits of |x|, within 3 (enough to scale a quotient). */
function roughBits(x: bigint): number {
  return (x < 0n ? -x : x).toString(16).length * 4;
}

/**
 * The nearest-ish double to num / den (relative error below 2^-52) even when both are
 * far beyond 2^1023: used only to display or to guide, never to decide.
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = 64 - (roughBits(num) - roughBits(den));
  const quotient = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  // Two steps, so that 2^-shift never underflows on its own when the result does not.
  return shift > 1000
    ? Number(quotient) * 2 ** -1000 * 2 ** (1000 - shift)
    : Number(quotient) * 2 ** -shift;
}

export function toNumber(f: Fraction): number {
  return ratioToNumber(f.num, f.den);
}

/**
 * The fraction written as a decimal with `places` decimals, rounded half away from zero
 * (for display: "12.35").
 */
export function toDecimalString(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = f.num < 0n;
  const abs = negative ? -f.num : f.num;
  const scaled = (abs * scale * 2n + f.den) / (2n * f.den);
  const digits = scaled.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}
