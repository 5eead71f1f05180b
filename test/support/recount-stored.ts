import {
  type RecountResult,
  readLoggedEvents,
  recount,
  seedChecker,
} from '../../src/democracy/audit/index.js';
import {
  logRoots,
  nodeTreeHasher,
  TileCapture,
  tilePath,
  tilesForSize,
} from '../../src/record/index.js';
import type { DemocracyStore } from '../../src/store/democracy-domain.js';

/**
 * Recounts an organisation's stored log as a verifier would (issue 14): every tile read
 * through the store's tlog-tiles reads, the events decoded from the entry bundles (large
 * data from the blobs), and each draw's seed checked against the log's own roots.
 */
export async function recountStored(store: DemocracyStore, slug: string): Promise<RecountResult> {
  const org = await store.organisation(slug);
  const { size } = await store.head(slug);
  const capture = new TileCapture();
  const fetch = capture.wrap(async (path) => (await store.tile(slug, path)).bytes);
  const { hashTiles, bundles } = tilesForSize(size);
  for (const ref of [...hashTiles, ...bundles]) await fetch(tilePath(ref));
  const { events } = await readLoggedEvents(capture.entries(size), async (_index, ref) => {
    const row = await store.db
      .selectFrom('blobs')
      .select('content')
      .where('org_id', '=', org.id)
      .where('sha256', '=', Buffer.from(ref.sha256, 'hex'))
      .executeTakeFirstOrThrow();
    return row.content;
  });
  return recount(events, {
    checkSeed: seedChecker(logRoots(capture.strata(size), nodeTreeHasher)),
  });
}
