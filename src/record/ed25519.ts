import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Ed25519 (RFC 8032) as the signed-note code needs it. Keys are the 32-byte seed (the
 * RFC 8032 private key) and the 32-byte public key. An implementation is passed in so
 * that the same note and checkpoint code runs in the browser ({@link nobleEd25519}) and
 * on Node (`nodeEd25519`, faster, through node:crypto).
 */
export interface Ed25519 {
  publicKey(seed: Uint8Array): Uint8Array;
  sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  /** False for a wrong or malformed signature or key; never throws for bad input. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** Pure-JS Ed25519 from @noble/curves, with RFC 8032 (not ZIP-215) verification rules. */
export const nobleEd25519: Ed25519 = {
  publicKey: (seed) => ed25519.getPublicKey(seed),
  sign: (seed, message) => ed25519.sign(message, seed),
  verify(publicKey, message, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};
