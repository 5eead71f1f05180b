import { recordError } from './errors.js';
import { splitPoint } from './reference-tree.js';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-path.js';
import { HASH_SIZE, rootOfHashes, type TreeHasher } from './tree-hasher.js';

/**
 * Reads stored stratum hashes (see {@link StratumHash}): `count` consecutive hashes of
 * tree level 8·`stratum`, from node `fromIndex`. Must return exactly `count` 32-byte
 * hashes; the store answers from its tile-hash table in one query.
 *
 * The proof functions below gather every read a proof needs first and then issue them
 * all at once (in parallel), merged per stratum: an inclusion or consistency proof in a
 * tree of a million leaves costs at most two reads per stratum, three strata.
 */
export type StratumReader = (
  stratum: number,
  fromIndex: number,
  count: number,
) => Promise<Uint8Array[]>;

/** Synchronous access to stratum hashes already in memory. */
export type StratumLookup = (stratum: number, index: number) => Uint8Array;

/** A run of leaves [start, end) whose RFC 6962 hash MTH(D[start:end]) a proof needs. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The ranges of PATH(index, D[size]) (RFC 6962 §2.1.1 / RFC 9162 §2.1.3.1), leaf side first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw recordError('RECORD_TREE_RANGE', {
      what: `inclusion proof of entry ${index}`,
      size,
      reason: 'the entry must be in the tree',
    });
  }
  const out: LeafRange[] = [];
  const path = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      path(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      path(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  path(index, 0, size);
  return out;
}

/** The ranges of PROOF(m, D[n]) (RFC 6962 §2.1.2 / RFC 9162 §2.1.4.1). Requires 0 < m <= n. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 1 || m > n) {
    throw recordError('RECORD_TREE_RANGE', {
      what: `consistency proof from size ${m}`,
      size: n,
      reason: 'the sizes must satisfy 0 < first <= second',
    });
  }
  const out: LeafRange[] = [];
  const subproof = (mm: number, start: number, end: number, b: boolean): void => {
    const size = end - start;
    if (mm === size) {
      if (!b) out.push({ start, end });
      return;
    }
    const k = splitPoint(size);
    if (mm <= k) {
      subproof(mm, start, start + k, b);
      out.push({ start: start + k, end });
    } else {
      subproof(mm - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  subproof(m, 0, n, true);
  return out;
}

/** A perfect subtree: tree level `level` (2^level leaves), node `index` at that level. */
interface Subtree {
  readonly level: number;
  readonly index: number;
}

/**
 * The perfect subtrees whose fold is MTH(D[start:end]): greedy from the left, which is
 * RFC 6962's split when `start` is aligned to a power of two at least end − start (true
 * of every range in a proof and of [0, size)).
 */
export function rangeSubtrees(range: LeafRange): Subtree[] {
  const out: Subtree[] = [];
  let pos = range.start;
  while (pos < range.end) {
    let level = 0;
    while (pos % 2 ** (level + 1) === 0 && pos + 2 ** (level + 1) <= range.end) level++;
    out.push({ level, index: pos / 2 ** level });
    pos += 2 ** level;
  }
  return out;
}

/** MTH(D[start:end]) from in-memory stratum hashes. */
export function rangeHash(range: LeafRange, lookup: StratumLookup, hasher: TreeHasher): Uint8Array {
  if (range.end === range.start) return hasher.emptyRoot();
  const parts = rangeSubtrees(range).map((t) => subtreeFromLookup(t, lookup, hasher));
  let acc = parts[parts.length - 1] as Uint8Array;
  for (let i = parts.length - 2; i >= 0; i--)
    acc = hasher.hashChildren(parts[i] as Uint8Array, acc);
  return acc;
}

function subtreeFromLookup(t: Subtree, lookup: StratumLookup, hasher: TreeHasher): Uint8Array {
  const stratum = Math.floor(t.level / TILE_HEIGHT);
  const count = 2 ** (t.level - stratum * TILE_HEIGHT);
  const from = t.index * count;
  if (count === 1) return lookup(stratum, from);
  const flat = new Uint8Array(count * HASH_SIZE);
  for (let i = 0; i < count; i++) flat.set(lookup(stratum, from + i), i * HASH_SIZE);
  return rootOfHashes(flat, 0, count, hasher);
}

interface Read {
  readonly stratum: number;
  readonly from: number;
  readonly count: number;
}

/** The stratum reads that the given ranges need, merged when they touch or are close. */
export function plannedReads(ranges: readonly LeafRange[]): Read[] {
  const needs = new Map<number, { from: number; end: number }[]>();
  for (const range of ranges) {
    for (const t of rangeSubtrees(range)) {
      const stratum = Math.floor(t.level / TILE_HEIGHT);
      const count = 2 ** (t.level - stratum * TILE_HEIGHT);
      const list = needs.get(stratum) ?? [];
      list.push({ from: t.index * count, end: (t.index + 1) * count });
      needs.set(stratum, list);
    }
  }
  const reads: Read[] = [];
  for (const [stratum, list] of [...needs].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.from - b.from);
    let current: { from: number; end: number } | undefined;
    for (const span of list) {
      // Reading up to a tile's width of unneeded hashes is cheaper than another round trip.
      if (current && span.from <= current.end + TILE_WIDTH) {
        current.end = Math.max(current.end, span.end);
      } else {
        if (current) reads.push({ stratum, from: current.from, count: current.end - current.from });
        current = { ...span };
      }
    }
    if (current) reads.push({ stratum, from: current.from, count: current.end - current.from });
  }
  return reads;
}

/** Issues every planned read at once and returns a lookup over the results. */
async function prefetch(ranges: readonly LeafRange[], read: StratumReader): Promise<StratumLookup> {
  const reads = plannedReads(ranges);
  const results = await Promise.all(reads.map((r) => read(r.stratum, r.from, r.count)));
  const cache = new Map<string, Uint8Array>();
  reads.forEach((r, i) => {
    const hashes = results[i] ?? [];
    const valid = hashes.filter((h) => h instanceof Uint8Array && h.length === HASH_SIZE).length;
    if (hashes.length !== r.count || valid !== r.count) {
      throw recordError('RECORD_STRATUM_READ', { ...r, got: valid });
    }
    hashes.forEach((h, j) => {
      cache.set(`${r.stratum}:${r.from + j}`, h);
    });
  });
  return (stratum, index) => {
    const hash = cache.get(`${stratum}:${index}`);
    if (!hash) throw new Error(`stratum hash ${stratum}:${index} was not prefetched`);
    return hash;
  };
}

/**
 * The inclusion proof for the entry at `index` in the tree of `size` leaves (RFC 9162
 * §2.1.3.1), from the stored stratum hashes. Requires 0 <= index < size and that the
 * store holds every stratum hash of a tree of at least `size` leaves.
 */
export async function inclusionProof(
  index: number,
  size: number,
  read: StratumReader,
  hasher: TreeHasher,
): Promise<Uint8Array[]> {
  const ranges = inclusionRanges(index, size);
  const lookup = await prefetch(ranges, read);
  return ranges.map((r) => rangeHash(r, lookup, hasher));
}

/**
 * The consistency proof from size `m` to size `n` (RFC 9162 §2.1.4.1). Requires
 * 0 < m <= n (empty when m = n).
 */
export async function consistencyProof(
  m: number,
  n: number,
  read: StratumReader,
  hasher: TreeHasher,
): Promise<Uint8Array[]> {
  const ranges = consistencyRanges(m, n);
  const lookup = await prefetch(ranges, read);
  return ranges.map((r) => rangeHash(r, lookup, hasher));
}

/** The root hash of the tree of `size` leaves, from the stored stratum hashes. */
export async function treeRoot(
  size: number,
  read: StratumReader,
  hasher: TreeHasher,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw recordError('RECORD_TREE_RANGE', {
      what: 'root',
      size,
      reason: 'the size is not a whole number',
    });
  }
  if (size === 0) return hasher.emptyRoot();
  const range = { start: 0, end: size };
  return rangeHash(range, await prefetch([range], read), hasher);
}

/**
 * The hash of any perfect subtree: tree level `level`, node `index` (leaves
 * [index·2^level, (index+1)·2^level)), from 2^(level mod 8) hashes of stratum
 * floor(level / 8).
 */
export async function subtreeHash(
  level: number,
  index: number,
  read: StratumReader,
  hasher: TreeHasher,
): Promise<Uint8Array> {
  const range = { start: index * 2 ** level, end: (index + 1) * 2 ** level };
  return rangeHash(range, await prefetch([range], read), hasher);
}
