import { toHex } from './bytes.js';
import { TILE_HEIGHT } from './tile-path.js';
import { HASH_SIZE, reduceInPlace, type TreeHasher } from './tree-hasher.js';
import { rangeSubtrees, type StratumLookup } from './tree-proofs.js';

/**
 * The root hash of the log at any earlier size (RFC 6962 §2.1: MTH(D[0:k])), from the
 * stratum hashes of a verified tree (tile-capture.ts): what a checkpoint of that size
 * signed. A draw is seeded from the log's checkpoint at the close, which the recount
 * checks this way (democracy/audit/seeds.ts).
 *
 * Each root folds the perfect subtrees of [0, k); a subtree of tree level l costs
 * 2^(l mod 8) − 1 hashes from its stratum and is kept, so that the roots of neighbouring
 * sizes (the recount looks at a few in a row) cost little more than the fold.
 */
export function logRoots(lookup: StratumLookup, hasher: TreeHasher): (size: number) => string {
  const subtrees = new Map<string, Uint8Array>();
  const subtree = (level: number, index: number): Uint8Array => {
    const key = `${level}/${index}`;
    const known = subtrees.get(key);
    if (known) return known;
    const stratum = Math.floor(level / TILE_HEIGHT);
    const count = 2 ** (level - stratum * TILE_HEIGHT);
    const flat = new Uint8Array(count * HASH_SIZE);
    for (let i = 0; i < count; i++) flat.set(lookup(stratum, index * count + i), i * HASH_SIZE);
    const hash = reduceInPlace(flat, count, hasher);
    if (subtrees.size > 100_000) subtrees.clear();
    subtrees.set(key, hash);
    return hash;
  };
  return (size) => {
    if (size === 0) return toHex(hasher.emptyRoot());
    const parts = rangeSubtrees({ start: 0, end: size }).map((t) => subtree(t.level, t.index));
    let acc = parts[parts.length - 1] as Uint8Array;
    for (let i = parts.length - 2; i >= 0; i--)
      acc = hasher.hashChildren(parts[i] as Uint8Array, acc);
    return toHex(acc);
  };
}
