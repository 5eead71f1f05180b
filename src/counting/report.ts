/**
 * What a count produces: the result and the proof of it, stage by stage. All vote
 * figures are whole numbers in units of `1 / scale` of a vote (Scottish STV: 1e-5,
 * because its rules truncate values to five decimal places; Meek: 1e-9; IRV, approval
 * and Schulze: whole votes), so that the report is exact and anyone can re-add it.
 */
import type { Candidate } from './profile.js';

/** The counting rules this module implements. */
export type CountMethod = 'scottish-stv' | 'meek' | 'irv' | 'schulze' | 'approval';

export const COUNT_METHODS: readonly CountMethod[] = [
  'scottish-stv',
  'meek',
  'irv',
  'schulze',
  'approval',
];

/** Options of `countElection`. */
export interface CountOptions {
  /** Default: `scottish-stv` when more than one seat is filled, `irv` for one seat. */
  readonly method?: CountMethod;
  /** Seats to fill; default: the profile's `seats`. */
  readonly seats?: number;
  /**
   * Seed of the draw for ties that the rules leave to lot (the domain passes the
   * log's checkpoint root hash). The same seed always draws the same lots. Default: ''.
   */
  readonly seed?: string;
}

/** A tie the rules left to lot, and how the seeded draw settled it. */
export interface LotDrawn {
  readonly kind: 'LotDrawn';
  /** Stage at which the lot was drawn (0 when the count has no stages, e.g. Schulze). */
  readonly stage: number;
  /** What the lot decided: who is excluded, whose surplus goes first, who is elected, who ranks higher. */
  readonly purpose: 'exclude' | 'surplus-order' | 'elect' | 'rank';
  readonly among: readonly string[];
  readonly chosen: string;
}

/** Why a candidate was elected or excluded, in the words of the rules applied. */
export type CandidateEvent =
  | {
      readonly kind: 'Elected';
      readonly candidate: string;
      /** quota: reached the quota; last-seats: as many continuing candidates as seats left; majority: IRV majority or the single-seat rule that nobody can catch up; highest: most votes (approval, Schulze). */
      readonly reason: 'quota' | 'last-seats' | 'majority' | 'highest';
    }
  | {
      readonly kind: 'Excluded';
      readonly candidate: string;
      /** lowest: fewest votes; bulk: excluded together because they could not catch up. */
      readonly reason: 'lowest' | 'bulk';
    };

/** What a stage did. */
export type StageAction =
  | { readonly kind: 'FirstPreferences' }
  | {
      readonly kind: 'SurplusTransfer';
      readonly candidate: string;
      /** Surplus transferred, in units. */
      readonly surplus: number;
      /** Transfer value applied to a paper of value 1, in units (Scottish rule 48: surplus over value of papers, truncated). */
      readonly transferValue: number;
    }
  | { readonly kind: 'Exclusion'; readonly candidates: readonly string[] }
  /** Meek: keep values recomputed until the surpluses converge (HWW 1987 step 2). */
  | {
      readonly kind: 'MeekIteration';
      readonly iterations: number;
      readonly keepValues: readonly number[];
    };

/**
 * One stage of a count. Conservation (checked by `checkConservation`):
 * `sum(votes) + nonTransferable + lostToRounding === total` at every stage.
 */
export interface CountStage {
  readonly number: number;
  readonly action: StageAction;
  /** Votes of each candidate after the stage, indexed like `CountReport.candidates`. */
  readonly votes: readonly number[];
  /** Votes changed by this stage (the transfer made), indexed like `votes`. */
  readonly transfers: readonly number[];
  /** Cumulative votes on papers with no further usable preference (exhausted). */
  readonly nonTransferable: number;
  /** Cumulative fractions lost by truncating values to the rules' precision. */
  readonly lostToRounding: number;
  /** The total every stage must add up to: the valid vote at the start, in units. */
  readonly total: number;
  /** The quota in force at this stage, in units (Meek's quota falls stage by stage). */
  readonly quota: number | null;
  readonly events: readonly CandidateEvent[];
}

/** The result of a count. */
export interface CountReport {
  readonly kind: 'CountReport';
  readonly method: CountMethod;
  readonly seats: number;
  readonly candidates: readonly Candidate[];
  /** Votes are in units of `1 / scale`. */
  readonly scale: number;
  /**
   * Total valid vote, in units: for STV and IRV the ballots with a usable first
   * preference (the valid papers of rule 45(3), on which the quota is based); for
   * approval the number of approvals; for Schulze the number of ballots.
   */
  readonly totalVotes: number;
  /** Number of ballots (sum of weights). */
  readonly ballots: number;
  /** Quota at the first stage, in units (null for methods without a quota). */
  readonly quota: number | null;
  /** Ids of the elected, in order of election (Schulze: the first `seats` of `ranking`). */
  readonly elected: readonly string[];
  /** Schulze: every candidate, best first (ties settled by lot, listed in `lots`). */
  readonly ranking?: readonly string[];
  /** Schulze: the strongest path strengths `d[i][j]`... see `SchulzeDetail`. */
  readonly schulze?: SchulzeDetail;
  readonly stages: readonly CountStage[];
  readonly lots: readonly LotDrawn[];
}

/** Schulze's pairwise evidence, indexed like `CountReport.candidates`. */
export interface SchulzeDetail {
  /** `pairwise[i][j]`: ballots (weights) ranking i above j. */
  readonly pairwise: readonly (readonly number[])[];
  /** `strongest[i][j]`: strength of the strongest path from i to j (winning votes). */
  readonly strongest: readonly (readonly number[])[];
}

/** True when every stage of the report adds up to its total (votes are conserved). */
export function checkConservation(report: CountReport): boolean {
  return report.stages.every((stage) => {
    let sum = stage.nonTransferable + stage.lostToRounding;
    for (const v of stage.votes) sum += v;
    return sum === stage.total && stage.total === report.totalVotes;
  });
}
