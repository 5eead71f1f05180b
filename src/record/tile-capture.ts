import { entryOffsets } from './entry-bundle.js';
import { hashesAtLevel, TILE_WIDTH, tilePath, tileSpans } from './tile-path.js';
import { HASH_SIZE } from './tree-hasher.js';
import type { StratumLookup } from './tree-proofs.js';
import type { LogFetcher } from './verify-log.js';

/**
 * Keeps the tiles a verification fetched (C2SP tlog-tiles: entry bundles and hash tiles),
 * so that what runs after it (a replay, a recount, the roots of earlier checkpoints)
 * reads exactly the bytes the verifier checked against the signed root: fetching them
 * again could give others. Wrap the verifier's fetcher with `wrap`; read only after the
 * log of `size` verified.
 */
export class TileCapture {
  private readonly tiles = new Map<string, Uint8Array | null>();

  wrap(fetch: LogFetcher): LogFetcher {
    return async (path) => {
      const bytes = await fetch(path);
      if (path.startsWith('tile/')) this.tiles.set(path, bytes);
      return bytes;
    };
  }

  /**
   * The entries [0, size) in order, from the captured bundles (a missing partial bundle
   * read from the full one, as the verifier does). Each bundle is released once read.
   */
  *entries(size: number): Generator<{ index: number; bytes: Uint8Array }> {
    for (const { index, width } of tileSpans(size)) {
      const path = tilePath({ kind: 'entry-bundle', index, width });
      const full = tilePath({ kind: 'entry-bundle', index, width: TILE_WIDTH });
      const bundle = this.tiles.get(path) ?? (width < TILE_WIDTH ? this.tiles.get(full) : null);
      if (!bundle) throw new Error(`the verified bundle ${path} was not kept`);
      const offsets = entryOffsets(bundle);
      if (typeof offsets === 'string' || offsets.length < 2 * width) {
        throw new Error(`the verified bundle ${path} does not hold ${width} entries`);
      }
      for (let j = 0; j < width; j++) {
        const start = offsets[2 * j] as number;
        const length = offsets[2 * j + 1] as number;
        yield { index: index * TILE_WIDTH + j, bytes: bundle.subarray(start, start + length) };
      }
      this.tiles.delete(path);
      this.tiles.delete(full);
    }
  }

  /**
   * The stratum hashes (tree level 8·s, node i) of the verified tree of `size`, from its
   * hash tiles: what `rangeHash` needs for the root of any earlier size (log-roots.ts).
   */
  strata(size: number): StratumLookup {
    return (stratum, i) => {
      const index = Math.floor(i / TILE_WIDTH);
      const width = Math.min(TILE_WIDTH, hashesAtLevel(size, stratum) - index * TILE_WIDTH);
      const ref = { kind: 'hash-tile', level: stratum, index } as const;
      const tile =
        this.tiles.get(tilePath({ ...ref, width: TILE_WIDTH })) ??
        (width > 0 && width < TILE_WIDTH ? this.tiles.get(tilePath({ ...ref, width })) : null);
      const at = (i % TILE_WIDTH) * HASH_SIZE;
      if (!tile || tile.length < at + HASH_SIZE)
        throw new Error(`the verified hash tile for node ${i} of stratum ${stratum} was not kept`);
      return tile.subarray(at, at + HASH_SIZE);
    };
  }
}
