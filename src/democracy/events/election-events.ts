import type { CountReport } from '../../counting/index.js';
import type { PersonalFact } from '../personal.js';
import type { Election } from '../state.js';

/** Elections (RULES.md, Elections). */
export interface ElectionOpened {
  readonly kind: 'ElectionOpened';
  readonly at: number;
  readonly electionId: string;
  readonly groupKey: string;
  /** regular: the next term; by: a vacancy, for the rest of the term. */
  readonly electionKind: Election['kind'];
  readonly seats: number;
  readonly method: Election['method'];
  readonly nominationsCloseAt: number;
  readonly votingCloseAt: number;
  readonly mandateEndsAt: number;
  readonly maxConsecutiveTerms: number;
  readonly maxConcurrentMandates: number;
}

export interface ElectionDeferred {
  readonly kind: 'ElectionDeferred';
  readonly at: number;
  readonly groupKey: string;
}

export interface CandidateNominated {
  readonly kind: 'CandidateNominated';
  readonly at: number;
  readonly by: string;
  readonly electionId: string;
  readonly candidateId: string;
}

export interface NominationAccepted {
  readonly kind: 'NominationAccepted';
  readonly at: number;
  readonly by: string;
  readonly electionId: string;
  /**
   * SHA-256(salt ‖ name) of the name the candidate stands under (democracy/personal.ts),
   * or null when the caller gave none; the name lives in the private member directory.
   */
  readonly nameCommitment: string | null;
  /** The name and salt, for the directory: never logged, never replayed. */
  readonly personal?: readonly PersonalFact[];
}

export interface CandidacyWithdrawn {
  readonly kind: 'CandidacyWithdrawn';
  readonly at: number;
  readonly electionId: string;
  readonly candidateId: string;
  readonly reason: 'declined' | 'withdrew' | 'left' | 'ineligible';
}

export interface VotingOpened {
  readonly kind: 'VotingOpened';
  readonly at: number;
  readonly electionId: string;
  /** The candidates in ballot order; a ballot ranks indexes into this list. */
  readonly candidates: readonly string[];
  readonly boxId: string;
  readonly rollSize: number;
}

export interface ElectionLapsed {
  readonly kind: 'ElectionLapsed';
  readonly at: number;
  readonly electionId: string;
}

export interface ElectionCounted {
  readonly kind: 'ElectionCounted';
  readonly at: number;
  readonly electionId: string;
  readonly elected: readonly string[];
  /** True when no more candidates stood than seats: all were elected without a count. */
  readonly unopposed: boolean;
  /** The count stage by stage (null when unopposed). */
  readonly report: CountReport | null;
}

export type ElectionEvent =
  | ElectionOpened
  | ElectionDeferred
  | CandidateNominated
  | NominationAccepted
  | CandidacyWithdrawn
  | VotingOpened
  | ElectionLapsed
  | ElectionCounted;

export const electionEventMeanings: Readonly<Record<ElectionEvent['kind'], string>> = {
  ElectionOpened:
    'An election opened automatically for a seat group (its term is about to end, a seat is vacant, or a member called it for a vacancy); every deadline is fixed here.',
  ElectionDeferred:
    'A regular election came due but its electing body had nobody in it; it opens when someone joins.',
  CandidateNominated: 'A member of the electing body nominated a candidate (themself included).',
  NominationAccepted:
    'The nominee accepted and passed the rotation checks; `nameCommitment` commits to the name they stand under.',
  CandidacyWithdrawn:
    'A nomination was declined, withdrawn, or dropped because the candidate left or became ineligible.',
  VotingOpened:
    'Nominations closed and voting opened: the candidates are fixed, the ballot box is opened and the roll (the voting body now) is fixed.',
  ElectionLapsed: 'Nominations closed with no candidate: the seats stay vacant.',
  ElectionCounted:
    'The count after the close of voting (IRV for one seat, STV for several; ties drawn from the closing checkpoint), or the unopposed result.',
};
