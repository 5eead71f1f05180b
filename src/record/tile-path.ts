import { recordError } from './errors.js';

/** C2SP tlog-tiles: a tile spans 8 tree levels, so it holds 2^8 = 256 hashes. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** The mutable resource holding the latest signed checkpoint. */
export const CHECKPOINT_PATH = 'checkpoint';

/**
 * One tlog-tiles resource (C2SP tlog-tiles, "Merkle Tree" and "Log entries"):
 * - a hash tile: level L holds the hashes at tree level 8·L, i.e. MTH of 256^L-leaf
 *   blocks; tile N holds indices [N·256, N·256 + width);
 * - an entry bundle: the entries [N·256, N·256 + width).
 * `width` is 256 for a full tile, 1..255 for a partial one (`.p/<W>`).
 */
export type TileRef =
  | {
      readonly kind: 'hash-tile';
      readonly level: number;
      readonly index: number;
      readonly width: number;
    }
  | { readonly kind: 'entry-bundle'; readonly index: number; readonly width: number };

/** `x001/x234/067` for 1234067: zero-padded 3-digit elements, all but the last prefixed x. */
export function encodeTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`bad tile index ${index}`);
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** The path of a resource relative to the log prefix, e.g. `tile/0/x001/234.p/7`. */
export function tilePath(ref: TileRef): string {
  if (!Number.isInteger(ref.width) || ref.width < 1 || ref.width > TILE_WIDTH) {
    throw new RangeError(`bad tile width ${ref.width}`);
  }
  const head = ref.kind === 'entry-bundle' ? 'tile/entries' : `tile/${levelText(ref.level)}`;
  const partial = ref.width < TILE_WIDTH ? `.p/${ref.width}` : '';
  return `${head}/${encodeTileIndex(ref.index)}${partial}`;
}

function levelText(level: number): string {
  if (!Number.isInteger(level) || level < 0 || level > 63)
    throw new RangeError(`bad level ${level}`);
  return String(level);
}

/**
 * Parses a resource path strictly as tlog-tiles defines it (levels 0–63 without leading
 * zeros, 3-digit index elements with `x` on all but the last, widths 1–255 without leading
 * zeros). Throws RECORD_TILE_PATH_INVALID otherwise, so a server can answer 404.
 */
export function parseTilePath(path: string): TileRef {
  const fail = (reason: string) => recordError('RECORD_TILE_PATH_INVALID', { path, reason });
  const m = /^tile\/(entries|0|[1-9]\d?)\/((?:x\d{3}\/)*)(\d{3})(?:\.p\/([1-9]\d{0,2}))?$/.exec(
    path,
  );
  if (!m) throw fail('expected tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]');
  const [, levelPart, prefix, last, widthPart] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const groups = [
    ...prefix
      .split('/')
      .filter(Boolean)
      .map((g) => g.slice(1)),
    last,
  ];
  if (groups.length > 1 && groups[0] === '000')
    throw fail('the tile index has a leading zero group');
  if (groups.length > 6) throw fail('the tile index is too large');
  const index = groups.reduce((acc, g) => acc * 1000 + Number(g), 0);
  const width = widthPart === undefined ? TILE_WIDTH : Number(widthPart);
  if (widthPart !== undefined && width >= TILE_WIDTH) throw fail('a partial tile is 1 to 255 wide');
  if (levelPart === 'entries') return { kind: 'entry-bundle', index, width };
  const level = Number(levelPart);
  if (level > 63) throw fail('the level is 0 to 63');
  return { kind: 'hash-tile', level, index, width };
}

/**
 * Every resource a log of `size` entries serves (C2SP tlog-tiles, "Partial Tiles"): at
 * level L there are floor(size / 256^L) hashes, in full tiles of 256 and one partial
 * tile of the remainder; entry bundles follow level 0. For example, size 70,000 has 273
 * full and one 112-wide level-0 tiles, one full and one 17-wide level-1 tile, and one
 * 1-wide level-2 tile. Hash tiles are listed level by level from 0, each in index order.
 */
export function tilesForSize(size: number): { hashTiles: TileRef[]; bundles: TileRef[] } {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad tree size ${size}`);
  const hashTiles: TileRef[] = [];
  for (let level = 0, count = size; count > 0; level++, count = Math.floor(count / TILE_WIDTH)) {
    for (const { index, width } of tileSpans(count)) {
      hashTiles.push({ kind: 'hash-tile', level, index, width });
    }
  }
  const bundles: TileRef[] = tileSpans(size).map(({ index, width }) => ({
    kind: 'entry-bundle',
    index,
    width,
  }));
  return { hashTiles, bundles };
}

/** The tiles covering `count` hashes at one level: full ones, then the partial remainder. */
export function tileSpans(count: number): { index: number; width: number }[] {
  const spans: { index: number; width: number }[] = [];
  const full = Math.floor(count / TILE_WIDTH);
  for (let index = 0; index < full; index++) spans.push({ index, width: TILE_WIDTH });
  if (count % TILE_WIDTH) spans.push({ index: full, width: count % TILE_WIDTH });
  return spans;
}

/** The number of hashes at tile level `level` in a tree of `size` leaves: floor(size / 256^level). */
export function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}
