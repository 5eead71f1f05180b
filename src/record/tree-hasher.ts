import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** SHA-256 output size in bytes, the size of every tree hash. */
export const HASH_SIZE = 32;

/** A SHA-256 function: node:crypto on the server, @noble/hashes or WebCrypto-free JS in the browser. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/**
 * RFC 6962 §2.1 Merkle tree hashing with domain separation:
 * - the empty tree: MTH({}) = SHA-256("");
 * - a leaf: SHA-256(0x00 ‖ entry);
 * - an interior node: SHA-256(0x01 ‖ left ‖ right).
 *
 * Proof verification, checkpoints and the verifier take a TreeHasher as a parameter so
 * the same code runs in the browser ({@link nobleTreeHasher}) and on Node
 * (`nodeTreeHasher`, which hashes leaves with node:crypto).
 */
export interface TreeHasher {
  /** Plain SHA-256 of arbitrary bytes. */
  readonly sha256: Sha256;
  emptyRoot(): Uint8Array;
  hashLeaf(entry: Uint8Array): Uint8Array;
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
  /**
   * Leaf-hashes many entries of one buffer (an entry bundle) at once: entry j is
   * data[offsets[2j], offsets[2j] + offsets[2j+1]), and each starts at byte 1 or later;
   * its leaf hash goes to out[32j..32j+32). Does not modify `data`. The verifier's hot path.
   */
  hashLeavesInto(data: Uint8Array, offsets: Int32Array, out: Uint8Array): void;
  /**
   * Writes hashChildren(left[lo..lo+32), right[ro..ro+32)) to out[oo..oo+32) without
   * allocating; `out` may overlap the inputs.
   */
  hashChildrenInto(
    left: Uint8Array,
    lo: number,
    right: Uint8Array,
    ro: number,
    out: Uint8Array,
    oo: number,
  ): void;
}

/**
 * A TreeHasher over any SHA-256 implementation. Interior nodes are hashed from one
 * reused 65-byte message buffer (0x01 ‖ left ‖ right), so `out` may overlap the inputs.
 */
export function makeTreeHasher(sha256: Sha256): TreeHasher {
  const interior = new Uint8Array(1 + 2 * HASH_SIZE);
  interior[0] = 1;
  const hashChildrenInto: TreeHasher['hashChildrenInto'] = (left, lo, right, ro, out, oo) => {
    interior.set(left.subarray(lo, lo + HASH_SIZE), 1);
    interior.set(right.subarray(ro, ro + HASH_SIZE), 1 + HASH_SIZE);
    out.set(sha256(interior), oo);
  };
  return {
    sha256,
    emptyRoot: () => sha256(new Uint8Array(0)),
    hashLeaf(entry) {
      const message = new Uint8Array(entry.length + 1);
      message.set(entry, 1);
      return sha256(message);
    },
    hashChildren(left, right) {
      const out = new Uint8Array(HASH_SIZE);
      hashChildrenInto(left, 0, right, 0, out, 0);
      return out;
    },
    hashLeavesInto(data, offsets, out) {
      forEachLeafMessage(data, offsets, (message, j) => {
        out.set(sha256(message), j * HASH_SIZE);
      });
    },
    hashChildrenInto,
  };
}

let leafScratch = new Uint8Array(0);

/** A shared scratch copy of `data` (valid until the next call): see {@link forEachLeafMessage}. */
export function leafScratchFor(data: Uint8Array): Uint8Array {
  if (leafScratch.length < data.length) {
    leafScratch = new Uint8Array(Math.max(data.length, 2 * leafScratch.length));
  }
  leafScratch.set(data);
  return leafScratch;
}

/**
 * Calls `visit` with 0x00 ‖ entry for each entry of `data` (see
 * {@link TreeHasher.hashLeavesInto}) without copying entries one by one: `data` is copied
 * once into a scratch buffer, and the byte before each entry (the low byte of its length
 * prefix in a bundle) is overwritten with the 0x00 leaf prefix, so the message is a view.
 * The view is valid only during the call.
 */
export function forEachLeafMessage(
  data: Uint8Array,
  offsets: Int32Array,
  visit: (message: Uint8Array, index: number) => void,
): void {
  const scratch = leafScratchFor(data);
  for (let j = 0; 2 * j < offsets.length; j++) {
    const start = offsets[2 * j] as number;
    if (start < 1) throw new RangeError('an entry must not start at byte 0');
    scratch[start - 1] = 0;
    visit(scratch.subarray(start - 1, start + (offsets[2 * j + 1] as number)), j);
  }
}

/** The portable hasher (pure JS SHA-256 from @noble/hashes): for the browser and for tests. */
export const nobleTreeHasher: TreeHasher = makeTreeHasher((data) => nobleSha256(data));

/**
 * The Merkle Tree Hash of `count` consecutive hashes stored flat (32 bytes each) in
 * `hashes` from byte `offset`, treating them as the leaves' hashes of a subtree (RFC 6962
 * §2.1: MTH splits at the largest power of two below n). A tlog-tiles tile reduces to
 * the hash in the tile above this way. Requires count ≥ 1. Does not modify `hashes`.
 */
export function rootOfHashes(
  hashes: Uint8Array,
  offset: number,
  count: number,
  hasher: TreeHasher,
): Uint8Array {
  const scratch = hashes.slice(offset, offset + count * HASH_SIZE);
  return reduceInPlace(scratch, count, hasher);
}

/**
 * Like {@link rootOfHashes} from offset 0, but overwrites `hashes` as it goes: for callers
 * that own a scratch buffer and need speed (the verifier reduces a million leaves).
 */
export function reduceInPlace(hashes: Uint8Array, count: number, hasher: TreeHasher): Uint8Array {
  if (count < 1) throw new RangeError('a Merkle tree hash needs at least one leaf');
  // Reduce level by level; an odd last node is carried up unchanged, which yields the
  // same tree as RFC 6962's split at the largest power of two (the left part is always
  // complete, so the unpaired node is the right edge's).
  let width = count;
  while (width > 1) {
    const pairs = width >>> 1;
    for (let i = 0; i < pairs; i++) {
      hasher.hashChildrenInto(hashes, 64 * i, hashes, 64 * i + 32, hashes, 32 * i);
    }
    if (width & 1) hashes.copyWithin(32 * pairs, 32 * (width - 1), 32 * width);
    width = pairs + (width & 1);
  }
  return hashes.slice(0, HASH_SIZE);
}
