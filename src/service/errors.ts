import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The service layer's errors (src/service): what the application API refuses before or
 * beside the democracy domain's own refusals. Codes are stable forever (docs/errors.md);
 * add new ones, never rename or reuse.
 */
export const serviceErrors = defineErrors({
  SYSTEM_ACTOR_RESERVED: {
    status: 403,
    message: 'Only the server itself acts as "system"; a request must act as a member.',
  },
  MEMBER_UNKNOWN: { status: 404, message: 'There is no member {memberId}.' },
  BALLOT_BOX_UNKNOWN: { status: 404, message: 'There is no ballot box {boxId}.' },
  RECEIPT_UNKNOWN: {
    status: 404,
    message:
      'No published ballot has the receipt {receipt}. Ballots are published when voting closes; check the receipt for typing errors.',
  },
  DEMO_EXISTS: {
    status: 409,
    message:
      'The organisation "{org}" already exists on this database, so the demonstration was not created again. Use another --data directory or database to start afresh.',
  },
  ACT_MALFORMED: {
    status: 400,
    message:
      'The act cannot be read: {reason}. Its body is the canonical JSON (RFC 8785) of {"by","command","id","issued","origin"}.',
  },
  ACT_WRONG_ORGANISATION: {
    status: 422,
    message: "The act names the log {origin}, not this organisation's ({expected}).",
  },
});

export const serviceError = errorFactory(serviceErrors);
export type ServiceErrorCode = keyof typeof serviceErrors;
