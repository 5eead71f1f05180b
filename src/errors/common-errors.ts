import { defineErrors } from './define-errors.js';

/** Errors that belong to no one context: the envelope of every request and command. */
export const commonErrors = defineErrors({
  INTERNAL: {
    status: 500,
    message: 'Something went wrong on the server. It has been logged with request id {requestId}.',
  },
  NOT_FOUND: { status: 404, message: 'There is nothing at this address.' },
  BAD_REQUEST: { status: 400, message: 'The request is not valid: {reason}.' },
  USAGE: { status: 400, message: '{reason}' },
});
