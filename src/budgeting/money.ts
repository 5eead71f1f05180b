/**
 * Decimal money without floats. A `.pb` file writes amounts as plain decimals
 * ("222176.85"); a round keeps them as whole minor units (a `bigint`) together with the
 * number of decimal places of its minor unit, its `scale`: with scale 2, 22217685n is
 * 222176.85. One whole currency unit is `10^scale` minor units.
 */

/** A decimal read from text: `digits / 10^decimals`. */
export interface DecimalAmount {
  readonly digits: bigint;
  readonly decimals: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a non-negative decimal written with digits and at most one point ("7200",
 * "222176.85"). Returns undefined for anything else (signs, exponents, commas, spaces
 * inside), so that callers can refuse it with their own line number.
 */
export function parseDecimal(text: string): DecimalAmount | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  return { digits: BigInt(whole + fraction), decimals: fraction.length };
}

/** `10^scale` as a bigint: the minor units in one currency unit. */
export function unitOf(scale: number): bigint {
  return 10n ** BigInt(scale);
}

/** The amount in minor units of the given scale. Requires `amount.decimals <= scale`. */
export function toMinorUnits(amount: DecimalAmount, scale: number): bigint {
  if (amount.decimals > scale) {
    throw new RangeError(`an amount with ${amount.decimals} decimals does not fit scale ${scale}`);
  }
  return amount.digits * unitOf(scale - amount.decimals);
}

/**
 * Writes minor units as a decimal with exactly `scale` decimals ("7200" at scale 0,
 * "7200.00" at scale 2), the form that reads back to the same amount and scale.
 */
export function formatMinorUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const sign = negative ? '-' : '';
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The smallest whole number not below the decimal: the least score that reaches it. */
export function ceilDecimal(amount: DecimalAmount): bigint {
  const unit = unitOf(amount.decimals);
  const whole = amount.digits / unit;
  return whole * unit === amount.digits ? whole : whole + 1n;
}
