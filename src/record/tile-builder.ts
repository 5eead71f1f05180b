import { concatBytes } from './bytes.js';
import { buildEntryBundle, entryOffsets } from './entry-bundle.js';
import { TILE_WIDTH, tilePath, tileSpans } from './tile-path.js';
import { HASH_SIZE, reduceInPlace, type TreeHasher } from './tree-hasher.js';

/** A complete tlog-tiles log in memory: every resource by its path, and the root. */
export interface BuiltTiles {
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Entry bundles and hash tiles by path (`tile/…`); the checkpoint is signed separately. */
  readonly files: Map<string, Uint8Array>;
}

/**
 * Builds every tlog-tiles resource of a log holding `entries` (C2SP tlog-tiles): entry
 * bundles, and hash tiles at every level with the partial tiles a checkpoint of this
 * size needs. For exports, tests and benchmarks; the store builds tiles from its stored
 * stratum hashes instead. To model a growing log, merge the maps of successive sizes:
 * full tiles are the same, and old partial tiles stay valid.
 */
export function buildTiles(entries: readonly Uint8Array[], hasher: TreeHasher): BuiltTiles {
  const files = new Map<string, Uint8Array>();
  const size = entries.length;
  // The bundles, and level 0: the leaf hashes, flat, hashed bundle by bundle.
  let level = new Uint8Array(size * HASH_SIZE);
  for (const { index, width } of tileSpans(size)) {
    const bundle = buildEntryBundle(entries.slice(index * TILE_WIDTH, index * TILE_WIDTH + width));
    files.set(tilePath({ kind: 'entry-bundle', index, width }), bundle);
    const leaves = level.subarray(
      index * TILE_WIDTH * HASH_SIZE,
      (index * TILE_WIDTH + width) * HASH_SIZE,
    );
    hasher.hashLeavesInto(bundle, entryOffsets(bundle) as Int32Array, leaves);
  }
  // Each level: emit its tiles; full tiles reduce to the next level's hashes.
  const strata: Uint8Array[] = [];
  for (let l = 0, count = size; count > 0; l++) {
    strata.push(level);
    const spans = tileSpans(count);
    const nextCount = Math.floor(count / TILE_WIDTH);
    const next = new Uint8Array(nextCount * HASH_SIZE);
    for (const { index, width } of spans) {
      const bytes = level.slice(
        index * TILE_WIDTH * HASH_SIZE,
        (index * TILE_WIDTH + width) * HASH_SIZE,
      );
      files.set(tilePath({ kind: 'hash-tile', level: l, index, width }), bytes);
      if (width === TILE_WIDTH)
        next.set(reduceInPlace(bytes.slice(), TILE_WIDTH, hasher), index * HASH_SIZE);
    }
    level = next;
    count = nextCount;
  }
  const partialTile = (l: number) => {
    const count = Math.floor(size / TILE_WIDTH ** l);
    const start = count - (count % TILE_WIDTH);
    return (strata[l] as Uint8Array).subarray(start * HASH_SIZE, count * HASH_SIZE);
  };
  return { size, rootHash: rootFromPartialTiles(size, partialTile, hasher), files };
}

/**
 * The root of a tree of `size` leaves from its partial tiles (C2SP tlog-tiles): the
 * partial tile of level L holds the perfect subtrees of the size's bits 8L..8L+7, so the
 * root is those subtrees, highest level first, folded right to left. `partialTile(L)`
 * returns the flat bytes of level L's partial tile (floor(size / 256^L) mod 256 hashes);
 * it is called only for levels that have one.
 */
export function rootFromPartialTiles(
  size: number,
  partialTile: (level: number) => Uint8Array,
  hasher: TreeHasher,
): Uint8Array {
  const levels: number[] = [];
  for (let l = 0; Math.floor(size / TILE_WIDTH ** l) > 0; l++) levels.unshift(l);
  const parts: Uint8Array[] = [];
  for (const l of levels) {
    const width = Math.floor(size / TILE_WIDTH ** l) % TILE_WIDTH;
    if (width > 0) parts.push(...partialTileSubtrees(partialTile(l), width, hasher));
  }
  if (parts.length === 0) return hasher.emptyRoot();
  let acc = parts[parts.length - 1] as Uint8Array;
  for (let i = parts.length - 2; i >= 0; i--)
    acc = hasher.hashChildren(parts[i] as Uint8Array, acc);
  return acc;
}

/**
 * The perfect subtrees that a partial tile of `width` hashes (flat) holds, left to right:
 * one per 1 bit of `width`, largest first.
 */
export function partialTileSubtrees(
  hashes: Uint8Array,
  width: number,
  hasher: TreeHasher,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  for (let bit = 7; bit >= 0; bit--) {
    const n = 1 << bit;
    if ((width & n) === 0) continue;
    const part = hashes.slice(offset * HASH_SIZE, (offset + n) * HASH_SIZE);
    out.push(n === 1 ? part : reduceInPlace(part, n, hasher));
    offset += n;
  }
  return out;
}

/** Concatenates hashes into a tile's bytes (tile/<L>/<N>: 32 bytes per hash). */
export function tileBytes(hashes: readonly Uint8Array[]): Uint8Array {
  return concatBytes(hashes);
}
