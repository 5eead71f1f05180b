import type { RuleName } from '../../budgeting/index.js';
import type {
  BudgetBallotContent,
  PublishedBudgetBallot,
  RoundVoteType,
} from '../treasury-state.js';

/**
 * Participatory budgets (RULES.md, "Treasury and distribution"): a passed `budget` motion
 * opens a round; members propose projects with costs, then vote in secret (RECORD.md,
 * "Secret ballots on a public record": the record shows how many ballots the round holds,
 * and at the close the ballots by receipt); the rule picks the funded projects, which
 * become spending authorisations.
 */
export interface BudgetRoundOpened {
  readonly kind: 'BudgetRoundOpened';
  readonly at: number;
  readonly roundId: string;
  readonly councilId: string;
  /** The budget motion that passed. */
  readonly motionId: string;
  readonly title: string;
  /** Minor units of `currency`. */
  readonly budget: number;
  readonly currency: string;
  /** Decimal places of the minor unit. */
  readonly scale: number;
  readonly voteType: RoundVoteType;
  readonly rule: RuleName;
  readonly points: number | null;
  readonly maxChoices: number | null;
  readonly minScore: number | null;
  readonly proposalsCloseAt: number;
  readonly votingCloseAt: number;
}

export interface ProjectProposed {
  readonly kind: 'ProjectProposed';
  readonly at: number;
  readonly by: string;
  readonly roundId: string;
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  /** Minor units of the round's currency. */
  readonly cost: number;
  /** Who would be paid if it is funded. */
  readonly payee: string;
}

export interface ProjectWithdrawn {
  readonly kind: 'ProjectWithdrawn';
  readonly at: number;
  readonly by: string;
  readonly roundId: string;
  readonly projectId: string;
}

export interface BudgetVotingOpened {
  readonly kind: 'BudgetVotingOpened';
  readonly at: number;
  readonly roundId: string;
  /** The projects on the ballot, in the order proposed. */
  readonly projects: readonly string[];
  /** Members on the roll (the council's subtree now). */
  readonly rollSize: number;
}

export interface BudgetRoundLapsed {
  readonly kind: 'BudgetRoundLapsed';
  readonly at: number;
  readonly roundId: string;
  readonly reason: string;
}

export interface BudgetBallotCast {
  readonly kind: 'BudgetBallotCast';
  readonly at: number;
  readonly roundId: string;
  /** Ballots in the round after this one. */
  readonly cast: number;
  readonly secret?: {
    readonly voterId: string;
    /** Random, given only to the voter; derived from fresh entropy, never from the voter. */
    readonly receipt: string;
    readonly ballot: BudgetBallotContent;
  };
}

export interface BudgetBallotsPublished {
  readonly kind: 'BudgetBallotsPublished';
  readonly at: number;
  readonly roundId: string;
  /** A part of the sealed ballots, sorted by receipt. */
  readonly ballots: readonly PublishedBudgetBallot[];
}

/** A project's support at the close, as the vote type scores it (budgeting/profile.ts). */
export interface ProjectTally {
  readonly projectId: string;
  /** Ballots naming it. */
  readonly votes: number;
  /** Its score: approvals, points, or positional points of ordinal ballots. */
  readonly score: number;
}

export interface BudgetRoundClosed {
  readonly kind: 'BudgetRoundClosed';
  readonly at: number;
  readonly roundId: string;
  readonly cast: number;
  /** The log's latest signed checkpoint root: the seed of the drawn order. */
  readonly seed: string;
  /**
   * The ballot's projects in an order drawn by lot from `seed`: the last tie-break of
   * the rule (after score for greedy; after lower cost and more votes for Equal Shares).
   */
  readonly order: readonly string[];
  readonly tally: readonly ProjectTally[];
  /** The funded projects, in the order the rule funded them. */
  readonly selected: readonly string[];
  /** Their total cost (at most the budget). */
  readonly spent: number;
  /** Equal Shares: each voter's share in the deciding run, "num/den" minor units. */
  readonly perVoter: string | null;
}

export type BudgetEvent =
  | BudgetRoundOpened
  | ProjectProposed
  | ProjectWithdrawn
  | BudgetVotingOpened
  | BudgetRoundLapsed
  | BudgetBallotCast
  | BudgetBallotsPublished
  | BudgetRoundClosed;

export const budgetEventMeanings: Readonly<Record<BudgetEvent['kind'], string>> = {
  BudgetRoundOpened:
    'A passed budget motion opened a participatory-budget round with its budget, vote type and rule; the proposal and voting deadlines are fixed here.',
  ProjectProposed:
    "A member of the council's subtree proposed a project with its cost and payee during the proposal phase.",
  ProjectWithdrawn: 'The proposer withdrew their project before voting opened.',
  BudgetVotingOpened:
    "Proposals closed: the projects on the ballot and the roll (the members of the council's subtree now) are fixed, and secret voting opened.",
  BudgetRoundLapsed: 'Proposals closed with no project: the round ended without a vote.',
  BudgetBallotCast:
    'A secret budget ballot went into the round; the record shows only how many it holds (voter, receipt and ballot are private until the close).',
  BudgetBallotsPublished:
    "The round's sealed ballots, each under its random receipt, sorted by receipt (in parts small enough for one entry).",
  BudgetRoundClosed:
    "Voting closed: the round's rule, applied to the published ballots, picked the funded projects, each now a spending authorisation of its cost to its payee.",
};
