import type { AccountType, Decision, EntryLine, LedgerAccountSpec } from '../treasury-state.js';

/**
 * The treasury (RULES.md, "Treasury and distribution"): each entry of a council's
 * double-entry ledger is one event, with its debit and credit lines (equal sums), so that
 * anyone with the log can recompute every balance. Recorded by the council's treasurer;
 * a payment names the authorisation (and through it the decision) it is made under.
 */
export interface LedgerOpened {
  readonly kind: 'LedgerOpened';
  readonly at: number;
  readonly by: string;
  readonly councilId: string;
  /** ISO 4217 code of every amount in the ledger. */
  readonly currency: string;
  /** The chart of accounts it opens with. */
  readonly accounts: readonly LedgerAccountSpec[];
}

export interface LedgerAccountAdded {
  readonly kind: 'LedgerAccountAdded';
  readonly at: number;
  readonly by: string;
  readonly councilId: string;
  readonly code: string;
  readonly name: string;
  readonly accountType: AccountType;
}

export interface IncomeRecorded {
  readonly kind: 'IncomeRecorded';
  readonly at: number;
  readonly by: string;
  readonly entryId: string;
  readonly councilId: string;
  readonly amount: number;
  readonly currency: string;
  /** Where the money came from ("dues, March", "donation from …"). */
  readonly source: string;
  readonly memo: string;
  /** Debit the asset that received it, credit the income (or equity, liability) account. */
  readonly lines: readonly EntryLine[];
}

export interface TransferRecorded {
  readonly kind: 'TransferRecorded';
  readonly at: number;
  readonly by: string;
  readonly entryId: string;
  readonly councilId: string;
  readonly amount: number;
  readonly currency: string;
  readonly memo: string;
  /** Debit the receiving asset account, credit the giving one. */
  readonly lines: readonly EntryLine[];
}

export interface PaymentMade {
  readonly kind: 'PaymentMade';
  readonly at: number;
  readonly by: string;
  readonly entryId: string;
  readonly councilId: string;
  /** The authorisation paid under: a motion id or a funded project's id. */
  readonly authorisationId: string;
  /** The decision behind it: the passed motion, or the round and project. */
  readonly decision: Decision;
  readonly payee: string;
  readonly amount: number;
  readonly currency: string;
  readonly memo: string;
  /** Debit the expense (or asset, liability) account, credit the asset that paid. */
  readonly lines: readonly EntryLine[];
  /** Office pay: whose, for which mandate, counted in which month against the wage cap. */
  readonly wage: {
    readonly memberId: string;
    readonly mandateId: string;
    readonly month: string;
  } | null;
}

export type TreasuryEvent =
  | LedgerOpened
  | LedgerAccountAdded
  | IncomeRecorded
  | TransferRecorded
  | PaymentMade;

export const treasuryEventMeanings: Readonly<Record<TreasuryEvent['kind'], string>> = {
  LedgerOpened:
    "The council's treasurer (an elected office) opened its double-entry ledger in one currency, with its first chart of accounts.",
  LedgerAccountAdded:
    'The treasurer added an account (asset, liability, equity, income or expense) to the ledger.',
  IncomeRecorded:
    'The treasurer recorded money received: a balanced entry that debits an asset account and credits an income, equity or liability account.',
  TransferRecorded:
    'The treasurer recorded money moved between two asset accounts of the ledger (a balanced entry; an account never goes below zero).',
  PaymentMade:
    'Money left the ledger under a named authorisation (a passed spending motion or an adopted participatory-budget project), never beyond what it left to pay; office pay within the wage cap.',
};
