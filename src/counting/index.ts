/**
 * Counting: every voting rule a council needs, exact to the published rules. A pure
 * module (no I/O, no clock, no environment): ballots and a seed come in, a report
 * comes out.
 *
 * - `countElection(profile, { method, seats, seed })` → `CountReport`: Scottish STV
 *   (SSI 2007/42 Sch. 1 rules 45–52, the multi-seat default), Meek STV (Hill, Wichmann &
 *   Woodall 1987), instant-runoff (the single-seat default), Schulze, approval.
 * - `tallyMotion(votes, rules)` → `MotionResult`: yes/no/abstain with quorum and threshold.
 * - `profileFromBallots({ candidates, ballots, seats })` builds a profile from the
 *   domain's rankings of candidate ids; `parseBlt` / `writeBlt` / `parsePreflib` read and
 *   write ballot files.
 *
 * @example
 * const profile = profileFromBallots({
 *   candidates: ['ann', 'bob', 'cat'],
 *   ballots: [['ann', 'bob'], ['bob'], { ranking: ['cat', 'ann'], weight: 3 }],
 *   seats: 2,
 * });
 * const report = countElection(profile, { seed: checkpointRootHex });
 * report.elected; // ids in order of election
 */
export { parseBlt, writeBlt } from './blt-format.js';
export { countElection } from './count-election.js';
export { countingError, countingErrors } from './errors.js';
export type {
  Fraction,
  MotionResult,
  MotionRules,
  MotionThreshold,
  MotionVotes,
} from './motion.js';
export { tallyMotion } from './motion.js';
export type { PreflibFormat } from './preflib-format.js';
export { parsePreflib } from './preflib-format.js';
export type {
  BallotProfile,
  Candidate,
  PackedBallots,
  ProfileInput,
  RankedBallot,
  Ranking,
} from './profile.js';
export { CANDIDATE_MASK, MAX_CANDIDATES, TIED_WITH_PREVIOUS } from './profile.js';
export { profileFromBallots } from './profile-from-ballots.js';
export type {
  CandidateEvent,
  CountMethod,
  CountOptions,
  CountReport,
  CountStage,
  LotDrawn,
  SchulzeDetail,
  StageAction,
} from './report.js';
export { COUNT_METHODS, checkConservation } from './report.js';
export type { Lot } from './seeded-lot.js';
export { seededLot } from './seeded-lot.js';
