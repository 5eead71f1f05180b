import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import { appendLeaves, EMPTY_TREE_STATE } from './compact-range.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { verifyConsistency, verifyInclusion } from './proof-verify.js';
import {
  referenceConsistencyProof,
  referenceInclusionProof,
  referenceRoot,
} from './reference-tree.js';
import {
  consistencyProof,
  inclusionProof,
  type StratumReader,
  subtreeHash,
  treeRoot,
} from './tree-proofs.js';

const hasher = nodeTreeHasher;

/** A store of stratum hashes as the database would hold them, with a call counter. */
function strataOf(leaves: readonly Uint8Array[]) {
  const { completed } = appendLeaves(EMPTY_TREE_STATE, leaves, hasher);
  const strata: Uint8Array[][] = [];
  for (const c of completed) {
    strata[c.stratum] ??= [];
    (strata[c.stratum] as Uint8Array[])[c.index] = c.hash;
  }
  const calls: { stratum: number; from: number; count: number }[] = [];
  const read: StratumReader = async (stratum, from, count) => {
    calls.push({ stratum, from, count });
    const level = strata[stratum] ?? [];
    if (from + count > level.length)
      throw new Error(`read past the stored hashes: ${stratum}:${from}+${count}`);
    return level.slice(from, from + count);
  };
  return { read, calls };
}

const leafHashes = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    hasher.hashLeaf(Uint8Array.of(i & 0xff, (i >> 8) & 0xff, i >> 16)),
  );

describe('proofs from stratum hashes, every pair up to size 70', () => {
  const leaves = leafHashes(70);
  const { read } = strataOf(leaves);

  it('give the reference root for every size', async () => {
    for (let n = 0; n <= 70; n++)
      expect(await treeRoot(n, read, hasher)).toEqual(referenceRoot(leaves.slice(0, n), hasher));
  });

  it('give the reference inclusion proof for every (index, size)', async () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 0; m < n; m++) {
        expect(await inclusionProof(m, n, read, hasher)).toEqual(
          referenceInclusionProof(m, leaves.slice(0, n), hasher),
        );
      }
    }
  });

  it('give the reference consistency proof for every 0 < m <= n', async () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 1; m < n; m++) {
        expect(await consistencyProof(m, n, read, hasher)).toEqual(
          referenceConsistencyProof(m, leaves.slice(0, n), hasher),
        );
      }
      expect(await consistencyProof(n, n, read, hasher)).toEqual([]);
    }
  });

  it('refuse impossible requests with RECORD_TREE_RANGE', async () => {
    for (const attempt of [
      () => inclusionProof(5, 5, read, hasher),
      () => inclusionProof(-1, 5, read, hasher),
      () => consistencyProof(0, 5, read, hasher),
      () => consistencyProof(6, 5, read, hasher),
      () => treeRoot(-1, read, hasher),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'RECORD_TREE_RANGE' });
    }
  });

  it('report a reader that returns too few hashes with RECORD_STRATUM_READ', async () => {
    const short: StratumReader = async (stratum, from, count) =>
      (await read(stratum, from, count)).slice(1);
    await expect(inclusionProof(3, 40, short, hasher)).rejects.toBeInstanceOf(SovietError);
    await expect(inclusionProof(3, 40, short, hasher)).rejects.toMatchObject({
      code: 'RECORD_STRATUM_READ',
    });
  });
});

describe('proofs in trees crossing 256 and 65,536 leaves', () => {
  const size = 70_000;
  const leaves = leafHashes(size);
  const store = strataOf(leaves);
  const rootCache = new Map<number, Uint8Array>();
  const rootAt = (n: number) => {
    const cached = rootCache.get(n);
    if (cached) return cached;
    const root = referenceRoot(leaves.slice(0, n), hasher);
    rootCache.set(n, root);
    return root;
  };

  it('computes subtree hashes at every level from the strata', async () => {
    for (const [level, index] of [
      [0, 69_999],
      [3, 17],
      [8, 0],
      [8, 272],
      [11, 33],
      [16, 0],
    ] as const) {
      const span = 2 ** level;
      expect(await subtreeHash(level, index, store.read, hasher)).toEqual(
        referenceRoot(leaves.slice(index * span, (index + 1) * span), hasher),
      );
    }
  });

  it('gives inclusion proofs equal to the reference, in at most two reads per stratum', async () => {
    const sizes = fc.integer({ min: 1, max: size });
    await fc.assert(
      fc.asyncProperty(
        sizes,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (n, at) => {
          const m = Math.floor(at * n);
          store.calls.length = 0;
          const proof = await inclusionProof(m, n, store.read, hasher);
          expect(store.calls.length).toBeLessThanOrEqual(6);
          expect(verifyInclusion(m, n, leaves[m] as Uint8Array, proof, rootAt(n), hasher).ok).toBe(
            true,
          );
          if (n <= 5000)
            expect(proof).toEqual(referenceInclusionProof(m, leaves.slice(0, n), hasher));
        },
      ),
      {
        numRuns: 12,
        examples: [
          [65_536, 0.5],
          [65_537, 0.99999],
          [257, 0.999],
          [size, 0],
        ],
      },
    );
  });

  it('gives consistency proofs that verify between sizes on either side of 256 and 65,536', async () => {
    const pairs = [
      [255, 256],
      [256, 257],
      [1, 65_536],
      [65_535, 65_536],
      [65_536, 65_537],
      [300, 70_000],
      [65_536, 70_000],
      [4_097, 66_000],
    ];
    for (const [m, n] of pairs as [number, number][]) {
      store.calls.length = 0;
      const proof = await consistencyProof(m, n, store.read, hasher);
      expect(store.calls.length).toBeLessThanOrEqual(6);
      expect(verifyConsistency(m, n, rootAt(m), rootAt(n), proof, hasher).ok).toBe(true);
    }
    expect(await consistencyProof(4_097, 66_000, store.read, hasher)).toEqual(
      referenceConsistencyProof(4_097, leaves.slice(0, 66_000), hasher),
    );
  });

  it('gives the reference root for sizes around the boundaries', async () => {
    for (const n of [256, 257, 65_535, 65_536, 65_537, size])
      expect(await treeRoot(n, store.read, hasher)).toEqual(rootAt(n));
  });
});
