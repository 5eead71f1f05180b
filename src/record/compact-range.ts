import { recordError } from './errors.js';
import { TILE_HEIGHT } from './tile-path.js';
import { HASH_SIZE, type TreeHasher } from './tree-hasher.js';

/**
 * The state of an append-only Merkle tree that the store persists between appends: its
 * size and its right frontier (a "compact range" [0, size) in transparency-dev terms),
 * the roots of the perfect subtrees that the binary form of `size` describes, largest
 * (leftmost) first. `frontier.length` is the number of 1 bits in `size`.
 */
export interface TreeState {
  readonly size: number;
  readonly frontier: readonly Uint8Array[];
}

/** The empty tree. */
export const EMPTY_TREE_STATE: TreeState = Object.freeze({ size: 0, frontier: Object.freeze([]) });

/**
 * A hash the store must keep: node `index` of tree level 8·`stratum`, i.e. the root of
 * leaves [index·256^stratum, (index+1)·256^stratum). These are exactly the hashes that
 * C2SP tlog-tiles hash tiles hold: tile level `stratum`, tile index floor(index / 256).
 */
export interface StratumHash {
  readonly stratum: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

export interface AppendOutcome {
  readonly state: TreeState;
  /** The root hash of the new tree (RFC 6962 §2.1 MTH). */
  readonly root: Uint8Array;
  /** Every stratum hash completed by this append, in order of completion. */
  readonly completed: readonly StratumHash[];
}

/**
 * Appends leaf hashes (RFC 6962 leaf hashes, 32 bytes each, SHA-256(0x00 ‖ entry)) to a
 * tree state. Pure: returns the new state, root, and the newly completed stratum hashes
 * (each leaf is one at stratum 0; a block of 256 leaves completes one at stratum 1; …).
 * Throws RECORD_TREE_STATE_INVALID for a state whose frontier does not match its size.
 */
export function appendLeaves(
  state: TreeState,
  leafHashes: readonly Uint8Array[],
  hasher: TreeHasher,
): AppendOutcome {
  assertTreeState(state);
  // The frontier as a stack of (level, hash), largest subtree at the bottom.
  const levels = frontierLevels(state.size);
  const stack: { level: number; hash: Uint8Array }[] = state.frontier.map((hash, i) => ({
    level: levels[i] as number,
    hash,
  }));
  const completed: StratumHash[] = [];
  let size = state.size;
  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) {
      throw recordError('RECORD_TREE_STATE_INVALID', { reason: 'a leaf hash is not 32 bytes' });
    }
    completed.push({ stratum: 0, index: size, hash: leaf });
    size += 1;
    let node = { level: 0, hash: leaf };
    for (
      let top = stack.at(-1);
      top !== undefined && top.level === node.level;
      top = stack.at(-1)
    ) {
      stack.pop();
      node = { level: node.level + 1, hash: hasher.hashChildren(top.hash, node.hash) };
      if (node.level % TILE_HEIGHT === 0) {
        completed.push({
          stratum: node.level / TILE_HEIGHT,
          index: size / 2 ** node.level - 1,
          hash: node.hash,
        });
      }
    }
    stack.push(node);
  }
  const next: TreeState = { size, frontier: stack.map((entry) => entry.hash) };
  return { state: next, root: stateRoot(next, hasher), completed };
}

/** The root hash of a tree state: the frontier folded from the right. */
export function stateRoot(state: TreeState, hasher: TreeHasher): Uint8Array {
  assertTreeState(state);
  const { frontier } = state;
  if (frontier.length === 0) return hasher.emptyRoot();
  let acc = frontier[frontier.length - 1] as Uint8Array;
  for (let i = frontier.length - 2; i >= 0; i--)
    acc = hasher.hashChildren(frontier[i] as Uint8Array, acc);
  return acc;
}

/** Throws RECORD_TREE_STATE_INVALID unless the frontier has one 32-byte hash per 1 bit of size. */
export function assertTreeState(state: TreeState): void {
  if (!Number.isSafeInteger(state.size) || state.size < 0) {
    throw recordError('RECORD_TREE_STATE_INVALID', {
      reason: `size ${state.size} is not a whole number`,
    });
  }
  const expected = frontierLevels(state.size).length;
  if (state.frontier.length !== expected) {
    throw recordError('RECORD_TREE_STATE_INVALID', {
      reason: `a tree of size ${state.size} has ${expected} frontier hashes, not ${state.frontier.length}`,
    });
  }
  if (!state.frontier.every((h) => h.length === HASH_SIZE)) {
    throw recordError('RECORD_TREE_STATE_INVALID', { reason: 'a frontier hash is not 32 bytes' });
  }
}

/** The tree levels of the frontier's subtrees: the 1 bits of `size`, highest first. */
export function frontierLevels(size: number): number[] {
  const levels: number[] = [];
  for (let level = 0, n = size; n > 0; level++, n = Math.floor(n / 2)) {
    if (n % 2 === 1) levels.unshift(level);
  }
  return levels;
}
