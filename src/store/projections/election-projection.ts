import type { BallotEvent, ElectionEvent, MandateEvent } from '../../democracy/index.js';
import { seatOf } from './seat-groups.js';
import type { BallotBoxesTable, ProjectionDb } from './tables.js';

/**
 * Projects elections, their nominations, mandates and ballot boxes (RULES.md,
 * "Elections", "Mandates"; RECORD.md, "Secret ballots on a public record") into
 * `elections`, `nominations`, `mandates`, `ballot_boxes`, `published_ballots` and
 * `open_votes`. A secret box's projection holds only how many ballots it has until the
 * close publishes them by receipt: the voter of a secret ballot never reaches a table.
 */
export async function projectElectionEvent(
  db: ProjectionDb,
  orgId: number,
  e: ElectionEvent | MandateEvent | BallotEvent,
): Promise<void> {
  const election = (id: string) =>
    db.updateTable('elections').where('org_id', '=', orgId).where('election_id', '=', id);
  switch (e.kind) {
    case 'ElectionOpened': {
      const seat = await seatOf(db, orgId, e.groupKey);
      await db
        .insertInto('elections')
        .values({
          org_id: orgId,
          election_id: e.electionId,
          group_key: e.groupKey,
          ...seat,
          election_kind: e.electionKind,
          seats: e.seats,
          method: e.method,
          phase: 'nominations',
          opened_at: e.at,
          nominations_close_at: e.nominationsCloseAt,
          voting_close_at: e.votingCloseAt,
          mandate_ends_at: e.mandateEndsAt,
          max_consecutive_terms: e.maxConsecutiveTerms,
          max_concurrent_mandates: e.maxConcurrentMandates,
          candidates: null,
          box_id: null,
          elected: null,
          unopposed: null,
          report: null,
          closed_at: null,
        })
        .execute();
      return;
    }
    case 'ElectionDeferred':
      // Nothing opened: the group's next regular election waits for a voting body.
      return;
    case 'CandidateNominated':
      // A withdrawn nominee may be nominated again: the row records the latest nomination.
      await db
        .insertInto('nominations')
        .values({
          org_id: orgId,
          election_id: e.electionId,
          member_id: e.candidateId,
          nominated_by: e.by,
          nominated_at: e.at,
          status: 'nominated',
          withdrawn_reason: null,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'election_id', 'member_id']).doUpdateSet({
            nominated_by: e.by,
            nominated_at: e.at,
            status: 'nominated',
            withdrawn_reason: null,
          }),
        )
        .execute();
      return;
    case 'NominationAccepted':
      await db
        .updateTable('nominations')
        .set({ status: 'accepted' })
        .where('org_id', '=', orgId)
        .where('election_id', '=', e.electionId)
        .where('member_id', '=', e.by)
        .execute();
      return;
    case 'CandidacyWithdrawn':
      await db
        .updateTable('nominations')
        .set({ status: 'withdrawn', withdrawn_reason: e.reason })
        .where('org_id', '=', orgId)
        .where('election_id', '=', e.electionId)
        .where('member_id', '=', e.candidateId)
        .execute();
      return;
    case 'VotingOpened': {
      await election(e.electionId)
        .set({ phase: 'voting', candidates: JSON.stringify(e.candidates), box_id: e.boxId })
        .execute();
      const row = await db
        .selectFrom('elections')
        .select(['electing_council_id', 'voting_close_at'])
        .where('org_id', '=', orgId)
        .where('election_id', '=', e.electionId)
        .executeTakeFirstOrThrow();
      await openBox(db, orgId, {
        box_id: e.boxId,
        subject_kind: 'election',
        subject_id: e.electionId,
        council_id: row.electing_council_id,
        secret: true,
        roll_size: e.rollSize,
        quorum_percent: 0,
        opens_at: e.at,
        closes_at: Number(row.voting_close_at),
      });
      return;
    }
    case 'ElectionLapsed':
      await election(e.electionId).set({ phase: 'lapsed', closed_at: e.at }).execute();
      return;
    case 'ElectionCounted':
      await election(e.electionId)
        .set({
          phase: 'counted',
          elected: JSON.stringify(e.elected),
          unopposed: e.unopposed,
          report: e.report === null ? null : JSON.stringify(e.report),
          closed_at: e.at,
        })
        .execute();
      return;
    case 'MandateGranted': {
      const row = await db
        .selectFrom('elections')
        .select(['seat_kind', 'electing_council_id', 'seat_council_id', 'office'])
        .where('org_id', '=', orgId)
        .where('election_id', '=', e.electionId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('mandates')
        .values({
          org_id: orgId,
          mandate_id: e.mandateId,
          holder_id: e.holderId,
          group_key: e.groupKey,
          ...row,
          election_id: e.electionId,
          start_at: e.startAt,
          end_at: e.endAt,
          terms: e.terms,
          term_limit: e.limit,
          status: 'sitting',
          ended_at: null,
          end_reason: null,
        })
        .execute();
      return;
    }
    case 'MandateEnded':
      await db
        .updateTable('mandates')
        .set({ status: 'ended', ended_at: e.at, end_reason: e.reason })
        .where('org_id', '=', orgId)
        .where('mandate_id', '=', e.mandateId)
        .execute();
      return;
    case 'BallotCast':
      // Only the count: who cast it (the event's secret) stays private.
      await box(db, orgId, e.boxId).set({ cast_count: e.cast }).execute();
      return;
    case 'VoteCast':
      await box(db, orgId, e.boxId)
        .set((eb) => ({ cast_count: eb('cast_count', '+', 1) }))
        .execute();
      await db
        .insertInto('open_votes')
        .values({
          org_id: orgId,
          box_id: e.boxId,
          voter_id: e.by,
          choice: String(e.ballot),
          cast_at: e.at,
        })
        .execute();
      return;
    case 'BallotBoxClosed':
      await box(db, orgId, e.boxId)
        .set({ closed: true, cast_count: e.cast, seed: e.seed })
        .execute();
      return;
    case 'BallotsPublished':
      if (e.ballots.length === 0) return;
      await db
        .insertInto('published_ballots')
        .values(
          e.ballots.map((b) => ({
            org_id: orgId,
            box_id: e.boxId,
            receipt: b.receipt,
            ballot: JSON.stringify(b.ballot),
          })),
        )
        .execute();
      return;
  }
}

function box(db: ProjectionDb, orgId: number, boxId: string) {
  return db.updateTable('ballot_boxes').where('org_id', '=', orgId).where('box_id', '=', boxId);
}

/** A box opens with its roll size, quorum and deadline fixed (RULES.md, "Entrenched rules"). */
export async function openBox(
  db: ProjectionDb,
  orgId: number,
  b: Omit<BallotBoxesTable, 'org_id' | 'cast_count' | 'closed' | 'seed'>,
): Promise<void> {
  await db
    .insertInto('ballot_boxes')
    .values({ org_id: orgId, ...b, cast_count: 0, closed: false, seed: null })
    .execute();
}
