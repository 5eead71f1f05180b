import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { democracyError } from './errors.js';

/**
 * Personal data and the record (docs/design/record.md, "Personal data"): the log names a
 * person only by an opaque member id. Where it must be able to prove a personal fact
 * later (the name a member joined with, the name a candidate stood under), the entry
 * carries a salted commitment
 *
 *     commitment = SHA-256(salt ‖ UTF-8(value))      salt: 32 random bytes
 *
 * and the salt and value live in the private member directory (store), never on the log.
 * Anyone shown the salt and value can check the commitment against the signed log;
 * nobody can guess it without them (the salt makes a dictionary of names useless).
 * Erasing the directory row (crypto-shredding) leaves every entry byte for byte as it
 * was while no name can be recovered.
 */

/** What a personal fact is about. */
export type PersonalField = 'name' | 'candidateName';

/**
 * A personal fact that an event commits to: kept by the store in the member directory
 * in the event's transaction, never logged, never replayed (the state holds no names).
 */
export interface PersonalFact {
  /** The member the fact is about. */
  readonly subject: string;
  readonly field: PersonalField;
  readonly value: string;
  /** 32 bytes, hex. */
  readonly salt: string;
}

/** A person's name as members give it: 1 to 100 characters, trimmed. */
export function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (n.length < 1 || n.length > 100) throw democracyError('BAD_NAME');
  return n;
}

/** SHA-256(salt ‖ UTF-8(value)), hex: what the log holds of a personal fact. */
export function commitmentOf(salt: string, value: string): string {
  if (!/^[0-9a-f]{64}$/.test(salt)) throw democracyError('ENTROPY_TOO_SHORT');
  return bytesToHex(sha256(concatBytes(hexToBytes(salt), utf8ToBytes(value))));
}

/** Whether `salt` and `value` open `commitment`. */
export function opens(commitment: string, salt: string, value: string): boolean {
  return /^[0-9a-f]{64}$/.test(salt) && commitmentOf(salt, value) === commitment;
}

/**
 * The salt of one fact, derived from the command's fresh entropy (≥ 128 bits; the
 * service gives 256) and a label, so that one command's facts get independent salts
 * while the pure core draws no randomness of its own (docs/architecture.md).
 */
export function saltFor(entropy: string, label: string): string {
  if (!/^[0-9a-f]{32,}$/i.test(entropy)) throw democracyError('ENTROPY_TOO_SHORT');
  return bytesToHex(sha256(utf8ToBytes(`soviet/salt/v1\n${label}\n${entropy.toLowerCase()}`)));
}

/** A committed fact: the commitment for the log, the fact for the directory. */
export function commitFact(
  entropy: string,
  subject: string,
  field: PersonalField,
  value: string,
): { readonly commitment: string; readonly fact: PersonalFact } {
  const salt = saltFor(entropy, `${field}:${subject}`);
  return { commitment: commitmentOf(salt, value), fact: { subject, field, value, salt } };
}
