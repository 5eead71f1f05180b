/**
 * Currencies of the treasury: ISO 4217 three-letter codes, amounts in whole minor units
 * (cents). The digits of the minor unit come from the ISO 4217 list (table A.1): most
 * currencies have 2, the ones below 0 or 3. A participatory-budget round needs them: the
 * Add1 completion of the Method of Equal Shares raises each voter's share by one whole
 * currency unit, 10^digits minor units (budgeting/mes-completion.ts).
 */

const ZERO_DIGITS = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DIGITS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** ISO 4217's code for "no currency": the wage cap's currency until the congress sets one. */
export const NO_CURRENCY = 'XXX';

/** True for a well-formed ISO 4217 alphabetic code of a real currency (not XXX). */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && code !== NO_CURRENCY;
}

/** Decimal places of the currency's minor unit (ISO 4217; 2 unless listed above). */
export function minorUnitDigits(currency: string): number {
  if (ZERO_DIGITS.has(currency)) return 0;
  if (THREE_DIGITS.has(currency)) return 3;
  return 2;
}

/**
 * Minor units written as a decimal of the currency ("1234.50" for 123450 EUR cents),
 * without the code: the form of the CSV export and of refusals.
 */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** `formatAmount` followed by the code: "1234.50 EUR". */
export function formatMoney(minor: number, currency: string): string {
  return `${formatAmount(minor, currency)} ${currency}`;
}
