import type { AccountType } from './treasury-state.js';

/**
 * The commands of the treasury and of participatory budgets (part of `DemocracyCommand`).
 * Amounts are whole minor units (cents) of the ledger's or round's currency. The acting
 * member is `ctx.actor`, as for every command.
 */
export type TreasuryCommand =
  /** The council's treasurer opens its ledger in one currency (treasury.ts). */
  | { readonly kind: 'OpenLedger'; readonly councilId: string; readonly currency: string }
  | {
      readonly kind: 'AddLedgerAccount';
      readonly councilId: string;
      readonly code: string;
      readonly name: string;
      readonly accountType: AccountType;
    }
  /** Money received: debit `into` (an asset, default `cash`), credit `account` (default `income`). */
  | {
      readonly kind: 'RecordIncome';
      readonly councilId: string;
      readonly amount: number;
      readonly source: string;
      readonly account?: string;
      readonly into?: string;
      readonly memo?: string;
    }
  /** Money moved between two asset accounts of one ledger. */
  | {
      readonly kind: 'RecordTransfer';
      readonly councilId: string;
      readonly amount: number;
      readonly from: string;
      readonly to: string;
      readonly memo?: string;
    }
  /**
   * A payment under an authorisation, from the ledger of the council it belongs to:
   * credit `from` (an asset, default `cash`), debit `account` (default `expenses`, or
   * `wages` for office pay).
   */
  | {
      readonly kind: 'MakePayment';
      readonly authorisationId: string;
      readonly amount: number;
      readonly from?: string;
      readonly account?: string;
      readonly memo?: string;
    }
  /** A member of the council's subtree proposes a project during the proposal phase. */
  | {
      readonly kind: 'ProposeProject';
      readonly roundId: string;
      readonly title: string;
      readonly description: string;
      readonly cost: number;
      readonly payee: string;
    }
  | { readonly kind: 'WithdrawProject'; readonly projectId: string }
  /**
   * A secret budget ballot: approval (`projects` supported), cumulative (`points`, one
   * per project, summing to at most the round's points) or ordinal (`projects` best first).
   */
  | {
      readonly kind: 'CastBudgetBallot';
      readonly roundId: string;
      readonly projects: readonly string[];
      readonly points?: readonly number[];
    };

export type TreasuryCommandKind = TreasuryCommand['kind'];

export const TREASURY_COMMAND_KINDS: ReadonlySet<string> = new Set<TreasuryCommandKind>([
  'OpenLedger',
  'AddLedgerAccount',
  'RecordIncome',
  'RecordTransfer',
  'MakePayment',
  'ProposeProject',
  'WithdrawProject',
  'CastBudgetBallot',
]);
