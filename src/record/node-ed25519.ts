import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { Ed25519 } from './ed25519.js';

// DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS #8) or public key (SPKI),
// RFC 8410 §7 and §4: node:crypto takes keys only in these containers.
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const SPKI_PREFIX = Uint8Array.from([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
]);

function wrap(prefix: Uint8Array, key: Uint8Array): Buffer {
  const der = Buffer.alloc(prefix.length + key.length);
  der.set(prefix, 0);
  der.set(key, prefix.length);
  return der;
}

function privateKey(seed: Uint8Array) {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: wrap(PKCS8_PREFIX, seed), format: 'der', type: 'pkcs8' });
}

/** Ed25519 through node:crypto (OpenSSL): the server signs every checkpoint with it. */
export const nodeEd25519: Ed25519 = {
  publicKey(seed) {
    const spki = createPublicKey(privateKey(seed)).export({ format: 'der', type: 'spki' });
    return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  },
  sign: (seed, message) => new Uint8Array(sign(null, message, privateKey(seed))),
  verify(publicKey, message, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return verify(null, message, publicKeyObject(publicKey), signature);
    } catch {
      return false;
    }
  },
};

/**
 * Public keys as node:crypto objects, kept for the keys met most recently: making the
 * object costs more than the verification itself (a member's key signs many acts).
 */
const publicKeys = new Map<string, KeyObject>();
const PUBLIC_KEYS_KEPT = 4096;

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey).toString('base64');
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: wrap(SPKI_PREFIX, publicKey), format: 'der', type: 'spki' });
    if (publicKeys.size >= PUBLIC_KEYS_KEPT)
      publicKeys.delete(publicKeys.keys().next().value as string);
    publicKeys.set(id, key);
  }
  return key;
}
