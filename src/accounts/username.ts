import { accountError } from './errors.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The JSON Schema pattern of a username as typed (either case; compared in lower case). */
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$';

/**
 * A username as stored and compared: NFKC, lower case, trimmed. Usernames are
 * case-insensitive, so "Ann" and "ann" are one account. Throws BAD_USERNAME.
 */
export function normaliseUsername(raw: string): string {
  const name = raw.normalize('NFKC').trim().toLowerCase();
  if (!USERNAME.test(name)) throw accountError('BAD_USERNAME');
  return name;
}
