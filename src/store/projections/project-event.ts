import type { Kysely } from 'kysely';
import type {
  BallotEvent,
  DemocracyEvent,
  ElectionEvent,
  MandateEvent,
  MembershipEvent,
  MotionEvent,
  OrganisationEvent,
  RecallEvent,
} from '../../democracy/index.js';
import type { ProjectionContext } from '../domain.js';
import type { StoreDatabase } from '../schema.js';
import { projectElectionEvent } from './election-projection.js';
import { projectMotionEvent } from './motion-projection.js';
import { projectOrganisationEvent } from './organisation-projection.js';
import { projectRecallEvent } from './recall-projection.js';
import type { DemocracyTables } from './tables.js';
import { projectTreasuryEvent } from './treasury-projection.js';

type Area = 'organisation' | 'election' | 'recall' | 'motion';

/** The events of the councils' democracy (RULES.md), which this module projects. */
type CouncilEvent =
  | OrganisationEvent
  | MembershipEvent
  | ElectionEvent
  | MandateEvent
  | BallotEvent
  | RecallEvent
  | MotionEvent;

/**
 * The projection module of every council event kind: a new kind of these areas is a
 * type error until it is placed. Events of other contexts on the same log (treasury,
 * participatory budgets) are not projected here.
 */
const AREA: Readonly<Record<CouncilEvent['kind'], Area>> = {
  OrganisationFounded: 'organisation',
  CouncilCreated: 'organisation',
  CouncilMerged: 'organisation',
  CouncilDissolved: 'organisation',
  ConstitutionAmended: 'organisation',
  MemberInvited: 'organisation',
  MemberJoined: 'organisation',
  MemberLeft: 'organisation',
  MemberTransferred: 'organisation',
  MemberExpelled: 'organisation',
  MemberErased: 'organisation',
  ElectionOpened: 'election',
  ElectionDeferred: 'election',
  CandidateNominated: 'election',
  NominationAccepted: 'election',
  CandidacyWithdrawn: 'election',
  VotingOpened: 'election',
  ElectionLapsed: 'election',
  ElectionCounted: 'election',
  MandateGranted: 'election',
  MandateEnded: 'election',
  BallotCast: 'election',
  VoteCast: 'election',
  BallotBoxClosed: 'election',
  BallotsPublished: 'election',
  RecallPetitionOpened: 'recall',
  RecallPetitionSigned: 'recall',
  RecallPetitionLapsed: 'recall',
  RecallVoteOpened: 'recall',
  RecallVoteClosed: 'recall',
  MotionProposed: 'motion',
  MotionSeconded: 'motion',
  DebateOpened: 'motion',
  MotionWithdrawn: 'motion',
  AmendmentProposed: 'motion',
  AmendmentVotingOpened: 'motion',
  AmendmentVotingClosed: 'motion',
  MotionVotingOpened: 'motion',
  MotionVotingClosed: 'motion',
  InstructionIssued: 'motion',
  BreachRecorded: 'motion',
  SpendingAuthorised: 'motion',
};

/**
 * The democracy domain's `project` (store/domain.ts): writes one event's projection rows
 * inside the append transaction `tx`. Deterministic in the events alone (and the rows
 * earlier events wrote), so a replay from the log rebuilds the same rows (`soviet fsck`).
 */
export async function projectDemocracyEvent(
  tx: Kysely<StoreDatabase>,
  event: DemocracyEvent,
  at: ProjectionContext,
): Promise<void> {
  // The treasury's and budgets' tables (treasury-projection.ts; nothing for other events).
  await projectTreasuryEvent(tx, event, at);
  const db = tx.withTables<DemocracyTables>();
  const area: Area | undefined = (AREA as Readonly<Record<string, Area>>)[event.kind];
  switch (area) {
    case 'organisation':
      return projectOrganisationEvent(db, at.orgId, event as OrganisationEvent | MembershipEvent);
    case 'election':
      return projectElectionEvent(
        db,
        at.orgId,
        event as ElectionEvent | MandateEvent | BallotEvent,
      );
    case 'recall':
      return projectRecallEvent(db, at.orgId, event as RecallEvent);
    case 'motion':
      return projectMotionEvent(db, at.orgId, event as MotionEvent);
    default:
      // Another context's event (treasury, budgets): nothing in these tables follows from it.
      return;
  }
}
