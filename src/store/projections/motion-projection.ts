import { type MotionEvent, thresholdOf } from '../../democracy/index.js';
import { openBox } from './election-projection.js';
import type { ProjectionDb } from './tables.js';

/**
 * Projects motions, amendments, instructions, breaches and spending authorisations
 * (RULES.md, "Motions", "Mandated delegation") into `motions`, `amendments`,
 * `ballot_boxes`, `instructions`, `breaches` and `spending_authorisations`.
 */
export async function projectMotionEvent(
  db: ProjectionDb,
  orgId: number,
  e: MotionEvent,
): Promise<void> {
  const motion = (id: string) =>
    db.updateTable('motions').where('org_id', '=', orgId).where('motion_id', '=', id);
  switch (e.kind) {
    case 'MotionProposed':
      await db
        .insertInto('motions')
        .values({
          org_id: orgId,
          motion_id: e.motionId,
          council_id: e.councilId,
          proposed_by: e.by,
          title: e.title,
          original_text: e.text,
          text: e.text,
          motion_kind: e.body.kind,
          body: JSON.stringify(e.body),
          threshold: thresholdOf(e.body),
          phase: 'proposed',
          proposed_at: e.at,
          seconders: 0,
          seconders_needed: e.secondersNeeded,
          debate_closes_at: null,
          amendments_close_at: null,
          box_id: null,
          vote_closes_at: null,
          yes: null,
          no: null,
          abstain: null,
          quorum_needed: null,
          result_reason: null,
          effect_void: null,
          closed_at: null,
        })
        .execute();
      return;
    case 'MotionSeconded':
      await motion(e.motionId)
        .set((eb) => ({ seconders: eb('seconders', '+', 1) }))
        .execute();
      return;
    case 'DebateOpened':
      await motion(e.motionId).set({ phase: 'debate', debate_closes_at: e.closesAt }).execute();
      return;
    case 'MotionWithdrawn':
      await motion(e.motionId).set({ phase: 'withdrawn', closed_at: e.at }).execute();
      return;
    case 'AmendmentProposed':
      await db
        .insertInto('amendments')
        .values({
          org_id: orgId,
          amendment_id: e.amendmentId,
          motion_id: e.motionId,
          proposed_by: e.by,
          text: e.text,
          proposed_at: e.at,
          box_id: null,
          adopted: null,
          yes: null,
          no: null,
          abstain: null,
        })
        .execute();
      return;
    case 'AmendmentVotingOpened': {
      await motion(e.motionId)
        .set({ phase: 'amendments', amendments_close_at: e.closesAt })
        .execute();
      const councilId = await councilOf(db, orgId, e.motionId);
      for (const { amendmentId, boxId } of e.boxes) {
        await db
          .updateTable('amendments')
          .set({ box_id: boxId })
          .where('org_id', '=', orgId)
          .where('amendment_id', '=', amendmentId)
          .execute();
        await openBox(db, orgId, {
          box_id: boxId,
          subject_kind: 'amendment',
          subject_id: amendmentId,
          council_id: councilId,
          secret: e.secretBallot,
          roll_size: e.rollSize,
          quorum_percent: e.quorumPercent,
          opens_at: e.at,
          closes_at: e.closesAt,
        });
      }
      return;
    }
    case 'AmendmentVotingClosed':
      for (const r of e.results) {
        await db
          .updateTable('amendments')
          .set({ adopted: r.adopted, yes: r.yes, no: r.no, abstain: r.abstain })
          .where('org_id', '=', orgId)
          .where('amendment_id', '=', r.amendmentId)
          .execute();
      }
      await motion(e.motionId).set({ text: e.text }).execute();
      return;
    case 'MotionVotingOpened': {
      await motion(e.motionId)
        .set({ phase: 'voting', box_id: e.boxId, vote_closes_at: e.closesAt })
        .execute();
      await openBox(db, orgId, {
        box_id: e.boxId,
        subject_kind: 'motion',
        subject_id: e.motionId,
        council_id: await councilOf(db, orgId, e.motionId),
        secret: e.secretBallot,
        roll_size: e.rollSize,
        quorum_percent: e.quorumPercent,
        opens_at: e.at,
        closes_at: e.closesAt,
      });
      return;
    }
    case 'MotionVotingClosed':
      await motion(e.motionId)
        .set({
          phase: e.passed ? 'passed' : 'failed',
          yes: e.yes,
          no: e.no,
          abstain: e.abstain,
          quorum_needed: e.quorumNeeded,
          result_reason: e.reason,
          effect_void: e.effectVoid,
          closed_at: e.at,
        })
        .execute();
      return;
    case 'InstructionIssued':
      await db
        .insertInto('instructions')
        .values({
          org_id: orgId,
          instruction_id: e.instructionId,
          council_id: e.councilId,
          target_motion_id: e.targetMotionId,
          position: e.position,
          issued_at: e.at,
        })
        .execute();
      return;
    case 'BreachRecorded':
      await db
        .insertInto('breaches')
        .values({
          org_id: orgId,
          breach_id: e.breachId,
          mandate_id: e.mandateId,
          member_id: e.memberId,
          council_id: e.councilId,
          motion_id: e.motionId,
          instruction_id: e.instructionId,
          instructed: e.instructed,
          voted: e.voted,
          at: e.at,
        })
        .execute();
      return;
    case 'SpendingAuthorised':
      await db
        .insertInto('spending_authorisations')
        .values({
          org_id: orgId,
          motion_id: e.motionId,
          council_id: e.councilId,
          amount: e.amount,
          currency: e.currency,
          payee: e.payee,
          authorised_at: e.at,
        })
        .execute();
      return;
  }
}

async function councilOf(db: ProjectionDb, orgId: number, motionId: string): Promise<string> {
  const row = await db
    .selectFrom('motions')
    .select('council_id')
    .where('org_id', '=', orgId)
    .where('motion_id', '=', motionId)
    .executeTakeFirstOrThrow();
  return row.council_id;
}
