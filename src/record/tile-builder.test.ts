import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { referenceRoot } from './reference-tree.js';
import { tesseraFile } from './testing/datasets.js';
import { TESSERA_ENTRIES, testEntries } from './testing/fixtures.js';
import { buildTiles } from './tile-builder.js';
import { tilePath, tilesForSize } from './tile-path.js';
import { nobleTreeHasher } from './tree-hasher.js';

describe('buildTiles', () => {
  it('writes the same tiles and bundles as tessera for each of its sizes 1 to 15', () => {
    for (let n = 1; n <= 15; n++) {
      const built = buildTiles(TESSERA_ENTRIES.slice(0, n).map(utf8), nodeTreeHasher);
      expect([...built.files.keys()].sort()).toEqual([
        `tile/0/000.p/${n}`,
        `tile/entries/000.p/${n}`,
      ]);
      expect(built.files.get(`tile/0/000.p/${n}`)).toEqual(tesseraFile(`tile/0/000.p/${n}`));
      expect(built.files.get(`tile/entries/000.p/${n}`)).toEqual(
        tesseraFile(`tile/entries/000.p/${n}`),
      );
    }
  });

  it('gives the RFC 6962 root and exactly the tiles the spec lists, across tile levels', () => {
    const entries = testEntries(65_536 + 300, 8);
    const leaves = entries.map((e) => nodeTreeHasher.hashLeaf(e));
    for (const size of [0, 1, 255, 256, 257, 511, 4097, 65_535, 65_536, 65_836]) {
      const built = buildTiles(entries.slice(0, size), size % 2 ? nodeTreeHasher : nobleTreeHasher);
      expect(built.rootHash, `size ${size}`).toEqual(
        referenceRoot(leaves.slice(0, size), nodeTreeHasher),
      );
      const { hashTiles, bundles } = tilesForSize(size);
      expect([...built.files.keys()].sort()).toEqual(
        [...hashTiles, ...bundles].map(tilePath).sort(),
      );
    }
  });

  it('puts in each level-1 tile the roots of the full level-0 tiles', () => {
    const entries = testEntries(600, 20);
    const built = buildTiles(entries, nodeTreeHasher);
    const level1 = built.files.get('tile/1/000.p/2') as Uint8Array;
    const leaves = entries.map((e) => nodeTreeHasher.hashLeaf(e));
    expect(level1.subarray(0, 32)).toEqual(referenceRoot(leaves.slice(0, 256), nodeTreeHasher));
    expect(level1.subarray(32, 64)).toEqual(referenceRoot(leaves.slice(256, 512), nodeTreeHasher));
  });
});
