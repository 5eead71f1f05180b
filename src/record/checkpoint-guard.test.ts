import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './checkpoint.js';
import { assertConsistentBeforeSigning } from './checkpoint-guard.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { referenceConsistencyProof, referenceRoot } from './reference-tree.js';

const hasher = nodeTreeHasher;
const leaves = Array.from({ length: 40 }, (_, i) => hasher.hashLeaf(Uint8Array.of(i)));
const fork = leaves.map((leaf, i) => (i === 20 ? hasher.hashLeaf(Uint8Array.of(99)) : leaf));
const at = (tree: readonly Uint8Array[], size: number, origin = 'org.example/log'): Checkpoint => ({
  origin,
  size,
  rootHash: referenceRoot(tree.slice(0, size), hasher),
  extensions: [],
});
const proof = (tree: readonly Uint8Array[], m: number, n: number) =>
  m === 0 || m === n ? [] : referenceConsistencyProof(m, tree.slice(0, n), hasher);
const reason = (f: () => void) => {
  try {
    f();
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  return 'signed';
};

describe('the checkpoint-signing guard', () => {
  it('lets the log sign checkpoints that extend the last one', () => {
    for (const [m, n] of [
      [0, 0],
      [0, 5],
      [1, 1],
      [1, 2],
      [7, 8],
      [8, 9],
      [20, 40],
      [40, 40],
    ] as const) {
      expect(
        reason(() =>
          assertConsistentBeforeSigning(at(leaves, m), at(leaves, n), proof(leaves, m, n), hasher),
        ),
      ).toBe('signed');
    }
    expect(reason(() => assertConsistentBeforeSigning(null, at(leaves, 3), [], hasher))).toBe(
      'signed',
    );
  });

  it('refuses a rewritten history, a shrinking tree, a new origin or a changed root', () => {
    const refusals: [Checkpoint, Checkpoint, Uint8Array[], RegExp][] = [
      [at(leaves, 30), at(fork, 40), proof(fork, 30, 40), /proof does not lead to the first root/],
      [at(leaves, 30), at(fork, 40), proof(leaves, 30, 40), /second root/],
      [at(leaves, 30), at(leaves, 29), [], /would shrink/],
      [at(leaves, 30), at(leaves, 30, 'other.example/log'), [], /origin changed/],
      [at(leaves, 30), at(fork, 30), [], /equal sizes but different roots/],
      [
        { ...at(leaves, 0), rootHash: new Uint8Array(32) },
        at(leaves, 3),
        [],
        /empty tree had a non-empty root/,
      ],
      [at(leaves, 10), at(leaves, 20), [], /proof is empty/],
    ];
    for (const [previous, next, p, why] of refusals) {
      const message = reason(() => assertConsistentBeforeSigning(previous, next, p, hasher));
      expect(message).toMatch(
        /^RECORD_CHECKPOINT_INCONSISTENT: Refusing to sign the checkpoint of size \d+/,
      );
      expect(message).toMatch(why);
    }
  });
});
