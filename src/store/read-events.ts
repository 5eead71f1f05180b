import type { Kysely } from 'kysely';
import { decodeEntry, nodeTreeHasher } from '../record/index.js';
import type { LoggedEnvelope } from './domain.js';
import { blobRefOf } from './large-entry.js';
import { readEntry } from './logged-entry.js';
import type { StoreDatabase } from './schema.js';

/** How many entries one read fetches: bounded memory, few round trips. */
const CHUNK = 1000;

/**
 * The logged envelopes of entries [from, to) of one organisation, in order and in
 * chunks, with their secrets and blobs: what replay (catch-up, start-up, fsck) evolves.
 * Reads through `db`, which may be a transaction. Throws if an entry is missing.
 * `onLeaves`, when given, sees each chunk's leaf hashes as recomputed from the stored
 * entry bytes and as stored, in order, before the chunk is yielded (the start-up check).
 */
export async function* readLoggedEnvelopes(
  db: Kysely<StoreDatabase>,
  orgId: number,
  from: number,
  to: number,
  onLeaves?: (leaves: { computed: Uint8Array; stored: Uint8Array }[]) => void,
): AsyncGenerator<LoggedEnvelope[]> {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    const [rows, secrets] = await Promise.all([
      db
        .selectFrom('log_entries')
        .select(['seq', 'entry', 'leaf_hash'])
        .where('org_id', '=', orgId)
        .where('seq', '>=', start)
        .where('seq', '<', end)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('private_data')
        .select(['seq', 'data'])
        .where('org_id', '=', orgId)
        .where('seq', '>=', start)
        .where('seq', '<', end)
        .execute(),
    ]);
    if (rows.length !== end - start || rows.some((row, i) => Number(row.seq) !== start + i)) {
      throw new Error(`entries ${start}..${end - 1} of organisation ${orgId} are not all stored`);
    }
    onLeaves?.(
      rows.map((row) => ({ computed: nodeTreeHasher.hashLeaf(row.entry), stored: row.leaf_hash })),
    );
    const secretBySeq = new Map(secrets.map((s) => [Number(s.seq), s.data]));
    const entries = rows.map((row, i) => {
      const entry = decodeEntry(row.entry);
      if (entry.seq !== start + i) {
        throw new Error(
          `entry ${start + i} of organisation ${orgId} says it is entry ${entry.seq}`,
        );
      }
      return entry;
    });
    const wanted = entries.flatMap((entry) => {
      const ref = blobRefOf(entry.data);
      return ref ? [Buffer.from(ref.sha256, 'hex')] : [];
    });
    const blobs = new Map<string, Uint8Array>();
    if (wanted.length > 0) {
      const found = await db
        .selectFrom('blobs')
        .select(['sha256', 'content'])
        .where('org_id', '=', orgId)
        .where('sha256', 'in', wanted)
        .execute();
      for (const blob of found) blobs.set(Buffer.from(blob.sha256).toString('hex'), blob.content);
    }
    yield entries.map((entry) =>
      readEntry(entry, secretBySeq.get(entry.seq), (sha) => blobs.get(sha)),
    );
  }
}
