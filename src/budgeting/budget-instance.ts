/**
 * One participatory-budget round as the rules see it: a budget, projects with costs,
 * and one ballot per voter. A `.pb` file reads into this (pb-file.ts adds what the file
 * carries besides), and a council's round can be built directly by the domain.
 *
 * Money is in whole minor units (`bigint`) of a stated `scale` (money.ts); the completion
 * of the Method of Equal Shares raises each voter's share by one whole currency unit,
 * `10^scale` minor units, at a time.
 */

/**
 * How voters vote (pabulib.org/format, `vote_type`):
 * - `approval`: a voter lists the projects they support;
 * - `choose-1`: a voter names exactly one project;
 * - `cumulative`: a voter spreads points over projects (`points` in the same order);
 * - `scoring`: a voter gives each listed project a score (`points`);
 * - `ordinal`: a voter ranks projects from most to least preferred.
 */
export type VoteType = 'approval' | 'choose-1' | 'cumulative' | 'scoring' | 'ordinal';

export const VOTE_TYPES: readonly VoteType[] = [
  'approval',
  'choose-1',
  'cumulative',
  'scoring',
  'ordinal',
];

export interface BudgetProject {
  /** The project's id, unique in the round (pabulib ids are strings: "M/01/X", "L010"). */
  readonly id: string;
  /** Its cost in minor units; positive. */
  readonly cost: bigint;
}

export interface BudgetBallot {
  readonly voterId: string;
  /** The projects the voter names, each at most once; for ordinal ballots best first. */
  readonly projects: readonly string[];
  /**
   * Whole non-negative points, one per named project, in the same order: required for
   * cumulative and scoring ballots, optional for ordinal ones (which otherwise score by
   * position), absent otherwise.
   */
  readonly points?: readonly number[];
}

export interface BudgetInstance {
  /** The money to distribute, in minor units. */
  readonly budget: bigint;
  /** Decimal places of the minor unit: one currency unit is 10^scale minor units. */
  readonly scale: number;
  readonly voteType: VoteType;
  /** Projects in their listed order, which is the last tie-break of the greedy rules. */
  readonly projects: readonly BudgetProject[];
  readonly ballots: readonly BudgetBallot[];
  /**
   * The least score a project needs under `greedy-threshold` (pabulib's
   * `min_project_score_threshold`, rounded up to a whole score).
   */
  readonly scoreThreshold?: bigint;
}
