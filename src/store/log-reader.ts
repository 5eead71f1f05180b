import type { Kysely } from 'kysely';
import {
  buildEntryBundle,
  concatBytes,
  type StratumReader,
  TILE_WIDTH,
  type TileRef,
} from '../record/index.js';
import { storeError } from './errors.js';
import type { StoreDatabase } from './schema.js';

/**
 * Reads stratum hashes (record/tree-proofs.ts) from the database: stratum 0 is the leaf
 * hashes in `log_entries`, stratum ≥ 1 the `log_strata` table. One query per call.
 * Reads through `db`, which may be a transaction (the append path reads its own writes).
 */
export function stratumReader(db: Kysely<StoreDatabase>, orgId: number): StratumReader {
  return async (stratum, fromIndex, count) => {
    if (count <= 0) return [];
    if (stratum === 0) {
      const rows = await db
        .selectFrom('log_entries')
        .select('leaf_hash')
        .where('org_id', '=', orgId)
        .where('seq', '>=', fromIndex)
        .where('seq', '<', fromIndex + count)
        .orderBy('seq')
        .execute();
      return rows.map((row) => row.leaf_hash);
    }
    const rows = await db
      .selectFrom('log_strata')
      .select('hash')
      .where('org_id', '=', orgId)
      .where('level', '=', stratum)
      .where('idx', '>=', fromIndex)
      .where('idx', '<', fromIndex + count)
      .orderBy('idx')
      .execute();
    return rows.map((row) => row.hash);
  };
}

/**
 * The bytes of a tlog-tiles resource (C2SP tlog-tiles) of a log of `size` entries, or
 * LOG_BAD_TILE when the tree of that size has no such tile: a hash tile of level L holds
 * hashes of tree level 8L (32 bytes each); an entry bundle holds the entries, each with a
 * big-endian uint16 length. Any width up to what the tree holds is served: a partial
 * tile of an older size is still a true prefix of the full tile.
 */
export async function readTile(
  db: Kysely<StoreDatabase>,
  orgId: number,
  size: number,
  ref: TileRef,
  path: string,
): Promise<Uint8Array> {
  const level = ref.kind === 'hash-tile' ? ref.level : 0;
  const available = Math.floor(size / TILE_WIDTH ** level);
  const from = ref.index * TILE_WIDTH;
  if (from + ref.width > available) throw storeError('LOG_BAD_TILE', { path });
  if (ref.kind === 'hash-tile') {
    const hashes = await stratumReader(db, orgId)(ref.level, from, ref.width);
    if (hashes.length !== ref.width) throw storeError('LOG_BAD_TILE', { path });
    return concatBytes(hashes);
  }
  const rows = await db
    .selectFrom('log_entries')
    .select('entry')
    .where('org_id', '=', orgId)
    .where('seq', '>=', from)
    .where('seq', '<', from + ref.width)
    .orderBy('seq')
    .execute();
  if (rows.length !== ref.width) throw storeError('LOG_BAD_TILE', { path });
  return buildEntryBundle(rows.map((row) => row.entry));
}
