import { sql, type UpdateObject } from 'kysely';
import type { MembershipEvent, OrganisationEvent } from '../../democracy/index.js';
import type { DemocracyTables, ProjectionDb } from './tables.js';

/**
 * Projects founding, the council tree and membership (RULES.md, "Organisation and
 * councils", "Membership") into `org_profiles`, `councils` and `members`. Invitations
 * are not projected: the log holds only their token hashes, and no view lists them.
 */
export async function projectOrganisationEvent(
  db: ProjectionDb,
  orgId: number,
  e: OrganisationEvent | MembershipEvent,
): Promise<void> {
  switch (e.kind) {
    case 'OrganisationFounded':
      await db
        .insertInto('org_profiles')
        .values({
          org_id: orgId,
          name: e.name,
          slug: e.slug,
          founded_at: e.at,
          founder_id: e.by,
          root_council_id: e.rootCouncilId,
          constitution: JSON.stringify(e.constitution),
        })
        .execute();
      return;
    case 'CouncilCreated':
      await db
        .insertInto('councils')
        .values({
          org_id: orgId,
          council_id: e.councilId,
          name: e.name,
          kind: e.councilKind,
          parent_id: e.parentId,
          offices: JSON.stringify(e.offices),
          created_at: e.at,
          created_by_motion: e.motionId,
          dissolved_at: null,
          merged_into: null,
        })
        .execute();
      return;
    case 'CouncilMerged':
      await db
        .updateTable('members')
        .set({ council_id: e.intoId })
        .where('org_id', '=', orgId)
        .where('council_id', '=', e.fromId)
        .where('status', '=', 'active')
        .execute();
      await dissolveCouncil(db, orgId, e.fromId, e.at, e.intoId);
      return;
    case 'CouncilDissolved':
      await dissolveCouncil(db, orgId, e.councilId, e.at, null);
      return;
    case 'ConstitutionAmended':
      await db
        .updateTable('org_profiles')
        .set({
          constitution: sql<string>`constitution || ${JSON.stringify({ [e.parameter]: e.value })}::jsonb`,
        })
        .where('org_id', '=', orgId)
        .execute();
      return;
    case 'MemberInvited':
      return;
    case 'MemberJoined':
      await db
        .insertInto('members')
        .values({
          org_id: orgId,
          member_id: e.memberId,
          council_id: e.councilId,
          status: 'active',
          joined_at: e.at,
          invitation_id: e.invitationId,
          ended_at: null,
          expelled_by_motion: null,
          erased_at: null,
        })
        .execute();
      return;
    case 'MemberErased':
      return updateMember(db, orgId, e.memberId, { erased_at: e.at });
    case 'MemberLeft':
      return updateMember(db, orgId, e.memberId, { status: 'left', ended_at: e.at });
    case 'MemberExpelled':
      return updateMember(db, orgId, e.memberId, {
        status: 'expelled',
        ended_at: e.at,
        expelled_by_motion: e.motionId,
      });
    case 'MemberTransferred':
      return updateMember(db, orgId, e.memberId, { council_id: e.toId });
  }
}

/** Sets columns of one member's row. */
async function updateMember(
  db: ProjectionDb,
  orgId: number,
  memberId: string,
  set: UpdateObject<DemocracyTables, 'members'>,
): Promise<void> {
  await db
    .updateTable('members')
    .set(set)
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .execute();
}

/**
 * A council is dissolved (or merged): a delegate council's children move to its parent,
 * as `evolve` does (democracy/evolve.ts, `dissolve`).
 */
async function dissolveCouncil(
  db: ProjectionDb,
  orgId: number,
  councilId: string,
  at: number,
  mergedInto: string | null,
): Promise<void> {
  const council = await db
    .selectFrom('councils')
    .select('parent_id')
    .where('org_id', '=', orgId)
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  if (council?.parent_id) {
    await db
      .updateTable('councils')
      .set({ parent_id: council.parent_id })
      .where('org_id', '=', orgId)
      .where('parent_id', '=', councilId)
      .execute();
  }
  await db
    .updateTable('councils')
    .set({ dissolved_at: at, merged_into: mergedInto })
    .where('org_id', '=', orgId)
    .where('council_id', '=', councilId)
    .execute();
}
