import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64, hasControlCharacter, toBase64, utf8 } from './bytes.js';
import { type Ed25519, nobleEd25519 } from './ed25519.js';
import { recordError } from './errors.js';

/** The C2SP signed-note signature type byte of Ed25519. */
export const ED25519_TYPE = 0x01;

/** A key that checks note signatures (C2SP signed-note v1.0.0, Ed25519 type 0x01). */
export interface NoteVerifier {
  readonly kind: 'ed25519-verifier';
  readonly name: string;
  /** The uint32 key ID, SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4] big-endian. */
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

/** A key that signs notes: the Ed25519 seed (RFC 8032 private key) and its verifier. */
export interface NoteSigner {
  readonly kind: 'ed25519-signer';
  readonly name: string;
  readonly keyId: number;
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * A key name is non-empty, and holds no Unicode space and no plus sign
 * (C2SP signed-note, "Format"). We also refuse control characters, which notes forbid.
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/u.test(name) && !hasControlCharacter(name);
}

/** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4] as a big-endian uint32 (C2SP signed-note). */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes([utf8(name), Uint8Array.of(0x0a, ED25519_TYPE), publicKey]));
  return (
    (((digest[0] as number) << 24) |
      ((digest[1] as number) << 16) |
      ((digest[2] as number) << 8) |
      (digest[3] as number)) >>>
    0
  );
}

function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`, the Go `note` verifier key string. */
export function formatVerifierKey(key: NoteVerifier): string {
  return `${key.name}+${keyIdHex(key.keyId)}+${toBase64(concatBytes([Uint8Array.of(ED25519_TYPE), key.publicKey]))}`;
}

/** `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ‖ seed)>`, the Go `note` signer key string. */
export function formatSignerKey(key: NoteSigner): string {
  return `PRIVATE+KEY+${key.name}+${keyIdHex(key.keyId)}+${toBase64(concatBytes([Uint8Array.of(ED25519_TYPE), key.seed]))}`;
}

/** The verifier half of a signer. */
export function verifierOf(signer: NoteSigner): NoteVerifier {
  return {
    kind: 'ed25519-verifier',
    name: signer.name,
    keyId: signer.keyId,
    publicKey: signer.publicKey,
  };
}

/**
 * Parses a verifier key string. Throws RECORD_KEY_INVALID unless it has three parts, a
 * valid name, 8 hex digits of key ID, an Ed25519 (type 0x01) 32-byte public key in
 * canonical base64, and the key ID that the name and key give.
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const fail = (reason: string) => recordError('RECORD_KEY_INVALID', { what: 'verifier', reason });
  // Base64 may itself contain "+": split at the first two only (names hold no "+").
  const parts = splitPlus(vkey, 3);
  if (!parts) throw fail('expected <name>+<key id>+<base64 key>');
  const [name, idHex, keyText] = parts as [string, string, string];
  const { keyId, key } = parseKeyParts(name, idHex, keyText, fail);
  if (noteKeyId(name, key) !== keyId) throw fail('the key ID does not match the name and key');
  return { kind: 'ed25519-verifier', name, keyId, publicKey: key };
}

/** Parses a signer key string (see {@link formatSignerKey}); throws RECORD_KEY_INVALID. */
export function parseSignerKey(skey: string, ed: Ed25519 = nobleEd25519): NoteSigner {
  const fail = (reason: string) => recordError('RECORD_KEY_INVALID', { what: 'signing', reason });
  const parts = splitPlus(skey, 5);
  if (parts?.[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw fail('expected PRIVATE+KEY+<name>+<key id>+<base64 key>');
  }
  const [, , name, idHex, keyText] = parts as [string, string, string, string, string];
  const { keyId, key: seed } = parseKeyParts(name, idHex, keyText, fail);
  const publicKey = ed.publicKey(seed);
  if (noteKeyId(name, publicKey) !== keyId)
    throw fail('the key ID does not match the name and key');
  return { kind: 'ed25519-signer', name, keyId, seed, publicKey };
}

/** Splits at the first `count - 1` plus signs; undefined when there are fewer. */
function splitPlus(text: string, count: number): string[] | undefined {
  const parts: string[] = [];
  let rest = text;
  for (let i = 1; i < count; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return undefined;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

function parseKeyParts(
  name: string,
  idHex: string,
  keyText: string,
  fail: (reason: string) => Error,
): { keyId: number; key: Uint8Array } {
  if (!isValidKeyName(name)) throw fail('the name is empty or holds a space or plus sign');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw fail('the key ID is not 8 lower-case hex digits');
  const raw = fromBase64(keyText);
  if (!raw) throw fail('the key is not canonical base64');
  if (raw[0] !== ED25519_TYPE) throw fail('only Ed25519 keys (type 0x01) are supported');
  if (raw.length !== 33) throw fail('an Ed25519 key is 32 bytes');
  return { keyId: Number.parseInt(idHex, 16), key: raw.subarray(1) };
}

/**
 * A new signing key from 32 random bytes (the caller supplies the randomness: the pure
 * core reads no entropy). The seed is the RFC 8032 private key.
 */
export function generateNoteKey(
  name: string,
  randomSeed: Uint8Array,
  ed: Ed25519 = nobleEd25519,
): { signer: NoteSigner; verifier: NoteVerifier; skey: string; vkey: string } {
  if (!isValidKeyName(name)) {
    throw recordError('RECORD_KEY_INVALID', {
      what: 'new',
      reason: 'the name is empty or holds a space or plus sign',
    });
  }
  if (randomSeed.length !== 32) {
    throw recordError('RECORD_KEY_INVALID', {
      what: 'new',
      reason: 'the seed must be 32 random bytes',
    });
  }
  const seed = randomSeed.slice();
  const publicKey = ed.publicKey(seed);
  const signer: NoteSigner = {
    kind: 'ed25519-signer',
    name,
    keyId: noteKeyId(name, publicKey),
    seed,
    publicKey,
  };
  const verifier = verifierOf(signer);
  return { signer, verifier, skey: formatSignerKey(signer), vkey: formatVerifierKey(verifier) };
}
