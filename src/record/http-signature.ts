import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Ed25519 } from './ed25519.js';

/**
 * The part of HTTP Message Signatures (RFC 9421) that a member's signed act uses
 * (docs/design/record.md, "Signed acts"), with Content-Digest (RFC 9530): pure, so that
 * the server, `soviet verify` and the browser check a signature the same way.
 *
 * A signed act is `POST` with the act's canonical JSON as its body, and the headers
 *
 *   Content-Digest: sha-256=:<base64 SHA-256 of the body>:
 *   Signature-Input: act=("@method" "content-digest");created=<unix s>;keyid="<id>";alg="ed25519"
 *   Signature: act=:<base64 Ed25519 signature of the signature base>:
 *
 * The signature base (RFC 9421 §2.5) is then, lines joined by "\n", no final newline:
 *
 *   "@method": POST
 *   "content-digest": sha-256=:…:
 *   "@signature-params": ("@method" "content-digest");created=…;keyid="…";alg="ed25519"
 *
 * The body names the organisation's log (its origin), so the signature cannot be used
 * against another organisation, and the act's own id makes it usable once.
 */

/** The signature label this project uses (RFC 9421 §4.1 lets a request carry several). */
export const ACT_SIGNATURE_LABEL = 'act';
/** The covered components, in order: the method and the body's digest. */
export const ACT_COMPONENTS = ['@method', 'content-digest'] as const;

/** One signature as a request carries it, and as an act's record keeps it. */
export interface HttpSignature {
  /** The `keyid` parameter: the signing key's id (keyIdOf). */
  readonly keyId: string;
  /** The `created` parameter, in seconds since the epoch (RFC 9421 §2.3). */
  readonly created: number;
  /** Base64 (RFC 4648 §4, padded) of the 64-byte Ed25519 signature. */
  readonly signature: string;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 (padded), as RFC 8941 byte sequences carry it. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Bytes from base64 (padded); null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!B64.test(text) || text.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The Content-Digest field value for `body` (RFC 9530 §2, algorithm sha-256). */
export function contentDigest(body: Uint8Array): string {
  return `sha-256=:${toBase64(sha256(body))}:`;
}

/** A key's id: the first 128 bits of the SHA-256 of its raw public key, in hex. */
export function keyIdOf(publicKey: Uint8Array): string {
  return bytesToHex(sha256(publicKey)).slice(0, 32);
}

/** The `@signature-params` value (RFC 9421 §2.3) for a key and a creation time. */
export function signatureParams(keyId: string, created: number): string {
  const list = ACT_COMPONENTS.map((c) => `"${c}"`).join(' ');
  return `(${list});created=${created};keyid="${keyId}";alg="ed25519"`;
}

/** The signature base (RFC 9421 §2.5) of a signed act's request. */
export function signatureBase(body: Uint8Array, keyId: string, created: number): Uint8Array {
  const lines = [
    `"@method": POST`,
    `"content-digest": ${contentDigest(body)}`,
    `"@signature-params": ${signatureParams(keyId, created)}`,
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** Signs an act's body: the three headers a request carries (a script's or the CLI's). */
export function signAct(
  ed: Ed25519,
  seed: Uint8Array,
  body: Uint8Array,
  created: number,
): Record<'content-digest' | 'signature-input' | 'signature', string> {
  const keyId = keyIdOf(ed.publicKey(seed));
  const signature = toBase64(ed.sign(seed, signatureBase(body, keyId, created)));
  return {
    'content-digest': contentDigest(body),
    'signature-input': `${ACT_SIGNATURE_LABEL}=${signatureParams(keyId, created)}`,
    signature: `${ACT_SIGNATURE_LABEL}=:${signature}:`,
  };
}

/** True when `signature` is `publicKey`'s over the act `body` (never throws). */
export function verifyAct(
  ed: Ed25519,
  publicKey: Uint8Array,
  body: Uint8Array,
  sig: HttpSignature,
): boolean {
  const bytes = fromBase64(sig.signature);
  // The key was found by its id, checked against its hash when it was registered.
  if (bytes?.length !== 64 || publicKey.length !== 32) return false;
  return ed.verify(publicKey, signatureBase(body, sig.keyId, sig.created), bytes);
}

/** Why a request's signature headers cannot be read, or its signature. */
export type SignatureHeaders = {
  readonly contentDigest: string | undefined;
  readonly signatureInput: string | undefined;
  readonly signature: string | undefined;
};

const INPUT = new RegExp(
  `^${ACT_SIGNATURE_LABEL}=\\("@method" "content-digest"\\);created=(\\d{1,12});keyid="([0-9a-f]{32})";alg="ed25519"$`,
);
const SIGNATURE = new RegExp(`^${ACT_SIGNATURE_LABEL}=:([A-Za-z0-9+/]+={0,2}):$`);

/**
 * Reads the act signature from a request's headers, checking Content-Digest against the
 * body. Only this project's exact form is accepted (one label `act`, the two covered
 * components in order, created, keyid, alg ed25519): a strict reading leaves no room
 * for a second interpretation. Returns the signature, or why it cannot be read.
 */
export function readActSignature(
  headers: SignatureHeaders,
  body: Uint8Array,
): HttpSignature | { readonly problem: string } {
  const { contentDigest: digest, signatureInput, signature } = headers;
  if (!signatureInput || !signature)
    return { problem: 'an act needs the Signature-Input and Signature headers (RFC 9421)' };
  if (digest !== contentDigest(body))
    return { problem: 'Content-Digest is missing or is not sha-256 of the body (RFC 9530)' };
  const input = INPUT.exec(signatureInput.trim());
  if (!input)
    return {
      problem: `Signature-Input must be exactly ${ACT_SIGNATURE_LABEL}=${signatureParams('<key id>', 0).replace('created=0', 'created=<unix seconds>')}`,
    };
  const sig = SIGNATURE.exec(signature.trim());
  if (!sig) return { problem: `Signature must be ${ACT_SIGNATURE_LABEL}=:<base64>:` };
  return { created: Number(input[1]), keyId: input[2] as string, signature: sig[1] as string };
}
