import { bytesEqual } from './bytes.js';
import { HASH_SIZE, type TreeHasher } from './tree-hasher.js';

/** Why a proof did not verify; `ok: true` when it did. */
export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: ProofCheck = { ok: true };
const fail = (reason: string): ProofCheck => ({ ok: false, reason });

function isHash(h: Uint8Array): boolean {
  return h.length === HASH_SIZE;
}

/**
 * Verifies an inclusion proof (audit path) as RFC 9162 §2.1.3.2 specifies: the leaf with
 * hash `leafHash` at `index` is in the tree of `size` leaves whose root is `root`.
 * `proof` is ordered from the leaf's sibling upwards (as RFC 9162 §2.1.3.1 produces it).
 * Every hash must be 32 bytes.
 */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hasher: TreeHasher,
): ProofCheck {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0) {
    return fail('the index and size must be whole numbers');
  }
  if (index >= size) return fail(`index ${index} is not below the tree size ${size}`);
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) {
    return fail('every hash must be 32 bytes');
  }
  // RFC 9162 §2.1.3.2 steps 2–5, with numbers up to 2^53 (no 32-bit bit operations).
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('the proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      r = hasher.hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('the proof is too short');
  return bytesEqual(r, root) ? OK : fail('the proof leads to a different root');
}

/**
 * Verifies a consistency proof as RFC 9162 §2.1.4.2 specifies: the tree of `size1`
 * leaves with root `root1` is a prefix of the tree of `size2` leaves with root `root2`.
 *
 * Edge cases follow transparency-dev/merkle (whose test vectors we pass): size2 < size1
 * fails; size1 = 0 fails (a proof from the empty tree is meaningless; a caller that
 * treats the empty tree as a prefix of every tree must decide that itself); equal sizes
 * need an empty proof and equal roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
  hasher: TreeHasher,
): ProofCheck {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0) {
    return fail('the sizes must be whole numbers');
  }
  if (size2 < size1) return fail(`size ${size2} is smaller than size ${size1}`);
  if (size1 === 0) return fail('a consistency proof from the empty tree is meaningless');
  if (size1 === size2) {
    if (proof.length > 0) return fail('equal sizes need an empty proof');
    return bytesEqual(root1, root2) ? OK : fail('equal sizes but different roots');
  }
  if (proof.length === 0) return fail('the proof is empty');
  if (!isHash(root1) || !isHash(root2) || !proof.every(isHash)) {
    return fail('every hash must be 32 bytes');
  }
  // Step 2: if size1 is an exact power of two, the first tree's root is the seed.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Steps 3–4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 5.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    if (sn === 0) return fail('the proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 7.
  if (sn !== 0) return fail('the proof is too short');
  if (!bytesEqual(fr, root1)) return fail('the proof does not lead to the first root');
  if (!bytesEqual(sr, root2)) return fail('the proof does not lead to the second root');
  return OK;
}

function isPowerOfTwo(n: number): boolean {
  let m = n;
  while (m % 2 === 0 && m > 1) m /= 2;
  return m === 1;
}
