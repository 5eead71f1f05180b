import {
  appendLeaves,
  decodeEntry,
  EMPTY_TREE_STATE,
  type EntryEnvelope,
  encodeEntry,
  nodeEd25519,
  nodeTreeHasher,
  signCheckpoint,
} from '../../src/record/index.js';
import type { DemocracyStore } from '../../src/store/democracy-domain.js';
import { loadInstanceKey, logSigner } from '../../src/store/instance-key.js';
import { encodeFrontier } from '../../src/store/org-log.js';

/**
 * The threat the recount answers (issue 14): the server's operator holds the database and
 * the instance key. This rewrites entries of an organisation's log in place and then does
 * what such an operator would to hide it: recomputes the leaf hashes, the stratum hashes
 * behind the tiles, the root and the frontier, and signs a fresh checkpoint of the same
 * size with the instance key (replacing the checkpoints signed before). The log then
 * verifies for anyone who never saw an earlier checkpoint, and the store loads it on
 * start (reopen the store afterwards).
 *
 * `edit` gets each decoded entry and returns it changed, or the same object to keep it.
 */
export async function rewriteLog(
  store: DemocracyStore,
  slug: string,
  edit: (entry: EntryEnvelope) => EntryEnvelope,
): Promise<{ changed: number[] }> {
  const org = await store.organisation(slug);
  const rows = await store.db
    .selectFrom('log_entries')
    .select(['seq', 'entry'])
    .where('org_id', '=', org.id)
    .orderBy('seq')
    .execute();
  const changed: number[] = [];
  const leaves: Uint8Array[] = [];
  for (const row of rows) {
    const entry = decodeEntry(row.entry);
    const edited = edit(entry);
    let bytes = row.entry;
    if (edited !== entry) {
      bytes = encodeEntry(edited);
      changed.push(Number(row.seq));
      await store.db
        .updateTable('log_entries')
        .set({ entry: bytes, leaf_hash: nodeTreeHasher.hashLeaf(bytes) })
        .where('org_id', '=', org.id)
        .where('seq', '=', row.seq)
        .execute();
    }
    leaves.push(nodeTreeHasher.hashLeaf(bytes));
  }
  const tree = appendLeaves(EMPTY_TREE_STATE, leaves, nodeTreeHasher);
  await store.db.deleteFrom('log_strata').where('org_id', '=', org.id).execute();
  const strata = tree.completed.filter((h) => h.stratum > 0);
  for (let i = 0; i < strata.length; i += 1000)
    await store.db
      .insertInto('log_strata')
      .values(
        strata.slice(i, i + 1000).map((h) => ({
          org_id: org.id,
          level: h.stratum,
          idx: h.index,
          hash: h.hash,
        })),
      )
      .execute();
  // The operator's own key: it lives in the database (store/instance-key.ts).
  const { signer } = logSigner(await loadInstanceKey(store.db, Date.now()), org.origin);
  const checkpoint = signCheckpoint(
    { origin: org.origin, size: tree.state.size, rootHash: tree.root, extensions: [] },
    [signer],
    nodeEd25519,
  );
  await store.db.deleteFrom('log_checkpoints').where('org_id', '=', org.id).execute();
  await store.db
    .insertInto('log_checkpoints')
    .values({ org_id: org.id, size: tree.state.size, checkpoint, created_at: Date.now() })
    .execute();
  await store.db
    .updateTable('log_heads')
    .set({
      size: tree.state.size,
      root: tree.root,
      compact_range: encodeFrontier(tree.state.frontier),
      checkpoint,
    })
    .where('org_id', '=', org.id)
    .execute();
  return { changed };
}
