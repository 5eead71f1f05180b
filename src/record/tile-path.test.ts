import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeTileIndex,
  parseTilePath,
  type TileRef,
  tilePath,
  tilesForSize,
} from './tile-path.js';

describe('tlog-tiles paths', () => {
  it('encodes tile indices as the spec shows', () => {
    expect(encodeTileIndex(1_234_067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(999)).toBe('999');
    expect(encodeTileIndex(1000)).toBe('x001/000');
    expect(tilePath({ kind: 'hash-tile', level: 0, index: 1_234_067, width: 256 })).toBe(
      'tile/0/x001/x234/067',
    );
    expect(tilePath({ kind: 'hash-tile', level: 2, index: 5, width: 17 })).toBe('tile/2/005.p/17');
    expect(tilePath({ kind: 'entry-bundle', index: 1001, width: 1 })).toBe(
      'tile/entries/x001/001.p/1',
    );
  });

  it('parses what it writes', () => {
    const ref = fc.oneof(
      fc.record({
        kind: fc.constant('hash-tile' as const),
        level: fc.integer({ min: 0, max: 63 }),
        index: fc.oneof(
          fc.nat(),
          fc.maxSafeNat().map((n) => n % 2 ** 40),
        ),
        width: fc.integer({ min: 1, max: 256 }),
      }),
      fc.record({
        kind: fc.constant('entry-bundle' as const),
        index: fc.oneof(
          fc.nat(),
          fc.maxSafeNat().map((n) => n % 2 ** 40),
        ),
        width: fc.integer({ min: 1, max: 256 }),
      }),
    );
    fc.assert(
      fc.property(ref, (r: TileRef) => {
        expect(parseTilePath(tilePath(r))).toEqual(r);
      }),
    );
  });

  it('refuses paths the spec does not allow', () => {
    for (const path of [
      'tile/0/1',
      'tile/0/0000',
      'tile/00/000',
      'tile/64/000',
      'tile/0/x000/001',
      'tile/0/001/002',
      'tile/0/000.p/0',
      'tile/0/000.p/256',
      'tile/0/000.p/07',
      'tile/entries/000.p/',
      'tile/entries/../000',
      '/tile/0/000',
      'tile/0/000/',
      'checkpoint',
    ]) {
      expect(() => parseTilePath(path), path).toThrowError(/not a tlog-tiles resource/);
    }
  });

  it('lists the tiles of the spec example, size 70,000', () => {
    const { hashTiles, bundles } = tilesForSize(70_000);
    const at = (level: number) =>
      hashTiles.filter((t) => t.kind === 'hash-tile' && t.level === level);
    expect(at(0)).toHaveLength(274);
    expect(at(0).filter((t) => t.width === 256)).toHaveLength(273);
    expect(at(0).at(-1)?.width).toBe(112);
    expect(at(1).map((t) => t.width)).toEqual([256, 17]);
    expect(at(2).map((t) => t.width)).toEqual([1]);
    expect(at(3)).toHaveLength(0);
    expect(bundles).toHaveLength(274);
    expect(bundles.at(-1)).toEqual({ kind: 'entry-bundle', index: 273, width: 112 });
  });

  it('lists a full level-0 tile and a 1-wide level-1 tile for size 256, and nothing for 0', () => {
    expect(tilesForSize(256).hashTiles.map(tilePath)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
    expect(tilesForSize(0)).toEqual({ hashTiles: [], bundles: [] });
  });
});
