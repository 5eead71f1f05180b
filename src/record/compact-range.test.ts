import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import {
  appendLeaves,
  EMPTY_TREE_STATE,
  frontierLevels,
  type StratumHash,
  stateRoot,
  type TreeState,
} from './compact-range.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { referenceRoot } from './reference-tree.js';

const hasher = nodeTreeHasher;
const leafHashes = (count: number, salt = 0) =>
  Array.from({ length: count }, (_, i) =>
    hasher.hashLeaf(Uint8Array.of(i & 0xff, (i >> 8) & 0xff, i >> 16, salt)),
  );

/** Every stratum hash of a tree of `size` leaves, from the literal RFC 6962 MTH. */
function expectedStrata(leaves: readonly Uint8Array[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (let s = 0; 256 ** s <= leaves.length; s++) {
    const span = 256 ** s;
    for (let i = 0; (i + 1) * span <= leaves.length; i++) {
      out.set(`${s}:${i}`, referenceRoot(leaves.slice(i * span, (i + 1) * span), hasher));
    }
  }
  return out;
}

function appendInBatches(leaves: readonly Uint8Array[], batches: readonly number[]) {
  let state: TreeState = EMPTY_TREE_STATE;
  const completed: StratumHash[] = [];
  let at = 0;
  const roots: { size: number; root: Uint8Array }[] = [];
  for (const batch of [...batches, leaves.length]) {
    const take = leaves.slice(at, Math.min(leaves.length, at + batch));
    at += take.length;
    const outcome = appendLeaves(state, take, hasher);
    state = outcome.state;
    completed.push(...outcome.completed);
    roots.push({ size: state.size, root: outcome.root });
    if (at === leaves.length) break;
  }
  return { state, completed, roots };
}

describe('compact range (right frontier)', () => {
  it('gives the RFC 6962 root after every batch, and exactly the stratum hashes of the tree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        (size, batches) => {
          const leaves = leafHashes(size);
          const { state, completed, roots } = appendInBatches(leaves, batches);
          expect(state.size).toBe(size);
          expect(state.frontier).toHaveLength(frontierLevels(size).length);
          for (const { size: n, root } of roots)
            expect(root).toEqual(referenceRoot(leaves.slice(0, n), hasher));
          const expected = expectedStrata(leaves);
          expect(completed).toHaveLength(expected.size);
          for (const c of completed)
            expect(c.hash).toEqual(expected.get(`${c.stratum}:${c.index}`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('crosses 65,536 leaves: completes the first stratum-2 hash and keeps the root right', () => {
    const leaves = leafHashes(65_536 + 300, 1);
    const { completed, roots } = appendInBatches(leaves, [1000, 64_000, 535, 1]);
    const s2 = completed.filter((c) => c.stratum === 2);
    expect(s2).toHaveLength(1);
    expect(s2[0]?.index).toBe(0);
    expect(s2[0]?.hash).toEqual(referenceRoot(leaves.slice(0, 65_536), hasher));
    expect(completed.filter((c) => c.stratum === 1)).toHaveLength(257);
    expect(roots.at(-1)?.root).toEqual(referenceRoot(leaves, hasher));
    expect(roots.map((r) => r.size)).toEqual([1000, 65_000, 65_535, 65_536, 65_836]);
    expect(roots[3]?.root).toEqual(s2[0]?.hash);
  });

  it('gives the empty root for the empty tree', () => {
    expect(stateRoot(EMPTY_TREE_STATE, hasher)).toEqual(hasher.emptyRoot());
    expect(appendLeaves(EMPTY_TREE_STATE, [], hasher).completed).toEqual([]);
  });

  it('refuses a frontier that does not fit its size, and leaf hashes that are not 32 bytes', () => {
    const bad = { size: 3, frontier: [new Uint8Array(32)] };
    expect(() => appendLeaves(bad, [], hasher)).toThrowError(SovietError);
    try {
      stateRoot(bad, hasher);
    } catch (error) {
      expect((error as SovietError).code).toBe('RECORD_TREE_STATE_INVALID');
    }
    expect(() => appendLeaves(EMPTY_TREE_STATE, [new Uint8Array(31)], hasher)).toThrowError(
      /32 bytes/,
    );
    expect(() => stateRoot({ size: 1, frontier: [new Uint8Array(8)] }, hasher)).toThrowError(
      /32 bytes/,
    );
  });
});
