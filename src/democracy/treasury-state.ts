import type { RuleName } from '../budgeting/index.js';
import { PMap } from './pmap.js';

/**
 * The treasury's part of an organisation's state (RULES.md, "Treasury and distribution"):
 * one double-entry ledger per council (the organisation's own is its congress's), the
 * spending authorisations that passed motions and adopted participatory budgets created,
 * office pay per member and month (the wage cap), and the participatory-budget rounds.
 *
 * Only what `decide` needs to check the rules is kept: account totals, what each
 * authorisation has paid. The entries themselves are on the log (and in the projections,
 * store/projections/treasury-*.ts).
 *
 * Amounts are whole minor units of the ledger's currency (cents), as safe integers.
 */
export interface TreasuryState {
  readonly counters: TreasuryCounters;
  /** Ledgers by council id. */
  readonly ledgers: PMap<Ledger>;
  /** Authorisations by id: the motion id (`mo4`) or the funded project's id (`pj7`). */
  readonly authorisations: PMap<Authorisation>;
  /** Office pay by `${memberId}|${YYYY-MM}|${currency}` (UTC calendar month): minor units. */
  readonly wages: PMap<number>;
  readonly rounds: PMap<BudgetRound>;
  readonly projects: PMap<BudgetProject>;
}

export interface TreasuryCounters {
  /** Ledger entries (`le1`, `le2`, …). */
  readonly entry: number;
  /** Budget rounds (`pb1`, …). */
  readonly round: number;
  /** Proposed projects (`pj1`, …), numbered across rounds. */
  readonly project: number;
}

export const TREASURY_ID_PREFIX: Readonly<Record<keyof TreasuryCounters, string>> = {
  entry: 'le',
  round: 'pb',
  project: 'pj',
};

/**
 * The five kinds of account of double-entry bookkeeping. Assets and expenses grow by
 * debits, the others by credits; an account's balance is counted on its growing side.
 */
export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export const ACCOUNT_TYPES: readonly AccountType[] = [
  'asset',
  'liability',
  'equity',
  'income',
  'expense',
];

export interface LedgerAccountSpec {
  /** Lower-case letters, digits and dashes, unique in the ledger ("cash", "bank"). */
  readonly code: string;
  readonly name: string;
  readonly type: AccountType;
}

export interface LedgerAccount extends LedgerAccountSpec {
  /** Sum of the account's debit lines, minor units. */
  readonly debits: number;
  /** Sum of its credit lines. */
  readonly credits: number;
}

/** A debit or a credit of one account in an entry. */
export interface EntryLine {
  readonly account: string;
  readonly side: 'debit' | 'credit';
  /** Positive, minor units. */
  readonly amount: number;
}

export interface Ledger {
  readonly councilId: string;
  /** ISO 4217 code, fixed when the ledger opens. */
  readonly currency: string;
  readonly openedAt: number;
  readonly accounts: PMap<LedgerAccount>;
  /** Entries recorded so far. */
  readonly entries: number;
}

/** Where an authorisation comes from: the decision a payment under it is linked to. */
export type Decision =
  | { readonly kind: 'motion'; readonly motionId: string }
  | { readonly kind: 'budget'; readonly roundId: string; readonly projectId: string };

/**
 * Leave to pay up to `amount` to `payee` from the ledger of `councilId`, given by a
 * passed spending motion or an adopted participatory-budget project. Payments name it and
 * never exceed what is left of it.
 */
export interface Authorisation {
  readonly id: string;
  readonly councilId: string;
  readonly decision: Decision;
  readonly amount: number;
  readonly currency: string;
  readonly payee: string;
  readonly purpose: string;
  /** A wage: pay for the office of this mandate's holder (the wage cap applies). */
  readonly mandateId: string | null;
  /** The payee is this member (the wage cap applies while they hold a mandate). */
  readonly payeeMemberId: string | null;
  readonly paid: number;
  readonly authorisedAt: number;
}

/** How members vote in a round (pabulib.org/format `vote_type`). */
export type RoundVoteType = 'approval' | 'cumulative' | 'ordinal';

export const ROUND_VOTE_TYPES: readonly RoundVoteType[] = ['approval', 'cumulative', 'ordinal'];

export type RoundPhase = 'proposals' | 'voting' | 'closed' | 'lapsed';

/**
 * A budget ballot: the projects a member supports (approval), spreads points over
 * (cumulative: `points`, same order) or ranks best first (ordinal).
 */
export interface BudgetBallotContent {
  readonly projects: readonly string[];
  readonly points?: readonly number[];
}

export interface PublishedBudgetBallot extends BudgetBallotContent {
  readonly receipt: string;
}

/**
 * A participatory-budget round of a council, opened by a passed `budget` motion. Members
 * of the council's subtree propose projects, then vote in secret; at the close the rule
 * picks the funded projects, which become authorisations.
 */
export interface BudgetRound {
  readonly id: string;
  readonly councilId: string;
  readonly motionId: string;
  readonly title: string;
  readonly budget: number;
  readonly currency: string;
  /** Decimal places of the currency's minor unit (the completion's step is 10^scale). */
  readonly scale: number;
  readonly voteType: RoundVoteType;
  readonly rule: RuleName;
  /** Cumulative: the points each voter spreads. */
  readonly points: number | null;
  /** Approval and ordinal: the most projects a ballot may name (null: any number). */
  readonly maxChoices: number | null;
  /** greedy-threshold: the least score a project needs. */
  readonly minScore: number | null;
  readonly openedAt: number;
  readonly proposalsCloseAt: number;
  readonly votingCloseAt: number;
  readonly phase: RoundPhase;
  /** Every project proposed in the round, in the order proposed (withdrawn ones too). */
  readonly projectIds: readonly string[];
  /** Fixed when voting opens: the projects on the ballot, in the order proposed. */
  readonly ballotProjects: readonly string[];
  /** Fixed when voting opens: the members of the council's subtree then. */
  readonly roll: PMap<true>;
  readonly rollSize: number;
  readonly cast: number;
  /** Who has voted (known only with the events' secrets). */
  readonly voted: PMap<true>;
  /** Sealed ballots by receipt (known only with the events' secrets until published). */
  readonly sealed: PMap<BudgetBallotContent>;
  readonly published: readonly PublishedBudgetBallot[];
  /** At the close: the funded projects, in the order the rule funded them. */
  readonly selected: readonly string[] | null;
  readonly spent: number | null;
}

export interface BudgetProject {
  readonly id: string;
  readonly roundId: string;
  readonly proposedBy: string;
  readonly title: string;
  readonly description: string;
  readonly cost: number;
  readonly payee: string;
  readonly proposedAt: number;
  readonly withdrawn: boolean;
}

export function emptyTreasury(): TreasuryState {
  return {
    counters: { entry: 0, round: 0, project: 0 },
    ledgers: PMap.empty(),
    authorisations: PMap.empty(),
    wages: PMap.empty(),
    rounds: PMap.empty(),
    projects: PMap.empty(),
  };
}

/** An account's balance on its growing side (debits − credits for assets and expenses). */
export function balanceOf(account: Pick<LedgerAccount, 'type' | 'debits' | 'credits'>): number {
  return account.type === 'asset' || account.type === 'expense'
    ? account.debits - account.credits
    : account.credits - account.debits;
}

/** What an authorisation still allows. */
export function remainingOf(a: Authorisation): number {
  return a.amount - a.paid;
}

/** The key of the wage-cap record: a member's office pay in one UTC calendar month. */
export function wageKey(memberId: string, at: number, currency: string): string {
  return `${memberId}|${new Date(at).toISOString().slice(0, 7)}|${currency}`;
}
