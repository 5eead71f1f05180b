import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The counting context's errors. Codes are stable forever (docs/errors.md): a ballot
 * file that cannot be read says which line and why; a count that cannot be made says
 * what is missing. None of them is a bug.
 */
export const countingErrors = defineErrors({
  BALLOT_FILE_EMPTY: { status: 422, message: 'The ballot file is empty.' },
  BLT_BAD_HEADER: {
    status: 422,
    message:
      'Line {line} of the ballot file must give the number of candidates and of seats: {reason}.',
  },
  BLT_BAD_BALLOT: {
    status: 422,
    message: 'Line {line} of the ballot file is not a valid ballot: {reason}.',
  },
  BLT_BAD_WITHDRAWN: {
    status: 422,
    message:
      'Line {line} of the ballot file lists a withdrawn candidate that does not exist: {reason}.',
  },
  BLT_NO_END_OF_BALLOTS: {
    status: 422,
    message: 'The ballot file ends at line {line} without the line "0" that closes the ballots.',
  },
  BLT_MISSING_NAMES: {
    status: 422,
    message: 'The ballot file ends at line {line} before naming all {expected} candidates.',
  },
  BLT_BAD_NAME: {
    status: 422,
    message: 'Line {line} of the ballot file is not a valid name: {reason}.',
  },
  BLT_TRAILING_TEXT: {
    status: 422,
    message: 'Line {line} of the ballot file has text after the title: {reason}.',
  },
  PREFLIB_BAD_HEADER: {
    status: 422,
    message: 'Line {line} of the PrefLib file has a malformed header: {reason}.',
  },
  PREFLIB_BAD_ORDER: {
    status: 422,
    message: 'Line {line} of the PrefLib file is not a valid preference order: {reason}.',
  },
  PREFLIB_NO_ALTERNATIVES: {
    status: 422,
    message:
      'The PrefLib file does not say how many alternatives there are (# NUMBER ALTERNATIVES).',
  },
  BALLOT_UNKNOWN_CANDIDATE: {
    status: 422,
    message: 'Ballot {ballot} ranks "{candidate}", who is not a candidate in this election.',
  },
  BALLOT_DUPLICATE_CANDIDATE: {
    status: 422,
    message: 'Ballot {ballot} ranks "{candidate}" more than once.',
  },
  BALLOT_BAD_WEIGHT: {
    status: 422,
    message: 'Ballot {ballot} has weight {weight}; a weight must be a positive whole number.',
  },
  COUNT_BAD_CANDIDATES: { status: 422, message: 'The candidates are not valid: {reason}.' },
  COUNT_BAD_SEATS: {
    status: 422,
    message: 'The number of seats must be a whole number from 1 to {max}, not {seats}.',
  },
  COUNT_METHOD_SINGLE_SEAT: {
    status: 422,
    message: 'The method {method} fills exactly one seat, not {seats}.',
  },
  COUNT_UNKNOWN_METHOD: {
    status: 422,
    message:
      'There is no counting method "{method}"; use scottish-stv, meek, irv, schulze or approval.',
  },
  COUNT_TOO_MANY_VOTES: {
    status: 422,
    message: 'The {method} count supports at most {max} votes in total, not {total}.',
  },
  COUNT_FILE_UNREADABLE: {
    status: 422,
    message: 'The ballot file {file} cannot be read: {reason}.',
  },
  MOTION_BAD_TALLY: {
    status: 422,
    message: 'The motion tally is not valid: {reason}.',
  },
});

export const countingError = errorFactory(countingErrors);
