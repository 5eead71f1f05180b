import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * Accounts, passwords and sessions. Codes are stable forever (docs/errors.md); add new
 * ones, never rename or reuse. Login failures never say whether the account exists.
 */
export const accountErrors = defineErrors({
  UNAUTHENTICATED: {
    status: 401,
    message: 'You need to log in to do this.',
  },
  SESSION_EXPIRED: {
    status: 401,
    message: 'Your session has ended (logged out, or inactive for too long). Please log in again.',
  },
  LOGIN_FAILED: {
    status: 401,
    message: 'The username or the password is wrong.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    message:
      'Too many failed logins: wait {seconds} seconds before trying again. The owner of the account will be told.',
  },
  BAD_USERNAME: {
    status: 422,
    message:
      'A username must be 3 to 64 characters: lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.',
  },
  USERNAME_TAKEN: { status: 409, message: 'The username "{username}" is already taken.' },
  WEAK_PASSWORD: { status: 422, message: 'This password is too weak: {reason}.' },
  WRONG_PASSWORD: { status: 403, message: 'The current password is wrong.' },
  ALREADY_A_MEMBER: {
    status: 409,
    message: 'Your account is already a member of "{org}"; one person is one member.',
  },
  INVITATION_BUSY: {
    status: 409,
    message: 'This invitation is being accepted by someone else.',
  },
  NOT_AN_ORG_MEMBER: {
    status: 403,
    message: 'Your account is not a member of "{org}".',
  },
  MEMBERSHIP_ENDED: {
    status: 403,
    message: 'Your membership of "{org}" has ended ({status}).',
  },
});

export const accountError = errorFactory(accountErrors);
export type AccountErrorCode = keyof typeof accountErrors;
