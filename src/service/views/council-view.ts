import {
  type Council,
  delegationKey,
  democracyError,
  lineage,
  officeKey,
  votingBodySize,
} from '../../democracy/index.js';
import type { ViewState } from './names.js';
import {
  type BreachView,
  breachView,
  type CouncilRef,
  councilRefOf,
  type ElectionSummary,
  electionSummary,
  type GroupSeatsView,
  groupSeats,
  type MemberRef,
  type MotionSummary,
  memberRef,
  motionSummary,
  type PetitionSummary,
  petitionSummary,
} from './refs.js';

/** A standing instruction a council gave its delegates (RULES.md, Mandated delegation). */
export interface InstructionView {
  /** The instruction motion that passed. */
  readonly id: string;
  readonly targetMotionId: string;
  readonly targetTitle: string;
  readonly position: string;
  readonly issuedAt: number;
}

/** How many closed elections a council's page lists. */
export const PAST_ELECTIONS_LIMIT = 20;

/** A closed election on a council's page, with its result. */
export interface PastElectionView extends ElectionSummary {
  /** The deadline at which it closed: close of voting, or of nominations if it lapsed then. */
  readonly closedAt: number;
  /** Who was elected (empty when it lapsed). */
  readonly elected: readonly MemberRef[];
}

/** A council's page. */
export interface CouncilView extends CouncilRef {
  readonly createdAt: number;
  readonly dissolvedAt: number | null;
  /** The councils above, the congress first. */
  readonly path: readonly CouncilRef[];
  readonly parent: CouncilRef | null;
  readonly children: readonly (CouncilRef & { readonly members: number })[];
  /** Members in the subtree (a base council: its members). */
  readonly memberCount: number;
  /** Its voting body: members (base council) or sitting delegates (delegate council). */
  readonly votingBodySize: number;
  /** Base council: its members, by id. */
  readonly members: readonly MemberRef[];
  /** Delegate council: its delegates and the council that sent each. */
  readonly delegates: readonly {
    readonly member: MemberRef;
    readonly from: CouncilRef;
    readonly mandateId: string;
  }[];
  readonly offices: readonly GroupSeatsView[];
  /** Its delegation to the council above (null for the congress). */
  readonly delegation: GroupSeatsView | null;
  /** Open elections this council's voting body holds. */
  readonly elections: readonly ElectionSummary[];
  /** Closed elections its voting body held, most recent first (at most PAST_ELECTIONS_LIMIT). */
  readonly pastElections: readonly PastElectionView[];
  /** Its motions, newest first. */
  readonly motions: readonly MotionSummary[];
  /** Open recall petitions and votes its voting body holds. */
  readonly petitions: readonly PetitionSummary[];
  /** Instructions it gave its delegates. */
  readonly instructions: readonly InstructionView[];
  /** Breaches of its instructions by its delegates. */
  readonly breaches: readonly BreachView[];
}

/** Builds a council's page from the state. Throws COUNCIL_UNKNOWN. */
export function councilView(state: ViewState, councilId: string): CouncilView {
  const c = state.councils.get(councilId);
  if (!c) throw democracyError('COUNCIL_UNKNOWN', { councilId });
  const path = lineage(state, c.id).slice(1).reverse().map(councilRefOf);
  const parent = c.parentId === null ? undefined : state.councils.get(c.parentId);
  const delegates: CouncilView['delegates'][number][] = [];
  if (c.kind === 'delegate') {
    for (const childId of c.childIds) {
      const child = state.councils.get(childId) as Council;
      for (const mandateId of state.groups.get(delegationKey(childId))?.sitting ?? []) {
        const m = state.mandates.get(mandateId);
        if (m)
          delegates.push({
            member: memberRef(state, m.holderId),
            from: councilRefOf(child),
            mandateId,
          });
      }
    }
  }
  const elections = [...state.elections.values()]
    .filter((e) => e.electingCouncilId === c.id && e.phase !== 'closed')
    .map((e) => electionSummary(state, e));
  const pastElections = [...state.elections.values()]
    .filter((e) => e.electingCouncilId === c.id && e.phase === 'closed')
    .map((e, order) => ({
      e,
      order,
      closedAt: e.boxId === null ? e.nominationsCloseAt : e.votingCloseAt,
    }))
    .sort((a, b) => b.closedAt - a.closedAt || b.order - a.order)
    .slice(0, PAST_ELECTIONS_LIMIT)
    .map(({ e, closedAt }) => ({
      ...electionSummary(state, e),
      closedAt,
      elected: (e.elected ?? []).map((id) => memberRef(state, id)),
    }));
  const motions = [...state.motions.values()]
    .filter((m) => m.councilId === c.id)
    .reverse()
    .map((m) => motionSummary(state, m));
  const petitions = [...state.petitions.values()]
    .filter((p) => p.electingCouncilId === c.id && (p.phase === 'petition' || p.phase === 'vote'))
    .map((p) => petitionSummary(state, p));
  const instructions = [...state.instructions.values()]
    .filter((i) => i.councilId === c.id)
    .map((i) => ({
      id: i.id,
      targetMotionId: i.targetMotionId,
      targetTitle: state.motions.get(i.targetMotionId)?.title ?? i.targetMotionId,
      position: i.position,
      issuedAt: i.issuedAt,
    }));
  const breaches = [...state.breaches.values()]
    .filter((b) => b.councilId === c.id)
    .map((b) => breachView(state, b));
  return {
    ...councilRefOf(c),
    createdAt: c.createdAt,
    dissolvedAt: c.dissolvedAt,
    path,
    parent: parent ? councilRefOf(parent) : null,
    children: c.childIds.flatMap((id) => {
      const child = state.councils.get(id);
      return child ? [{ ...councilRefOf(child), members: child.subtree }] : [];
    }),
    memberCount: c.subtree,
    votingBodySize: votingBodySize(state, c.id),
    members: [...c.members.keys()].map((id) => memberRef(state, id)),
    delegates,
    offices: c.offices.flatMap((o) => {
      const g = groupSeats(state, officeKey(c.id, o));
      return g ? [g] : [];
    }),
    delegation: c.parentId === null ? null : groupSeats(state, delegationKey(c.id)),
    elections,
    pastElections,
    motions,
    petitions,
    instructions,
    breaches,
  };
}
