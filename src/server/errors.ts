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
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests of this kind: wait {seconds} seconds and try again.',
  },
});

export const serverError = errorFactory(serverErrors);
