import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The budgeting context's errors. Codes are stable forever (docs/errors.md). A `.pb`
 * file that cannot be read names the line and the reason; a rule that cannot be applied
 * says what is missing. None of them is a bug.
 */
export const budgetingErrors = defineErrors({
  PB_EMPTY_FILE: { status: 422, message: 'The participatory-budget file is empty.' },
  PB_BAD_QUOTING: {
    status: 422,
    message: 'Line {line} of the participatory-budget file is not valid CSV: {reason}.',
  },
  PB_BAD_SECTION: {
    status: 422,
    message: 'Line {line} of the participatory-budget file: {reason}.',
  },
  PB_BAD_HEADER: {
    status: 422,
    message: 'Line {line}: the {section} header {reason}.',
  },
  PB_FIELD_COUNT: {
    status: 422,
    message: 'Line {line} has {found} fields, but the {section} header names {expected}.',
  },
  PB_BAD_META: { status: 422, message: 'Line {line}: the META section {reason}.' },
  PB_MISSING_META: {
    status: 422,
    message: 'The META section does not give the {key}, which the file needs.',
  },
  PB_BAD_NUMBER: {
    status: 422,
    message: 'Line {line}: {field} must be {expected}, not "{value}".',
  },
  PB_BAD_VOTE_TYPE: {
    status: 422,
    message:
      'Line {line}: the vote type "{value}" is not one of approval, choose-1, cumulative, scoring, ordinal.',
  },
  PB_DUPLICATE_ID: { status: 422, message: 'Line {line}: the {what} id "{id}" appears twice.' },
  PB_EMPTY_ID: { status: 422, message: 'Line {line}: the {what} id is empty.' },
  PB_UNKNOWN_PROJECT: {
    status: 422,
    message:
      'Line {line}: the vote names project "{id}", which the PROJECTS section does not list.',
  },
  PB_DUPLICATE_IN_BALLOT: {
    status: 422,
    message: 'Line {line}: the vote names project "{id}" more than once.',
  },
  PB_BAD_POINTS: { status: 422, message: 'Line {line}: the points {reason}.' },
  PB_BAD_BALLOT: { status: 422, message: 'Line {line}: the vote {reason}.' },
  PB_COUNT_MISMATCH: {
    status: 422,
    message: 'The META section says {key} is {declared}, but the file has {actual}.',
  },
  PB_UNKNOWN_RULE: {
    status: 400,
    message:
      'The rule "{rule}" is not supported; use one of equalshares/add1, equalshares/add1-comparison, equalshares, equalshares-comparison, greedy, greedy-threshold, greedy-no-skip (or mes).',
  },
  PB_NO_RULE: {
    status: 422,
    message: 'The file does not name a rule in its META section; choose one with --rule.',
  },
  PB_NO_THRESHOLD: {
    status: 422,
    message:
      'The rule greedy-threshold needs min_project_score_threshold in the META section, and the file has none.',
  },
  PB_BAD_INSTANCE: { status: 422, message: 'The budget round is not valid: {reason}.' },
  PB_FILE_UNREADABLE: { status: 422, message: 'The file {file} cannot be read: {reason}.' },
});

export const budgetingError = errorFactory(budgetingErrors);
