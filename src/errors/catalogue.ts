import { accountErrors } from '../accounts/errors.js';
import { budgetingErrors } from '../budgeting/errors.js';
import { countingErrors } from '../counting/errors.js';
import { democracyErrors } from '../democracy/errors.js';
import { planningErrors } from '../planning/errors.js';
import { recordErrors } from '../record/errors.js';
import { serverErrors } from '../server/errors.js';
import { serviceErrors } from '../service/errors.js';
import { storeErrors } from '../store/errors.js';
import { commonErrors } from './common-errors.js';
import type { ErrorSpec } from './define-errors.js';

/**
 * The one catalogue of error codes (docs/errors.md is generated from it and a test
 * keeps the two in sync). Each context's catalogue is merged here; a code defined twice
 * is a startup error.
 */
const parts: ReadonlyArray<Readonly<Record<string, ErrorSpec>>> = [
  commonErrors,
  storeErrors,
  countingErrors,
  democracyErrors,
  recordErrors,
  budgetingErrors,
  planningErrors,
  accountErrors,
  serverErrors,
  serviceErrors,
];

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
