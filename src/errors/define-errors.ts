import { SovietError } from './soviet-error.js';

/**
 * The error catalogue's building block. Every bounded context declares its errors in
 * its own `errors.ts` with `defineErrors`, and `catalogue.ts` merges them.
 *
 * Contract (docs/errors.md): a code is SCREAMING_SNAKE_CASE, names one meaning forever,
 * and is never renamed or reused. `message` is a sentence a member understands; it may
 * contain `{placeholders}` filled from the error's `params`.
 */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export interface ErrorSpec {
  readonly status: HttpStatus;
  readonly message: string;
}

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): T {
  for (const code of Object.keys(specs)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code))
      throw new Error(`error code ${code} is not SCREAMING_SNAKE_CASE`);
  }
  return Object.freeze(specs);
}

/** Fills `{name}` placeholders of a catalogue sentence. */
export function formatMessage(
  template: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/**
 * Returns a constructor of SovietErrors for one context's catalogue, so that a code that
 * is not in the catalogue is a type error: `const fail = errorFactory(countingErrors);
 * throw fail('BLT_BAD_HEADER', { line: 1 })`.
 */
export function errorFactory<T extends Record<string, ErrorSpec>>(specs: T) {
  return (code: keyof T & string, params: Readonly<Record<string, unknown>> = {}): SovietError =>
    new SovietError(code, specs[code]?.message ?? code, params);
}
