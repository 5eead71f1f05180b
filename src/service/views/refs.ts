import {
  type BallotBox,
  type Breach,
  type Council,
  type CouncilKind,
  type Election,
  type Mandate,
  type Motion,
  openElectionOf,
  type RecallPetition,
  seatsOf,
} from '../../democracy/index.js';
import type { ViewState } from './names.js';

/**
 * The small references every view is made of: plain JSON values built from the state,
 * with names resolved so a page needs no second lookup. Nothing here reveals a secret
 * ballot: boxes show how many ballots they hold, and open (delegate) votes by name.
 */

/**
 * A person as a view shows them: the opaque id, and the name when the viewer may see it
 * (names.ts); `erased` when their personal data was erased ("former member").
 */
export interface MemberRef {
  readonly id: string;
  readonly name: string | null;
  readonly erased: boolean;
}

export interface CouncilRef {
  readonly id: string;
  readonly name: string;
  readonly kind: CouncilKind;
}

/** A seat group: an office of a council, or a council's delegation to the council above. */
export interface SeatRef {
  readonly groupKey: string;
  readonly kind: 'delegation' | 'office';
  /** The office's name (null for a delegation). */
  readonly office: string | null;
  /** Where the seats sit. */
  readonly council: CouncilRef | null;
  /** Whose voting body elects and may recall the holders. */
  readonly electingCouncil: CouncilRef | null;
  /** "chair of Docks", "delegate of Docks to North". */
  readonly label: string;
}

export interface MandateSummary {
  readonly id: string;
  readonly holder: MemberRef;
  readonly seat: SeatRef;
  readonly electionId: string;
  readonly startAt: number;
  readonly endAt: number;
  /** Consecutive terms on this seat, this one included (rotation). */
  readonly terms: number;
  readonly endedAt: number | null;
  readonly endReason: string | null;
  /** The recall petition or vote now open against it. */
  readonly petitionId: string | null;
}

export interface ElectionSummary {
  readonly id: string;
  readonly seat: SeatRef;
  readonly kind: 'regular' | 'by';
  readonly seats: number;
  readonly phase: Election['phase'];
  readonly nominationsCloseAt: number;
  readonly votingCloseAt: number;
  readonly candidates: number;
  readonly ballots: number;
}

export interface MotionSummary {
  readonly id: string;
  readonly councilId: string;
  readonly title: string;
  readonly kind: Motion['body']['kind'];
  readonly phase: Motion['phase'];
  readonly proposedBy: MemberRef;
  readonly proposedAt: number;
  /** The deadline of the current phase, if it has one. */
  readonly nextDeadline: number | null;
}

export interface PetitionSummary {
  readonly id: string;
  readonly mandateId: string;
  readonly holder: MemberRef;
  readonly seat: SeatRef;
  readonly phase: RecallPetition['phase'];
  readonly signatures: number;
  readonly needed: number;
  readonly windowEndsAt: number;
  readonly voteClosesAt: number | null;
}

export interface BreachView {
  readonly id: string;
  readonly member: MemberRef;
  readonly mandateId: string;
  /** The instructing council: the delegate's constituents. */
  readonly council: CouncilRef | null;
  readonly motionId: string;
  readonly motionTitle: string;
  readonly instructionId: string;
  readonly instructed: string;
  readonly voted: string;
  readonly at: number;
}

/** A ballot box as anyone may see it. */
export interface BoxView {
  readonly id: string;
  readonly secret: boolean;
  readonly rollSize: number;
  readonly cast: number;
  readonly opensAt: number;
  readonly closesAt: number;
  readonly closed: boolean;
  readonly quorumPercent: number;
  /** Open boxes (delegate councils): who voted how. Secret boxes: empty. */
  readonly openVotes: readonly { readonly member: MemberRef; readonly choice: string }[];
  /** Ballots published at the close (secret boxes). */
  readonly published: number;
}

export function memberRef(state: ViewState, id: string): MemberRef {
  const erased = (state.members.get(id)?.erasedAt ?? null) !== null;
  return { id, name: erased ? null : state.names.nameOf(id), erased };
}

export function councilRef(state: ViewState, id: string | null): CouncilRef | null {
  if (id === null) return null;
  const c = state.councils.get(id);
  return c ? { id: c.id, name: c.name, kind: c.kind } : null;
}

export function councilRefOf(c: Council): CouncilRef {
  return { id: c.id, name: c.name, kind: c.kind };
}

export function seatRef(state: ViewState, groupKey: string): SeatRef {
  const g = state.groups.get(groupKey);
  if (!g) {
    return {
      groupKey,
      kind: groupKey.startsWith('d:') ? 'delegation' : 'office',
      office: null,
      council: null,
      electingCouncil: null,
      label: groupKey,
    };
  }
  const council = councilRef(state, g.seatCouncilId);
  const electing = councilRef(state, g.electingCouncilId);
  const label =
    g.kind === 'office'
      ? `${g.office} of ${council?.name ?? g.seatCouncilId}`
      : `delegate of ${electing?.name ?? g.electingCouncilId} to ${council?.name ?? g.seatCouncilId}`;
  return {
    groupKey,
    kind: g.kind,
    office: g.office,
    council,
    electingCouncil: electing,
    label,
  };
}

export function mandateSummary(state: ViewState, m: Mandate): MandateSummary {
  return {
    id: m.id,
    holder: memberRef(state, m.holderId),
    seat: seatRef(state, m.groupKey),
    electionId: m.electionId,
    startAt: m.startAt,
    endAt: m.endAt,
    terms: m.terms,
    endedAt: m.endedAt,
    endReason: m.endReason,
    petitionId: m.petitionId,
  };
}

export function electionSummary(state: ViewState, e: Election): ElectionSummary {
  const box = e.boxId === null ? undefined : state.boxes.get(e.boxId);
  return {
    id: e.id,
    seat: seatRef(state, e.groupKey),
    kind: e.kind,
    seats: e.seats,
    phase: e.phase,
    nominationsCloseAt: e.nominationsCloseAt,
    votingCloseAt: e.votingCloseAt,
    candidates:
      e.phase === 'nominations'
        ? e.nominees.filter((n) => n.accepted && !n.withdrawn).length
        : e.candidates.length,
    ballots: box?.cast ?? 0,
  };
}

export function motionSummary(state: ViewState, m: Motion): MotionSummary {
  const nextDeadline =
    m.phase === 'debate'
      ? m.debateClosesAt
      : m.phase === 'amendments'
        ? m.amendmentsCloseAt
        : m.phase === 'voting'
          ? m.voteClosesAt
          : null;
  return {
    id: m.id,
    councilId: m.councilId,
    title: m.title,
    kind: m.body.kind,
    phase: m.phase,
    proposedBy: memberRef(state, m.proposedBy),
    proposedAt: m.proposedAt,
    nextDeadline,
  };
}

export function petitionSummary(state: ViewState, p: RecallPetition): PetitionSummary {
  const mandate = state.mandates.get(p.mandateId);
  return {
    id: p.id,
    mandateId: p.mandateId,
    holder: memberRef(state, mandate?.holderId ?? ''),
    seat: seatRef(state, mandate?.groupKey ?? ''),
    phase: p.phase,
    signatures: p.signatures.size,
    needed: p.needed,
    windowEndsAt: p.windowEndsAt,
    voteClosesAt: p.voteClosesAt,
  };
}

export function breachView(state: ViewState, b: Breach): BreachView {
  return {
    id: b.id,
    member: memberRef(state, b.memberId),
    mandateId: b.mandateId,
    council: councilRef(state, b.councilId),
    motionId: b.motionId,
    motionTitle: state.motions.get(b.motionId)?.title ?? b.motionId,
    instructionId: b.instructionId,
    instructed: b.instructed,
    voted: b.voted,
    at: b.at,
  };
}

export function boxView(state: ViewState, box: BallotBox): BoxView {
  return {
    id: box.id,
    secret: box.secret,
    rollSize: box.rollSize,
    cast: box.cast,
    opensAt: box.opensAt,
    closesAt: box.closesAt,
    closed: box.closed,
    quorumPercent: box.quorumPercent,
    openVotes: box.secret
      ? []
      : [...box.votes.entries()].map(([id, choice]) => ({
          member: memberRef(state, id),
          choice: String(choice),
        })),
    published: box.published.length,
  };
}

/** A seat group on a council page: its seats, holders, term and open election. */
export interface GroupSeatsView {
  readonly groupKey: string;
  readonly seat: SeatRef;
  /** Seats apportioned now (RULES.md: `max(1, ceil(m / delegateRatio))` for a delegation). */
  readonly seats: number;
  readonly termStartedAt: number | null;
  readonly termEndsAt: number | null;
  readonly holders: readonly MandateSummary[];
  readonly election: ElectionSummary | null;
}

/** A seat group's seats, holders and open election, for council pages. */
export function groupSeats(state: ViewState, groupKey: string): GroupSeatsView | null {
  const g = state.groups.get(groupKey);
  if (!g) return null;
  const open = openElectionOf(g);
  const election = open === null ? undefined : state.elections.get(open);
  return {
    groupKey,
    seat: seatRef(state, groupKey),
    seats: seatsOf(state, g),
    termStartedAt: g.termStartedAt,
    termEndsAt: g.termEndsAt,
    holders: g.sitting.flatMap((id) => {
      const m = state.mandates.get(id);
      return m ? [mandateSummary(state, m)] : [];
    }),
    election: election ? electionSummary(state, election) : null,
  };
}
