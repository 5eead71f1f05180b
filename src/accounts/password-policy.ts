import { COMMON_PASSWORDS, COMMON_STEMS } from './common-passwords.js';

/** Characters a password needs at least (NIST SP 800-63B §3.1.1.2 asks for ≥ 8; we ask 12). */
export const PASSWORD_MIN_LENGTH = 12;
/**
 * Characters a password may have at most: long enough for any passphrase, short enough
 * that hashing it costs no more than a short one (NIST SP 800-63B §3.1.1.2: at least 64).
 */
export const PASSWORD_MAX_LENGTH = 256;

/** Rows of common keyboards and the alphabet, for "sequential characters" (SP 800-63B). */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'yxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
];

/**
 * Why `password` is not strong enough, as a phrase that completes "This password is too
 * weak: …", or null when it is acceptable. Pure.
 *
 * The rule (NIST SP 800-63B §3.1.1.2, OWASP Authentication Cheat Sheet): at least 12
 * characters (a passphrase of three or four ordinary words passes easily) and at most
 * 256; no composition rules; refused when it is a known common password or a common
 * word padded with digits or symbols, a keyboard or alphabet run, a repetition of a few
 * characters, or contains the username.
 */
export function passwordProblem(
  password: string,
  context: { username?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `it must have at least ${PASSWORD_MIN_LENGTH} characters (a passphrase of three or four words is easiest to remember)`;
  if (length > PASSWORD_MAX_LENGTH) return `it may have at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.normalize('NFKC').toLowerCase();
  const squashed = lower.trim();
  if (COMMON_PASSWORDS.has(squashed)) return 'it is one of the most common passwords';
  const letters = squashed.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  if (letters.length === 0) {
    if (isRun(squashed)) return 'it is a run of keys or digits';
  } else if (isCommonStem(letters)) {
    return 'it is a common word padded with digits or symbols';
  } else if (isRun(letters)) {
    return 'it is a run of keys or letters padded with digits or symbols';
  }
  if (new Set(lower).size < 5) return 'it uses fewer than 5 different characters';
  if (isRun(squashed.replace(/\s+/g, ''))) return 'it is a run of keys, letters or digits';
  const username = context.username?.normalize('NFKC').toLowerCase();
  if (username && username.length >= 3 && lower.includes(username))
    return 'it contains your username';
  return null;
}

/** A common stem, possibly repeated or separated by spaces ("password password"). */
function isCommonStem(letters: string): boolean {
  const compact = letters.replace(/[\s._-]+/g, '');
  if (COMMON_STEMS.has(letters) || COMMON_STEMS.has(compact)) return true;
  for (const stem of COMMON_STEMS) {
    if (
      stem.length >= 3 &&
      compact.length % stem.length === 0 &&
      compact === stem.repeat(compact.length / stem.length)
    )
      return true;
  }
  return false;
}

/** Whether `text` is a stretch of a keyboard row, the alphabet or the digits, either way round (wrapping allowed). */
function isRun(text: string): boolean {
  if (text.length < 4) return false;
  return SEQUENCES.some((seq) => {
    const cycle = seq.repeat(Math.ceil(text.length / seq.length) + 1);
    const reversed = [...cycle].reverse().join('');
    return cycle.includes(text) || reversed.includes(text);
  });
}
