import { commonErrors } from './common-errors.js';
import type { ErrorSpec } from './define-errors.js';

/**
 * The one catalogue of error codes (docs/errors.md is generated from it and a test
 * keeps the two in sync). Each context's catalogue is merged here; a code defined twice
 * is a startup error.
 */
const parts: ReadonlyArray<Readonly<Record<string, ErrorSpec>>> = [commonErrors];

export const catalogue: Readonly<Record<string, ErrorSpec>> = (() => {
  const all: Record<string, ErrorSpec> = {};
  for (const part of parts) {
    for (const [code, spec] of Object.entries(part)) {
      if (code in all) throw new Error(`error code ${code} is defined twice`);
      all[code] = spec;
    }
  }
  return Object.freeze(all);
})();
