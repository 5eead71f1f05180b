import type {
  AccountType,
  Decision,
  LedgerEntryRow,
  RoundVoteType,
} from '../../democracy/index.js';
import type { CouncilRef, MemberRef } from './refs.js';

/**
 * What members see of the treasury and of participatory budgets (RULES.md: the ledger
 * is open to every member). Built from the projections (store/projections/treasury-*.ts)
 * with names from the state. Amounts are whole minor units of `currency`.
 */

export interface LedgerAccountView {
  readonly code: string;
  readonly name: string;
  readonly type: AccountType;
  readonly debits: number;
  readonly credits: number;
  /** On the account's growing side (debits − credits for assets and expenses). */
  readonly balance: number;
}

export interface LedgerView {
  readonly council: CouncilRef;
  readonly currency: string;
  readonly openedAt: number;
  /** Who keeps the books now (the council's elected treasurer), if anyone. */
  readonly treasurer: MemberRef | null;
  readonly accounts: readonly LedgerAccountView[];
  /** Sums over every account: equal, since every entry balances. */
  readonly totals: { readonly debits: number; readonly credits: number };
  readonly entries: number;
}

export interface AuthorisationView {
  readonly id: string;
  readonly council: CouncilRef;
  readonly decision: Decision;
  readonly amount: number;
  readonly paid: number;
  readonly remaining: number;
  readonly currency: string;
  readonly payee: string;
  readonly purpose: string;
  /** Office pay: the mandate whose holder it pays (the wage cap applies). */
  readonly mandateId: string | null;
  readonly authorisedAt: number;
}

/** A ledger entry with the log position of its event. */
export interface LedgerEntryView extends LedgerEntryRow {
  readonly seq: number;
}

export interface BudgetProjectView {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly cost: number;
  readonly payee: string;
  readonly proposedBy: MemberRef;
  readonly proposedAt: number;
  readonly withdrawn: boolean;
  /** After the close: ballots naming it, its score, and whether it was funded. */
  readonly votes: number | null;
  readonly score: number | null;
  readonly funded: boolean | null;
}

export interface BudgetRoundView {
  readonly id: string;
  readonly council: CouncilRef;
  readonly motionId: string;
  readonly title: string;
  readonly budget: number;
  readonly currency: string;
  readonly voteType: RoundVoteType;
  readonly rule: string;
  readonly points: number | null;
  readonly maxChoices: number | null;
  readonly minScore: number | null;
  readonly phase: 'proposals' | 'voting' | 'closed' | 'lapsed';
  readonly openedAt: number;
  readonly proposalsCloseAt: number;
  readonly votingCloseAt: number;
  readonly rollSize: number | null;
  readonly cast: number;
  readonly projects: readonly BudgetProjectView[];
  /** After the close: the funded projects in the order the rule funded them, and their cost. */
  readonly selected: readonly string[] | null;
  readonly spent: number | null;
  /** The drawn order of the last tie-break and the checkpoint that seeded it. */
  readonly tieOrder: readonly string[] | null;
  readonly seed: string | null;
  /** Equal Shares: each voter's share in the deciding run ("num/den" minor units). */
  readonly perVoter: string | null;
  readonly lapseReason: string | null;
  readonly closedAt: number | null;
}

export interface BudgetRoundSummary {
  readonly id: string;
  readonly council: CouncilRef;
  readonly title: string;
  readonly budget: number;
  readonly currency: string;
  readonly phase: BudgetRoundView['phase'];
  readonly proposalsCloseAt: number;
  readonly votingCloseAt: number;
}

/** A published budget ballot, under its receipt: what anyone recounts from. */
export interface PublishedBudgetBallotView {
  readonly receipt: string;
  readonly projects: readonly string[];
  readonly points: readonly number[] | null;
}

/** The organisation's treasury: every council's ledger, the authorisations, the rounds. */
export interface TreasuryView {
  readonly ledgers: readonly LedgerView[];
  readonly authorisations: readonly AuthorisationView[];
  readonly rounds: readonly BudgetRoundSummary[];
}
