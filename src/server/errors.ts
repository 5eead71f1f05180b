import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The HTTP layer's own errors: the request's envelope (media type, size), CSRF and rate
 * limits. Codes are stable forever (docs/errors.md); add new ones, never rename or reuse.
 */
export const serverErrors = defineErrors({
  BODY_TOO_LARGE: {
    status: 413,
    message: 'The request body is larger than this address accepts ({limit} bytes).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The request body must be JSON (Content-Type: application/json).',
  },
  UNSUPPORTED_CHARSET: {
    status: 415,
    message: 'The request body must be in UTF-8; it was declared as {charset}.',
  },
  TEXT_NOT_STORABLE: {
    status: 400,
    message:
      'The request holds text that cannot be stored ({reason}): remove control character U+0000 and broken characters.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    message:
      'The Idempotency-Key header must be a quoted string of 1 to 255 printable ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324".',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message:
      'This Idempotency-Key was already used for a different request: use a new key for each new request.',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    message:
      'A request with this Idempotency-Key is still being processed: wait a moment and retry it.',
  },
  CSRF_ORIGIN: {
    status: 403,
    message:
      'This request did not come from this site (its Origin or Referer is missing or foreign), so it was refused.',
  },
  CSRF_TOKEN: {
    status: 403,
    message:
      'This request is missing its security token or the token is wrong. Reload the page and try again.',
  },
  RECORD_MEMBERS_ONLY: {
    status: 401,
    message:
      'The record of {org} is open to its members only (its constitution says so): log in as a member, or present a read token the organisation granted.',
  },
  RECORD_MEMBERS_ONLY_FORBIDDEN: {
    status: 403,
    message:
      'The record of {org} is open to its members only (its constitution says so), and this account is not an active member of it.',
  },
  READ_TOKEN_INVALID: {
    status: 403,
    message:
      'This read token is not valid for the record of {org}: it was never granted, or the organisation revoked it.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests of this kind: wait {seconds} seconds and try again.',
  },
});

export const serverError = errorFactory(serverErrors);
