import type { EventKind } from '../democracy/index.js';
import { decodeEntry } from '../record/index.js';
import type { DemocracyStore } from '../store/democracy-domain.js';

/** Event types whose private part the store must hold (RECORD.md, "Secret ballots"). */
const WITH_SECRET: ReadonlySet<string> = new Set<EventKind>(['BallotCast', 'BudgetBallotCast']);
const CHUNK = 1000;

/**
 * The democracy's own fsck check: every secret ballot on the log has its private part
 * (who cast it, the receipt, the ballot), and no private part belongs to any other
 * entry. Without it, a replay could not know who voted, so double voting could not be
 * refused after a restart; `store/fsck.ts` cannot see this, since a public replay
 * evolves without secrets. Returns the problems found (empty when sound).
 */
export async function checkPrivateParts(store: DemocracyStore, org: string): Promise<string[]> {
  const { id } = await store.organisation(org);
  const { size } = await store.head(org);
  const problems: string[] = [];
  for (let start = 0; start < size; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    const [rows, secrets] = await Promise.all([
      store.db
        .selectFrom('log_entries')
        .select(['seq', 'entry'])
        .where('org_id', '=', id)
        .where('seq', '>=', start)
        .where('seq', '<', end)
        .execute(),
      store.db
        .selectFrom('private_data')
        .select('seq')
        .where('org_id', '=', id)
        .where('seq', '>=', start)
        .where('seq', '<', end)
        .execute(),
    ]);
    const held = new Set(secrets.map((s) => Number(s.seq)));
    for (const row of rows) {
      const seq = Number(row.seq);
      let type: string;
      try {
        type = decodeEntry(row.entry).type;
      } catch {
        continue; // store/fsck.ts names an unreadable entry.
      }
      if (WITH_SECRET.has(type) && !held.has(seq))
        problems.push(`entry ${seq} (${type}): its private part is missing`);
      if (!WITH_SECRET.has(type) && held.has(seq))
        problems.push(
          `entry ${seq} (${type}): a private part is stored for an event that has none`,
        );
    }
  }
  return problems;
}
