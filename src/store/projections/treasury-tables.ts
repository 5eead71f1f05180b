import type { ColumnType, Kysely } from 'kysely';
import type { StoreDatabase } from '../schema.js';

/**
 * The treasury and participatory-budget projections (migration 0004-treasury), typed for
 * Kysely: reach them with `db.withTables<TreasuryTables>()`. Every row follows from the
 * log; `soviet fsck` rebuilds them and compares.
 *
 * `bigint` columns are written as numbers and read back as strings by some drivers:
 * read them through `Number()` (amounts are safe integers, treasury.ts MAX_AMOUNT).
 * JSON columns are written as JSON text and read back parsed.
 */
export type TreasuryTables = {
  ledgers: LedgersTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_lines: LedgerLinesTable;
  treasury_authorisations: TreasuryAuthorisationsTable;
  budget_rounds: BudgetRoundsTable;
  budget_projects: BudgetProjectsTable;
  budget_ballots: BudgetBallotsTable;
};

/** Every treasury projection table, parents before children (fsck clears them in reverse). */
export const TREASURY_TABLES: readonly (keyof TreasuryTables)[] = [
  'ledgers',
  'ledger_accounts',
  'ledger_entries',
  'ledger_lines',
  'treasury_authorisations',
  'budget_rounds',
  'budget_projects',
  'budget_ballots',
];

export type TreasuryDb = Kysely<StoreDatabase & TreasuryTables>;

/** A bigint column: a safe integer written, a number or a numeric string read. */
type Int8 = ColumnType<number | string, number, number>;
type Int8Nullable = ColumnType<number | string | null, number | null, number | null>;
type Json<T> = ColumnType<T, string, string>;
type JsonNullable<T> = ColumnType<T | null, string | null, string | null>;

export interface LedgersTable {
  org_id: number;
  council_id: string;
  currency: string;
  opened_at: Int8;
  opened_by: string;
}

export interface LedgerAccountsTable {
  org_id: number;
  council_id: string;
  code: string;
  name: string;
  account_type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  debits: Int8;
  credits: Int8;
  /** On the account's growing side (debits − credits for assets and expenses). */
  balance: Int8;
}

export interface LedgerEntriesTable {
  org_id: number;
  entry_id: string;
  council_id: string;
  /** The log position of the entry's event. */
  seq: Int8;
  entry_kind: 'income' | 'transfer' | 'payment';
  at: Int8;
  recorded_by: string;
  amount: Int8;
  currency: string;
  source: string | null;
  memo: string;
  authorisation_id: string | null;
  decision_kind: 'motion' | 'budget' | null;
  motion_id: string | null;
  round_id: string | null;
  project_id: string | null;
  payee: string | null;
  wage_member_id: string | null;
  wage_mandate_id: string | null;
  wage_month: string | null;
}

export interface LedgerLinesTable {
  org_id: number;
  entry_id: string;
  line_no: number;
  council_id: string;
  account: string;
  side: 'debit' | 'credit';
  amount: Int8;
}

export interface TreasuryAuthorisationsTable {
  org_id: number;
  authorisation_id: string;
  council_id: string;
  decision_kind: 'motion' | 'budget';
  motion_id: string | null;
  round_id: string | null;
  project_id: string | null;
  amount: Int8;
  currency: string;
  payee: string;
  purpose: string;
  mandate_id: string | null;
  paid: Int8;
  authorised_at: Int8;
}

export interface BudgetRoundsTable {
  org_id: number;
  round_id: string;
  council_id: string;
  motion_id: string;
  title: string;
  budget: Int8;
  currency: string;
  scale: number;
  vote_type: 'approval' | 'cumulative' | 'ordinal';
  rule: string;
  points: number | null;
  max_choices: number | null;
  min_score: Int8Nullable;
  phase: 'proposals' | 'voting' | 'closed' | 'lapsed';
  opened_at: Int8;
  proposals_close_at: Int8;
  voting_close_at: Int8;
  /** Fixed when voting opens: the projects on the ballot. */
  ballot_projects: JsonNullable<string[]>;
  roll_size: number | null;
  cast_count: number;
  seed: string | null;
  /** The drawn order of the last tie-break. */
  tie_order: JsonNullable<string[]>;
  selected: JsonNullable<string[]>;
  spent: Int8Nullable;
  per_voter: string | null;
  lapse_reason: string | null;
  closed_at: Int8Nullable;
}

export interface BudgetProjectsTable {
  org_id: number;
  project_id: string;
  round_id: string;
  proposed_by: string;
  title: string;
  description: string;
  cost: Int8;
  payee: string;
  proposed_at: Int8;
  withdrawn: boolean;
  votes: number | null;
  score: Int8Nullable;
  funded: boolean | null;
}

export interface BudgetBallotsTable {
  org_id: number;
  round_id: string;
  receipt: string;
  projects: Json<string[]>;
  points: JsonNullable<number[]>;
}
