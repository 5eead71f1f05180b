import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The planning context's errors (docs/errors.md). Codes are stable forever: a table
 * that cannot be read says which file, which line and why; a plan that cannot be made
 * says what is missing. None of them is a bug.
 */
export const planningErrors = defineErrors({
  PLAN_FILE_BAD: {
    status: 422,
    message: '{file}, line {line}: {reason}.',
  },
  PLAN_UNKNOWN_NAME: {
    status: 422,
    message: '{file} names "{name}", which is not a {kind} of this economy.',
  },
  PLAN_NOT_PRODUCTIVE: {
    status: 422,
    message:
      'The economy is not productive: the Leontief iteration did not converge ({reason}); no gross output delivers the final demand.',
  },
  PLAN_NOT_CONVERGED: {
    status: 422,
    message:
      'The {method} method did not reach the tolerance {tolerance} in {iterations} iterations.',
  },
  PLAN_INFEASIBLE: {
    status: 422,
    message: 'No plan meets the constraints: {reason}.',
  },
  PLAN_SOLVER_FAILED: {
    status: 500,
    message: 'The linear-programming solver stopped without an optimum: {status}.',
  },
  PLAN_UNKNOWN_FORMAT: {
    status: 422,
    message:
      'The directory {dir} holds no economy this program reads: it needs products.csv (Soviet), flows.csv (harmony), A.mtx (Matrix Market), a symmetric table (*.csv with output_bp) or BEA files (IOMakeSummary.txt).',
  },
  PLAN_UNKNOWN_METHOD: {
    status: 422,
    message: 'There is no planning method {method}; use leontief, lp or harmony.',
  },
});

export const planningError = errorFactory(planningErrors);
