import {
  bytesEqual,
  concatBytes,
  decodeUtf8,
  fromBase64,
  hasControlCharacter,
  hasLoneSurrogate,
  toBase64,
  utf8,
} from './bytes.js';
import { type Ed25519, nobleEd25519 } from './ed25519.js';
import { recordError } from './errors.js';
import { isValidKeyName, type NoteSigner, type NoteVerifier } from './note-key.js';

/**
 * C2SP signed-note v1.0.0: a text ending in a newline, a blank line, then one or more
 * signature lines "— <key name> <base64(uint32 key ID ‖ signature)>\n" (em dash U+2014).
 */

/** One signature line. `signature` excludes the 4-byte key ID. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

export interface ParsedNote {
  /** The signed text, including its final newline but not the blank separator line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export interface OpenedNote extends ParsedNote {
  /** Signatures by the given verifiers, each checked. */
  readonly verified: readonly NoteSignature[];
}

/** Verifiers MUST accept at least 16 signatures (C2SP signed-note); we stop at 100 (as Go does). */
export const MAX_NOTE_SIGNATURES = 100;

const SIG_PREFIX = '\u2014 ';

/**
 * Splits a note into its text and signature lines, checking the syntax only: valid UTF-8,
 * no control characters but newline, a text ending in newline separated by the last
 * blank line from well-formed signature lines, each ending in newline. Throws
 * RECORD_NOTE_INVALID. Signatures are not checked here; see {@link openNote}.
 */
export function parseNote(note: string | Uint8Array): ParsedNote {
  const fail = (reason: string) => recordError('RECORD_NOTE_INVALID', { reason });
  const message = typeof note === 'string' ? note : decodeUtf8(note);
  if (message === undefined) throw fail('it is not valid UTF-8');
  if (hasControlCharacter(message, true)) throw fail('it holds a control character');
  if (hasLoneSurrogate(message)) throw fail('it holds a lone surrogate');
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw fail('there is no blank line before the signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) {
    throw fail('the signature lines must end with a newline');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES)
    throw fail(`it has more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line, i) => {
    if (!line.startsWith(SIG_PREFIX))
      throw fail(`signature line ${i + 1} does not start with "— "`);
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? '' : rest.slice(0, space);
    const raw = space < 0 ? undefined : fromBase64(rest.slice(space + 1));
    if (!isValidKeyName(name) || !raw || raw.length < 5) {
      throw fail(`signature line ${i + 1} is not "— <name> <base64 signature>"`);
    }
    const keyId =
      (((raw[0] as number) << 24) |
        ((raw[1] as number) << 16) |
        ((raw[2] as number) << 8) |
        (raw[3] as number)) >>>
      0;
    return { name, keyId, signature: raw.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Opens a note: parses it and verifies the signatures by the given keys (C2SP
 * signed-note, "Signatures"): signatures by unknown keys (name and key ID not both
 * matching a given key) are ignored; a signature by a given key that fails rejects the
 * whole note (RECORD_NOTE_BAD_SIGNATURE); a note with no signature by any given key is
 * rejected (RECORD_NOTE_UNSIGNED). Repeated identical signature lines count once.
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  ed: Ed25519 = nobleEd25519,
): OpenedNote {
  const parsed = parseNote(note);
  const message = utf8(parsed.text);
  const verified: NoteSignature[] = [];
  for (const sig of parsed.signatures) {
    const key = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (!key) continue;
    if (
      verified.some(
        (v) =>
          v.name === sig.name && v.keyId === sig.keyId && bytesEqual(v.signature, sig.signature),
      )
    ) {
      continue;
    }
    if (!ed.verify(key.publicKey, message, sig.signature)) {
      throw recordError('RECORD_NOTE_BAD_SIGNATURE', { name: sig.name });
    }
    verified.push(sig);
  }
  if (verified.length === 0) {
    throw recordError('RECORD_NOTE_UNSIGNED', {
      name: verifiers.map((v) => v.name).join('" or "'),
    });
  }
  return { ...parsed, verified };
}

/**
 * Signs a text with one or more keys and returns the note. The text must be non-empty
 * valid UTF-8 ending in a newline, without other control characters, and without a
 * blank line at its end (the last blank line separates the signatures); otherwise
 * RECORD_NOTE_INVALID.
 */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  ed: Ed25519 = nobleEd25519,
): string {
  const fail = (reason: string) => recordError('RECORD_NOTE_INVALID', { reason });
  if (!text.endsWith('\n')) throw fail('the text must end with a newline');
  if (text.endsWith('\n\n') || text === '\n') throw fail('the text must not end with a blank line');
  if (hasControlCharacter(text, true)) throw fail('the text holds a control character');
  if (hasLoneSurrogate(text)) throw fail('the text holds a lone surrogate');
  if (signers.length === 0) throw fail('a note needs at least one signature');
  const message = utf8(text);
  const lines = signers.map((signer) => {
    const id = Uint8Array.of(
      signer.keyId >>> 24,
      signer.keyId >>> 16,
      signer.keyId >>> 8,
      signer.keyId,
    );
    const sig = ed.sign(signer.seed, message);
    return `${SIG_PREFIX}${signer.name} ${toBase64(concatBytes([id, sig]))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}
