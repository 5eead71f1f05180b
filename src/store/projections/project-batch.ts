import { type Kysely, sql } from 'kysely';
import type { DemocracyEvent } from '../../democracy/index.js';
import type { ProjectionContext } from '../domain.js';
import type { StoreDatabase } from '../schema.js';
import { projectDemocracyEvent } from './project-event.js';
import type { DemocracyTables } from './tables.js';

/** Rows per multi-row statement: far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

/**
 * The democracy domain's `projectBatch` (store/domain.ts): the same rows as
 * `projectDemocracyEvent` on each event in order, with the events a large organisation
 * has by the thousand written together: members joining (one multi-row INSERT),
 * secret ballots cast (one UPDATE of each box's count, to its last value), published
 * ballots (multi-row INSERTs); invitations project nothing. These touch rows no other
 * event of the run touches, so grouping them is exact; any other event first writes the
 * pending group, then projects alone, so the order of effects is that of the log.
 */
export async function projectDemocracyBatch(
  tx: Kysely<StoreDatabase>,
  items: readonly { readonly event: DemocracyEvent; readonly at: ProjectionContext }[],
): Promise<void> {
  const db = tx.withTables<DemocracyTables>();
  let joined: DemocracyTables['members'][] = [];
  let published: { org_id: number; box_id: string; receipt: string; ballot: string }[] = [];
  let cast = new Map<string, number>();
  let orgId = 0;

  const flush = async () => {
    for (let i = 0; i < joined.length; i += CHUNK)
      await db
        .insertInto('members')
        .values(joined.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < published.length; i += CHUNK)
      await db
        .insertInto('published_ballots')
        .values(published.slice(i, i + CHUNK))
        .execute();
    const counts = [...cast];
    for (let i = 0; i < counts.length; i += CHUNK) {
      const values = counts
        .slice(i, i + CHUNK)
        .map(([box, n]) => sql`(${box}::text, ${n}::integer)`);
      await sql`update ballot_boxes as b set cast_count = v.n
        from (values ${sql.join(values)}) as v(box_id, n)
        where b.org_id = ${orgId} and b.box_id = v.box_id`.execute(db);
    }
    joined = [];
    published = [];
    cast = new Map();
  };

  for (const { event: e, at } of items) {
    orgId = at.orgId;
    switch (e.kind) {
      case 'MemberInvited':
        continue;
      case 'MemberJoined':
        joined.push({
          org_id: at.orgId,
          member_id: e.memberId,
          council_id: e.councilId,
          status: 'active',
          joined_at: e.at,
          invitation_id: e.invitationId,
          ended_at: null,
          expelled_by_motion: null,
          erased_at: null,
        });
        continue;
      case 'BallotCast':
        cast.set(e.boxId, e.cast);
        continue;
      case 'BallotsPublished':
        for (const b of e.ballots)
          published.push({
            org_id: at.orgId,
            box_id: e.boxId,
            receipt: b.receipt,
            ballot: JSON.stringify(b.ballot),
          });
        continue;
      default:
        await flush();
        await projectDemocracyEvent(tx, e, at);
    }
  }
  await flush();
}
