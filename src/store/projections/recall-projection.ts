import type { RecallEvent } from '../../democracy/index.js';
import { openBox } from './election-projection.js';
import type { ProjectionDb } from './tables.js';

/**
 * Projects recall petitions and their votes (RULES.md, "Recall") into
 * `recall_petitions` and `ballot_boxes`. Who signed is public on the log (each
 * signature is an event with its signer); the table keeps the count.
 */
export async function projectRecallEvent(
  db: ProjectionDb,
  orgId: number,
  e: RecallEvent,
): Promise<void> {
  const petition = (id: string) =>
    db.updateTable('recall_petitions').where('org_id', '=', orgId).where('petition_id', '=', id);
  switch (e.kind) {
    case 'RecallPetitionOpened': {
      const mandate = await db
        .selectFrom('mandates')
        .select(['holder_id', 'electing_council_id'])
        .where('org_id', '=', orgId)
        .where('mandate_id', '=', e.mandateId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('recall_petitions')
        .values({
          org_id: orgId,
          petition_id: e.petitionId,
          mandate_id: e.mandateId,
          holder_id: mandate.holder_id,
          electing_council_id: mandate.electing_council_id,
          opened_by: e.by,
          reason: e.reason,
          breach_ids: JSON.stringify(e.breachIds),
          opened_at: e.at,
          window_ends_at: e.windowEndsAt,
          needed: e.needed,
          signatures: 1,
          phase: 'petition',
          box_id: null,
          vote_closes_at: null,
          recall: null,
          keep: null,
          abstain: null,
          quorum_needed: null,
          closed_at: null,
        })
        .execute();
      return;
    }
    case 'RecallPetitionSigned':
      await petition(e.petitionId).set({ signatures: e.signatures }).execute();
      return;
    case 'RecallPetitionLapsed':
      await petition(e.petitionId).set({ phase: 'lapsed', closed_at: e.at }).execute();
      return;
    case 'RecallVoteOpened': {
      await petition(e.petitionId)
        .set({ phase: 'vote', box_id: e.boxId, vote_closes_at: e.closesAt })
        .execute();
      const row = await db
        .selectFrom('recall_petitions')
        .select('electing_council_id')
        .where('org_id', '=', orgId)
        .where('petition_id', '=', e.petitionId)
        .executeTakeFirstOrThrow();
      await openBox(db, orgId, {
        box_id: e.boxId,
        subject_kind: 'recall',
        subject_id: e.petitionId,
        council_id: row.electing_council_id,
        secret: e.secretBallot,
        roll_size: e.rollSize,
        quorum_percent: e.quorumPercent,
        opens_at: e.at,
        closes_at: e.closesAt,
      });
      return;
    }
    case 'RecallVoteClosed':
      await petition(e.petitionId)
        .set({
          phase: e.outcome,
          recall: e.recall,
          keep: e.keep,
          abstain: e.abstain,
          quorum_needed: e.quorumNeeded,
          closed_at: e.at,
        })
        .execute();
      return;
  }
}
