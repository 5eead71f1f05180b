/**
 * A ballot profile: the candidates of one election and its ranked ballots, packed for
 * counting. Ballots with the same ranking should be aggregated into one line with a
 * weight (the file formats do this; `profileFromBallots` does it too), because every
 * counter works per line, never per voter.
 */

/** A candidate, as the count and its report name them. `id` is unique in a profile. */
export interface Candidate {
  /** Stable identifier: the domain's candidate id, or the name read from a file. */
  readonly id: string;
  /** Display name (a file's candidate name; the id when nothing better is known). */
  readonly name: string;
}

/**
 * Flag on an entry of `PackedBallots.marks`: this candidate has the same rank as the
 * entry before it (a tie, or in a US cast-vote record an overvote). Without the flag an
 * entry starts a new, lower rank.
 */
export const TIED_WITH_PREVIOUS = 0x8000;
/** Mask of the candidate index in an entry of `PackedBallots.marks`. */
export const CANDIDATE_MASK = 0x7fff;
/** Most candidates a profile may have (the index must fit `CANDIDATE_MASK`). */
export const MAX_CANDIDATES = 0x7fff;

/**
 * Ballot lines packed into typed arrays (one allocation each, whatever the number of
 * ballots). Line `i` ranks `marks[offsets[i]] … marks[offsets[i+1] - 1]`, most preferred
 * first, and stands for `weights[i]` identical ballots. Each mark is a 0-based candidate
 * index, optionally OR-ed with `TIED_WITH_PREVIOUS`. Invariants: a candidate appears at
 * most once per line; weights are positive whole numbers; a line may be empty (a blank
 * ballot, counted in the total but transferring to nobody).
 */
export interface PackedBallots {
  /** Number of ballot lines. */
  readonly lines: number;
  readonly weights: Float64Array;
  /** Length `lines + 1`; `offsets[0] = 0`. */
  readonly offsets: Uint32Array;
  readonly marks: Uint16Array;
}

/** One election's candidates and ballots. Immutable by contract. */
export interface BallotProfile {
  readonly kind: 'BallotProfile';
  /** The election's title (a `.blt` file's last line); may be empty. */
  readonly title: string;
  readonly candidates: readonly Candidate[];
  /** Seats to fill, as the source says (a `.blt` header; 1 when the source does not say). */
  readonly seats: number;
  /**
   * Indices of withdrawn candidates: they take no part in the count, and ballots skip
   * them as if they were not there (the `.blt` convention of negative candidate numbers).
   */
  readonly withdrawn: readonly number[];
  readonly ballots: PackedBallots;
}

/**
 * A ballot as the domain gives it: candidate ids, most preferred first. An inner array is
 * a group of candidates ranked equal (only Schulze and approval give ties a meaning;
 * STV and IRV treat a ballot as used up when it reaches a tie, as an overvote).
 */
export type Ranking = readonly (string | readonly string[])[];

/** A ranking, or a ranking standing for `weight` identical ballots. */
export type RankedBallot = Ranking | { readonly ranking: Ranking; readonly weight: number };

/** Input of `profileFromBallots`. */
export interface ProfileInput {
  /** Candidate ids (or full candidates), in the order the report will list them. */
  readonly candidates: readonly (string | Candidate)[];
  readonly ballots: readonly RankedBallot[];
  readonly seats?: number;
  readonly title?: string;
  /** Ids of withdrawn candidates. */
  readonly withdrawn?: readonly string[];
}
