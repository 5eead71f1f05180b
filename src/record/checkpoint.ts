import { fromBase64, hasControlCharacter, toBase64 } from './bytes.js';
import { type Ed25519, nobleEd25519 } from './ed25519.js';
import { recordError } from './errors.js';
import type { NoteSigner, NoteVerifier } from './note-key.js';
import { type NoteSignature, openNote, signNote } from './signed-note.js';
import { HASH_SIZE } from './tree-hasher.js';

/**
 * A C2SP tlog-checkpoint v1.0.0 note text: the log's origin, its tree size and its RFC
 * 6962 root hash, and optional extension lines (not recommended: monitors cannot audit
 * them; we write none but read them).
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

/** The note text of a checkpoint: origin, size and base64 root hash, each on its line. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const fail = (reason: string) => recordError('RECORD_CHECKPOINT_INVALID', { reason });
  if (checkpoint.origin.length === 0 || hasControlCharacter(checkpoint.origin)) {
    throw fail('the origin must be a non-empty single line');
  }
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) {
    throw fail('the size must be a whole number');
  }
  if (checkpoint.rootHash.length !== HASH_SIZE) throw fail('the root hash must be 32 bytes');
  for (const line of checkpoint.extensions) {
    if (line.length === 0 || hasControlCharacter(line)) {
      throw fail('extension lines must be non-empty single lines');
    }
  }
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    toBase64(checkpoint.rootHash),
    ...checkpoint.extensions,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Parses a checkpoint's note text strictly (C2SP tlog-checkpoint, "Note text"): at
 * least three non-empty lines ending in newline; a non-empty origin; the size in decimal
 * without leading zeros; the root hash as canonical base64 of 32 bytes; extension lines
 * non-empty. Throws RECORD_CHECKPOINT_INVALID.
 */
export function parseCheckpoint(text: string): Checkpoint {
  const fail = (reason: string) => recordError('RECORD_CHECKPOINT_INVALID', { reason });
  if (!text.endsWith('\n')) throw fail('the text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw fail('it needs an origin, a size and a root hash line');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [
    string,
    string,
    string,
    ...string[],
  ];
  if (origin.length === 0) throw fail('the origin line is empty');
  if (!/^(0|[1-9]\d*)$/.test(sizeLine))
    throw fail(`the size "${sizeLine}" is not a decimal number`);
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw fail(`the size ${sizeLine} is too large`);
  const rootHash = fromBase64(rootLine);
  if (!rootHash || rootHash.length !== HASH_SIZE)
    throw fail('the root hash is not base64 of 32 bytes');
  if (extensions.some((line) => line.length === 0)) throw fail('an extension line is empty');
  return { origin, size, rootHash, extensions };
}

/** Formats and signs a checkpoint; returns the signed note to serve at `/checkpoint`. */
export function signCheckpoint(
  checkpoint: Checkpoint,
  signers: readonly NoteSigner[],
  ed: Ed25519 = nobleEd25519,
): string {
  return signNote(formatCheckpoint(checkpoint), signers, ed);
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The signed note text. */
  readonly text: string;
  readonly verified: readonly NoteSignature[];
}

/**
 * Opens a signed checkpoint: verifies the signature by `verifier` (other signatures,
 * such as witnesses', are ignored) and parses the text. When `origin` is given the
 * checkpoint must name it. Throws RECORD_NOTE_* or RECORD_CHECKPOINT_INVALID.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  verifier: NoteVerifier,
  ed: Ed25519 = nobleEd25519,
  origin?: string,
): OpenedCheckpoint {
  const opened = openNote(note, [verifier], ed);
  const checkpoint = parseCheckpoint(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw recordError('RECORD_CHECKPOINT_INVALID', {
      reason: `it is for the log "${checkpoint.origin}", not "${origin}"`,
    });
  }
  return { checkpoint, text: opened.text, verified: opened.verified };
}
