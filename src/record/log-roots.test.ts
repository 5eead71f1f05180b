import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { logRoots } from './log-roots.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { referenceRoot } from './reference-tree.js';
import { testEntries } from './testing/fixtures.js';
import { buildTiles } from './tile-builder.js';
import { TileCapture } from './tile-capture.js';
import { tilePath, tilesForSize } from './tile-path.js';

/**
 * The roots of every earlier size, from the hash tiles a verification kept, against the
 * slow reference MTH (RFC 6962 §2.1) of the first k leaves.
 */
async function captured(size: number) {
  const entries = testEntries(size);
  const built = buildTiles(entries, nodeTreeHasher);
  const capture = new TileCapture();
  const fetch = capture.wrap(async (path) => built.files.get(path) ?? null);
  const { hashTiles, bundles } = tilesForSize(size);
  for (const ref of [...hashTiles, ...bundles]) await fetch(tilePath(ref));
  const leaves = entries.map((e) => nodeTreeHasher.hashLeaf(e));
  return { capture, leaves, built };
}

describe('the roots of a log at every earlier size', () => {
  it('equal the reference root of the first k leaves, across tile and stratum boundaries', async () => {
    // 66,000 entries: full and partial tiles at levels 0 and 1, a partial one at level 2.
    const { capture, leaves } = await captured(66_000);
    const rootAt = logRoots(capture.strata(leaves.length), nodeTreeHasher);
    const sizes = [
      0, 1, 2, 3, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537, 65_999, 66_000,
    ];
    for (const k of sizes)
      expect(rootAt(k), `size ${k}`).toBe(toHex(referenceRoot(leaves.slice(0, k), nodeTreeHasher)));
  });

  it('give the signed root at the full size, and every size in a row', async () => {
    const { capture, leaves, built } = await captured(600);
    const rootAt = logRoots(capture.strata(600), nodeTreeHasher);
    expect(rootAt(600)).toBe(toHex(built.rootHash));
    for (let k = 600; k >= 500; k--)
      expect(rootAt(k)).toBe(toHex(referenceRoot(leaves.slice(0, k), nodeTreeHasher)));
  });
});
