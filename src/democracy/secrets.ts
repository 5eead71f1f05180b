import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { democracyError } from './errors.js';

/**
 * Receipts and invitation tokens, derived from the caller's fresh entropy (the domain
 * never draws randomness itself). Each is a SHA-256 of a domain-separated label and the
 * entropy only: it depends on nothing about the member, so a receipt reveals nothing
 * about its voter (RECORD.md, "Secret ballots on a public record").
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function checkEntropy(entropy: string): void {
  if (!/^[0-9a-f]{32,}$/i.test(entropy)) throw democracyError('ENTROPY_TOO_SHORT');
}

/** A ballot receipt: 128 bits, hex. Precondition: `entropy` is fresh for this ballot. */
export function receiptFor(entropy: string): string {
  checkEntropy(entropy);
  return sha256Hex(`soviet/receipt/v1\n${entropy.toLowerCase()}`).slice(0, 32);
}

/**
 * The invitation token the inviter hands on (256 bits, hex). The caller derives it from
 * the same entropy it passed to `decide` for `InviteMember`; the log holds only
 * `tokenHashOf(token)`.
 */
export function invitationToken(entropy: string): string {
  checkEntropy(entropy);
  return sha256Hex(`soviet/invitation/v1\n${entropy.toLowerCase()}`);
}

/**
 * The read token the proposer of a `readAccess` grant is handed (256 bits, hex), from the
 * entropy of their ProposeMotion; the log holds only `tokenHashOf(token)`.
 */
export function readToken(entropy: string): string {
  checkEntropy(entropy);
  return sha256Hex(`soviet/read-token/v1\n${entropy.toLowerCase()}`);
}

export function tokenHashOf(token: string): string {
  return sha256Hex(token);
}
