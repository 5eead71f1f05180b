import type { TreeHasher } from './tree-hasher.js';

/**
 * The slow reference: RFC 6962 §2.1 written literally, over leaf hashes, for tests to
 * check the fast code against. Do not use it on large trees: MTH is recomputed at every
 * level of recursion.
 */

/** The largest power of two smaller than n (RFC 6962 §2.1: "k < n <= 2k"). Requires n > 1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) (RFC 6962 §2.1), where D is given by its leaf hashes. */
export function referenceRoot(leaves: readonly Uint8Array[], hasher: TreeHasher): Uint8Array {
  const n = leaves.length;
  if (n === 0) return hasher.emptyRoot();
  if (n === 1) return leaves[0] as Uint8Array;
  const k = splitPoint(n);
  return hasher.hashChildren(
    referenceRoot(leaves.slice(0, k), hasher),
    referenceRoot(leaves.slice(k), hasher),
  );
}

/** PATH(m, D[n]) (RFC 6962 §2.1.1): the inclusion proof of leaf m. Requires 0 <= m < n. */
export function referenceInclusionProof(
  m: number,
  leaves: readonly Uint8Array[],
  hasher: TreeHasher,
): Uint8Array[] {
  const n = leaves.length;
  if (n === 1 && m === 0) return [];
  const k = splitPoint(n);
  if (m < k) {
    return [
      ...referenceInclusionProof(m, leaves.slice(0, k), hasher),
      referenceRoot(leaves.slice(k), hasher),
    ];
  }
  return [
    ...referenceInclusionProof(m - k, leaves.slice(k), hasher),
    referenceRoot(leaves.slice(0, k), hasher),
  ];
}

/** PROOF(m, D[n]) (RFC 6962 §2.1.2): the consistency proof. Requires 0 < m < n. */
export function referenceConsistencyProof(
  m: number,
  leaves: readonly Uint8Array[],
  hasher: TreeHasher,
): Uint8Array[] {
  return subproof(m, leaves, true, hasher);
}

function subproof(
  m: number,
  leaves: readonly Uint8Array[],
  b: boolean,
  hasher: TreeHasher,
): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [referenceRoot(leaves, hasher)];
  const k = splitPoint(n);
  if (m <= k) {
    return [...subproof(m, leaves.slice(0, k), b, hasher), referenceRoot(leaves.slice(k), hasher)];
  }
  return [
    ...subproof(m - k, leaves.slice(k), false, hasher),
    referenceRoot(leaves.slice(0, k), hasher),
  ];
}
