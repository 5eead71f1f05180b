import { type ActsState, emptyActs } from './acts-state.js';
import { type Constitution, DEFAULT_CONSTITUTION, type MultiSeatMethod } from './constitution.js';
import type { MotionBody } from './motion-body.js';
import { PMap } from './pmap.js';
import { emptyTreasury, type TreasuryState } from './treasury-state.js';

/**
 * The state of one organisation (the aggregate: one log, one state). Immutable: every
 * collection is a persistent `PMap`, so `evolve` copies only what an event touches.
 * Partitioned by council where it matters (each base council holds its own member set).
 *
 * Identifiers are assigned by `decide` from the counters (`m1`, `c3`, `e12`, …), so a
 * replay of the same events gives the same ids.
 */
export interface OrgState {
  readonly org: Organisation | null;
  readonly constitution: Constitution;
  readonly counters: Counters;
  readonly councils: PMap<Council>;
  readonly members: PMap<Member>;
  readonly invitations: PMap<Invitation>;
  /** Invitation id by SHA-256 (hex) of its token. */
  readonly invitationByHash: PMap<string>;
  readonly groups: PMap<SeatGroup>;
  readonly mandates: PMap<Mandate>;
  /** Rotation record by `${memberId}|${groupKey}`. */
  readonly tenures: PMap<Tenure>;
  readonly elections: PMap<Election>;
  readonly boxes: PMap<BallotBox>;
  readonly petitions: PMap<RecallPetition>;
  readonly motions: PMap<Motion>;
  readonly amendments: PMap<Amendment>;
  /** Standing instructions by `${targetMotionId}|${issuingCouncilId}`. */
  readonly instructions: PMap<Instruction>;
  readonly breaches: PMap<Breach>;
  /** The agenda: every pending deadline, keyed so that key order is processing order. */
  readonly timers: PMap<Timer>;
  /** Ledgers, spending authorisations and participatory budgets (treasury-state.ts). */
  readonly treasury: TreasuryState;
  /** Read tokens the organisation granted by motion (record access under `members`). */
  readonly readGrants: PMap<ReadGrant>;
  /** Members' signing keys and recently accepted acts (acts.ts). */
  readonly acts: ActsState;
}

/**
 * A read token granted by a passed `readAccess` motion of the congress (a mirror, an
 * auditor, a witness): its holder may read the record while the constitution keeps it
 * to members. Only the token's SHA-256 is known; the proposer was handed the token.
 */
export interface ReadGrant {
  readonly id: string;
  readonly label: string;
  readonly tokenHash: string;
  readonly grantedAt: number;
  readonly revokedAt: number | null;
}

export interface Organisation {
  readonly name: string;
  readonly slug: string;
  readonly foundedAt: number;
  readonly rootCouncilId: string;
}

export type IdKind =
  | 'council'
  | 'member'
  | 'invitation'
  | 'election'
  | 'mandate'
  | 'box'
  | 'petition'
  | 'motion'
  | 'amendment'
  | 'breach';

export type Counters = Readonly<Record<IdKind, number>>;

export const ID_PREFIX: Readonly<Record<IdKind, string>> = {
  council: 'c',
  member: 'm',
  invitation: 'i',
  election: 'e',
  mandate: 'd',
  box: 'b',
  petition: 'p',
  motion: 'mo',
  amendment: 'a',
  breach: 'br',
};

export type CouncilKind = 'base' | 'delegate';

export interface Council {
  readonly id: string;
  readonly name: string;
  readonly kind: CouncilKind;
  readonly parentId: string | null;
  readonly childIds: readonly string[];
  /**
   * Children dissolved or merged away (issue 14): their delegates keep their seats here
   * until the term ends or a recall, and count in the voting body until then.
   */
  readonly formerChildIds: readonly string[];
  readonly offices: readonly string[];
  /** Base council: its members (a set). Empty for a delegate council. */
  readonly members: PMap<true>;
  /** Members in the subtree (for a base council: its members), for apportionment. */
  readonly subtree: number;
  readonly createdAt: number;
  readonly dissolvedAt: number | null;
}

export type MemberStatus = 'active' | 'left' | 'expelled';

/**
 * A member as the record knows them: an opaque id. Names live in the private member
 * directory (store), never in the state or on the log (docs/design/record.md).
 */
export interface Member {
  readonly id: string;
  /** The base council (the last one, once the member has gone). */
  readonly councilId: string;
  readonly joinedAt: number;
  readonly status: MemberStatus;
  /** Sitting mandates. */
  readonly mandates: readonly string[];
  /** Open elections in which the member is an accepted candidate. */
  readonly candidacies: readonly string[];
  /** When their personal data was erased (MemberErased), or null. */
  readonly erasedAt: number | null;
}

export interface Invitation {
  readonly id: string;
  readonly councilId: string;
  readonly invitedBy: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  readonly usedBy: string | null;
}

export type GroupKind = 'delegation' | 'office';

/**
 * A seat group: the seats one electing body fills together for one term. A delegation
 * (`d:<child>`) is the child council's delegate seats in its parent; an office
 * (`o:<council>:<office>`) is one seat filled by the council's voting body.
 */
export interface SeatGroup {
  readonly key: string;
  readonly kind: GroupKind;
  /** Whose voting body elects (and may recall) the holders. */
  readonly electingCouncilId: string;
  /** Where the seats sit: the parent council (delegation) or the council itself (office). */
  readonly seatCouncilId: string;
  readonly office: string | null;
  /** Start and end of the current term (null before the first regular election). */
  readonly termStartedAt: number | null;
  readonly termEndsAt: number | null;
  readonly sitting: readonly string[];
  readonly regularElectionId: string | null;
  readonly byElectionId: string | null;
  /** The last election ended with seats unfilled for lack of candidates. */
  readonly short: boolean;
  readonly retired: boolean;
  /** When the next regular election is due to open (its agenda entry), if scheduled. */
  readonly dueAt: number | null;
}

export type MandateEndReason =
  | 'expired'
  | 'recalled'
  | 'resigned'
  | 'left'
  | 'expelled'
  | 'transferred'
  | 'council-dissolved'
  /** A mandate it depended on ended: its holder left the voting body that gave it. */
  | 'basis-ended';

export interface Mandate {
  readonly id: string;
  readonly holderId: string;
  readonly groupKey: string;
  readonly electionId: string;
  readonly startAt: number;
  readonly endAt: number;
  /** Consecutive terms on this seat including this one (rotation). */
  readonly terms: number;
  readonly endedAt: number | null;
  readonly endReason: MandateEndReason | null;
  /** Open recall petition or vote against this mandate. */
  readonly petitionId: string | null;
  /** When the last recall vote against it failed (cooldown). */
  readonly recallFailedAt: number | null;
}

export interface Tenure {
  readonly terms: number;
  readonly sitting: boolean;
  readonly lastEndAt: number | null;
  /** maxConsecutiveTerms in force when the last mandate was granted. */
  readonly limit: number;
}

export type ElectionPhase = 'nominations' | 'voting' | 'closed';

export interface Nominee {
  readonly memberId: string;
  readonly nominatedBy: string;
  readonly accepted: boolean;
  readonly withdrawn: boolean;
}

export interface Election {
  readonly id: string;
  readonly groupKey: string;
  readonly electingCouncilId: string;
  readonly kind: 'regular' | 'by';
  readonly seats: number;
  readonly method: 'irv' | MultiSeatMethod;
  readonly openedAt: number;
  readonly nominationsCloseAt: number;
  readonly votingCloseAt: number;
  readonly mandateEndsAt: number;
  readonly maxConsecutiveTerms: number;
  readonly maxConcurrentMandates: number;
  readonly phase: ElectionPhase;
  readonly nominees: readonly Nominee[];
  /** Fixed when voting opens: accepted candidates, in id order. */
  readonly candidates: readonly string[];
  readonly boxId: string | null;
  readonly elected: readonly string[] | null;
}

export type BoxSubject =
  | { readonly kind: 'election'; readonly id: string }
  | { readonly kind: 'motion'; readonly id: string }
  | { readonly kind: 'amendment'; readonly id: string }
  | { readonly kind: 'recall'; readonly id: string };

export type Choice = 'yes' | 'no' | 'abstain';
export type RecallChoice = 'recall' | 'keep' | 'abstain';
/** An election ballot: candidate indexes into `Election.candidates`, most preferred first. */
export type BallotContent = readonly number[] | Choice | RecallChoice;

export interface PublishedBallot {
  readonly receipt: string;
  readonly ballot: BallotContent;
}

/**
 * A ballot box. Secret boxes (base councils, elections) keep who voted and the sealed
 * ballots in events' secrets until the close publishes the ballots by receipt; open
 * boxes (delegate councils) record each vote with the voter's name.
 */
export interface BallotBox {
  readonly id: string;
  readonly subject: BoxSubject;
  readonly councilId: string;
  readonly secret: boolean;
  /** The roll, fixed when the box opens (RULES.md: the voting body at that moment). */
  readonly roll: PMap<true>;
  readonly rollSize: number;
  readonly opensAt: number;
  readonly closesAt: number;
  readonly cast: number;
  /** Who has voted (secret boxes: known only with the events' secrets). */
  readonly voted: PMap<true>;
  /** Secret boxes: sealed ballots by receipt. */
  readonly sealed: PMap<BallotContent>;
  /** Open boxes: votes by voter. */
  readonly votes: PMap<BallotContent>;
  /** Turnout needed, in % of the roll (fixed when the box opens; 0 for elections). */
  readonly quorumPercent: number;
  readonly closed: boolean;
  readonly published: readonly PublishedBallot[];
}

export type PetitionPhase = 'petition' | 'vote' | 'lapsed' | 'recalled' | 'kept' | 'moot';

export interface RecallPetition {
  readonly id: string;
  readonly mandateId: string;
  readonly electingCouncilId: string;
  readonly openedBy: string;
  readonly reason: string;
  readonly breachIds: readonly string[];
  readonly openedAt: number;
  readonly windowEndsAt: number;
  /** Signatures needed, fixed when the petition opens (≥ 2: the opener and one other). */
  readonly needed: number;
  readonly signatures: PMap<true>;
  readonly phase: PetitionPhase;
  readonly boxId: string | null;
  readonly voteClosesAt: number | null;
}

export type MotionPhase =
  | 'proposed'
  | 'debate'
  | 'amendments'
  | 'voting'
  | 'passed'
  | 'failed'
  | 'withdrawn';

export interface Motion {
  readonly id: string;
  readonly councilId: string;
  readonly proposedBy: string;
  readonly title: string;
  readonly text: string;
  readonly body: MotionBody;
  readonly proposedAt: number;
  readonly seconders: readonly string[];
  readonly secondersNeeded: number;
  readonly phase: MotionPhase;
  readonly debateClosesAt: number | null;
  readonly amendmentIds: readonly string[];
  readonly amendmentsCloseAt: number | null;
  readonly boxId: string | null;
  readonly voteClosesAt: number | null;
}

export interface Amendment {
  readonly id: string;
  readonly motionId: string;
  readonly proposedBy: string;
  readonly text: string;
  readonly proposedAt: number;
  readonly boxId: string | null;
  readonly adopted: boolean | null;
}

export interface Instruction {
  /** The motion of the issuing council that passed it. */
  readonly id: string;
  readonly councilId: string;
  readonly targetMotionId: string;
  readonly position: Choice;
  readonly issuedAt: number;
}

export interface Breach {
  readonly id: string;
  readonly mandateId: string;
  readonly memberId: string;
  readonly councilId: string;
  readonly motionId: string;
  readonly instructionId: string;
  readonly instructed: Choice;
  /** `none`: on the roll and did not vote. */
  readonly voted: Choice | 'none';
  readonly at: number;
}

export type TimerKind =
  | 'mandate-expiry'
  | 'petition-window'
  | 'recall-vote'
  | 'nominations'
  | 'voting'
  | 'debate'
  | 'amendments'
  | 'motion-vote'
  | 'regular-due'
  | 'round-proposals'
  | 'round-voting';

/**
 * Order among deadlines at the same instant: a term expires before the election that
 * replaces it is counted, so that outgoing and incoming holders never overlap.
 */
const TIMER_ORDER: Readonly<Record<TimerKind, number>> = {
  'mandate-expiry': 0,
  'petition-window': 1,
  'recall-vote': 2,
  nominations: 3,
  voting: 4,
  debate: 5,
  amendments: 6,
  'motion-vote': 7,
  'regular-due': 8,
  'round-proposals': 9,
  'round-voting': 10,
};

export interface Timer {
  readonly at: number;
  readonly kind: TimerKind;
  readonly ref: string;
}

/** The agenda key of a deadline: its time, then its kind's order, then the subject id. */
export function timerKey(at: number, kind: TimerKind, ref: string): string {
  return `${String(at).padStart(16, '0')}|${TIMER_ORDER[kind]}|${ref}`;
}

export function initialState(): OrgState {
  return {
    org: null,
    constitution: DEFAULT_CONSTITUTION,
    counters: {
      council: 0,
      member: 0,
      invitation: 0,
      election: 0,
      mandate: 0,
      box: 0,
      petition: 0,
      motion: 0,
      amendment: 0,
      breach: 0,
    },
    councils: PMap.empty(),
    members: PMap.empty(),
    invitations: PMap.empty(),
    invitationByHash: PMap.empty(),
    groups: PMap.empty(),
    mandates: PMap.empty(),
    tenures: PMap.empty(),
    elections: PMap.empty(),
    boxes: PMap.empty(),
    petitions: PMap.empty(),
    motions: PMap.empty(),
    amendments: PMap.empty(),
    instructions: PMap.empty(),
    breaches: PMap.empty(),
    timers: PMap.empty(),
    treasury: emptyTreasury(),
    readGrants: PMap.empty(),
    acts: emptyActs(),
  };
}
