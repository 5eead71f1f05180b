import { type Kysely, sql } from 'kysely';
import type {
  BudgetEvent,
  DemocracyEvent,
  SpendingAuthorised,
  TreasuryEvent,
} from '../../democracy/index.js';
import type { ProjectionContext } from '../domain.js';
import type { StoreDatabase } from '../schema.js';
import type { TreasuryDb } from './treasury-tables.js';

type TreasuryProjected = TreasuryEvent | BudgetEvent | SpendingAuthorised;

const KINDS: ReadonlySet<string> = new Set<TreasuryProjected['kind']>([
  'LedgerOpened',
  'LedgerAccountAdded',
  'IncomeRecorded',
  'TransferRecorded',
  'PaymentMade',
  'SpendingAuthorised',
  'BudgetRoundOpened',
  'ProjectProposed',
  'ProjectWithdrawn',
  'BudgetVotingOpened',
  'BudgetRoundLapsed',
  'BudgetBallotCast',
  'BudgetBallotsPublished',
  'BudgetRoundClosed',
]);

/** Whether an event has rows in the treasury projections (migration 0004-treasury). */
export function isTreasuryProjected(e: DemocracyEvent): e is TreasuryProjected {
  return KINDS.has(e.kind);
}

/**
 * Projects the treasury's and participatory budgets' events (RULES.md, "Treasury and
 * distribution") inside the append transaction `tx`: ledgers and accounts, each entry
 * with its lines (account balances move with them), authorisations and what they have
 * paid, rounds, projects and published ballots. Deterministic in the events alone (and
 * the rows earlier events wrote), so `soviet fsck` rebuilds the same rows. Events of
 * other kinds write nothing here.
 */
export async function projectTreasuryEvent(
  tx: Kysely<StoreDatabase>,
  e: DemocracyEvent,
  at: ProjectionContext,
): Promise<void> {
  if (!isTreasuryProjected(e)) return;
  const db: TreasuryDb = tx.withTables();
  const orgId = at.orgId;
  const round = (id: string) =>
    db.updateTable('budget_rounds').where('org_id', '=', orgId).where('round_id', '=', id);
  switch (e.kind) {
    case 'LedgerOpened':
      await db
        .insertInto('ledgers')
        .values({
          org_id: orgId,
          council_id: e.councilId,
          currency: e.currency,
          opened_at: e.at,
          opened_by: e.by,
        })
        .execute();
      await db
        .insertInto('ledger_accounts')
        .values(
          e.accounts.map((a) => ({
            org_id: orgId,
            council_id: e.councilId,
            code: a.code,
            name: a.name,
            account_type: a.type,
            debits: 0,
            credits: 0,
            balance: 0,
          })),
        )
        .execute();
      return;
    case 'LedgerAccountAdded':
      await db
        .insertInto('ledger_accounts')
        .values({
          org_id: orgId,
          council_id: e.councilId,
          code: e.code,
          name: e.name,
          account_type: e.accountType,
          debits: 0,
          credits: 0,
          balance: 0,
        })
        .execute();
      return;
    case 'IncomeRecorded':
    case 'TransferRecorded':
    case 'PaymentMade': {
      const payment = e.kind === 'PaymentMade' ? e : null;
      const decision = payment?.decision ?? null;
      await db
        .insertInto('ledger_entries')
        .values({
          org_id: orgId,
          entry_id: e.entryId,
          council_id: e.councilId,
          seq: at.seq,
          entry_kind:
            e.kind === 'IncomeRecorded'
              ? 'income'
              : e.kind === 'TransferRecorded'
                ? 'transfer'
                : 'payment',
          at: e.at,
          recorded_by: e.by,
          amount: e.amount,
          currency: e.currency,
          source: e.kind === 'IncomeRecorded' ? e.source : null,
          memo: e.memo,
          authorisation_id: payment?.authorisationId ?? null,
          decision_kind: decision?.kind ?? null,
          motion_id: decision?.kind === 'motion' ? decision.motionId : null,
          round_id: decision?.kind === 'budget' ? decision.roundId : null,
          project_id: decision?.kind === 'budget' ? decision.projectId : null,
          payee: payment?.payee ?? null,
          wage_member_id: payment?.wage?.memberId ?? null,
          wage_mandate_id: payment?.wage?.mandateId ?? null,
          wage_month: payment?.wage?.month ?? null,
        })
        .execute();
      await db
        .insertInto('ledger_lines')
        .values(
          e.lines.map((l, i) => ({
            org_id: orgId,
            entry_id: e.entryId,
            line_no: i + 1,
            council_id: e.councilId,
            account: l.account,
            side: l.side,
            amount: l.amount,
          })),
        )
        .execute();
      for (const l of e.lines) {
        const debit = l.side === 'debit';
        // The balance grows with debits for assets and expenses, with credits otherwise.
        await db
          .updateTable('ledger_accounts')
          .set({
            debits: sql<number>`debits + ${debit ? l.amount : 0}::bigint`,
            credits: sql<number>`credits + ${debit ? 0 : l.amount}::bigint`,
            balance: sql<number>`balance + case when account_type in ('asset', 'expense') then ${debit ? l.amount : -l.amount}::bigint else ${debit ? -l.amount : l.amount}::bigint end`,
          })
          .where('org_id', '=', orgId)
          .where('council_id', '=', e.councilId)
          .where('code', '=', l.account)
          .execute();
      }
      if (payment)
        await db
          .updateTable('treasury_authorisations')
          .set({ paid: sql<number>`paid + ${payment.amount}::bigint` })
          .where('org_id', '=', orgId)
          .where('authorisation_id', '=', payment.authorisationId)
          .execute();
      return;
    }
    case 'SpendingAuthorised':
      await db
        .insertInto('treasury_authorisations')
        .values({
          org_id: orgId,
          authorisation_id: e.motionId,
          council_id: e.councilId,
          decision_kind: 'motion',
          motion_id: e.motionId,
          round_id: null,
          project_id: null,
          amount: e.amount,
          currency: e.currency,
          payee: e.payee,
          purpose: e.purpose ?? '',
          mandate_id: e.mandateId ?? null,
          paid: 0,
          authorised_at: e.at,
        })
        .execute();
      return;

    case 'BudgetRoundOpened':
      await db
        .insertInto('budget_rounds')
        .values({
          org_id: orgId,
          round_id: e.roundId,
          council_id: e.councilId,
          motion_id: e.motionId,
          title: e.title,
          budget: e.budget,
          currency: e.currency,
          scale: e.scale,
          vote_type: e.voteType,
          rule: e.rule,
          points: e.points,
          max_choices: e.maxChoices,
          min_score: e.minScore,
          phase: 'proposals',
          opened_at: e.at,
          proposals_close_at: e.proposalsCloseAt,
          voting_close_at: e.votingCloseAt,
          ballot_projects: null,
          roll_size: null,
          cast_count: 0,
          seed: null,
          tie_order: null,
          selected: null,
          spent: null,
          per_voter: null,
          lapse_reason: null,
          closed_at: null,
        })
        .execute();
      return;
    case 'ProjectProposed':
      await db
        .insertInto('budget_projects')
        .values({
          org_id: orgId,
          project_id: e.projectId,
          round_id: e.roundId,
          proposed_by: e.by,
          title: e.title,
          description: e.description,
          cost: e.cost,
          payee: e.payee,
          proposed_at: e.at,
          withdrawn: false,
          votes: null,
          score: null,
          funded: null,
        })
        .execute();
      return;
    case 'ProjectWithdrawn':
      await db
        .updateTable('budget_projects')
        .set({ withdrawn: true })
        .where('org_id', '=', orgId)
        .where('project_id', '=', e.projectId)
        .execute();
      return;
    case 'BudgetVotingOpened':
      await round(e.roundId)
        .set({
          phase: 'voting',
          ballot_projects: JSON.stringify(e.projects),
          roll_size: e.rollSize,
        })
        .execute();
      return;
    case 'BudgetRoundLapsed':
      await round(e.roundId)
        .set({ phase: 'lapsed', lapse_reason: e.reason, closed_at: e.at })
        .execute();
      return;
    case 'BudgetBallotCast':
      await round(e.roundId).set({ cast_count: e.cast }).execute();
      return;
    case 'BudgetBallotsPublished':
      if (e.ballots.length > 0)
        await db
          .insertInto('budget_ballots')
          .values(
            e.ballots.map((b) => ({
              org_id: orgId,
              round_id: e.roundId,
              receipt: b.receipt,
              projects: JSON.stringify(b.projects),
              points: b.points ? JSON.stringify(b.points) : null,
            })),
          )
          .execute();
      return;
    case 'BudgetRoundClosed': {
      await round(e.roundId)
        .set({
          phase: 'closed',
          cast_count: e.cast,
          seed: e.seed,
          tie_order: JSON.stringify(e.order),
          selected: JSON.stringify(e.selected),
          spent: e.spent,
          per_voter: e.perVoter,
          closed_at: e.at,
        })
        .execute();
      const funded = new Set(e.selected);
      for (const t of e.tally)
        await db
          .updateTable('budget_projects')
          .set({ votes: t.votes, score: t.score, funded: funded.has(t.projectId) })
          .where('org_id', '=', orgId)
          .where('project_id', '=', t.projectId)
          .execute();
      if (e.selected.length === 0) return;
      const roundRow = await db
        .selectFrom('budget_rounds')
        .select(['council_id', 'currency'])
        .where('org_id', '=', orgId)
        .where('round_id', '=', e.roundId)
        .executeTakeFirstOrThrow();
      const projects = await db
        .selectFrom('budget_projects')
        .select(['project_id', 'title', 'cost', 'payee'])
        .where('org_id', '=', orgId)
        .where('project_id', 'in', e.selected)
        .execute();
      await db
        .insertInto('treasury_authorisations')
        .values(
          projects.map((p) => ({
            org_id: orgId,
            authorisation_id: p.project_id,
            council_id: roundRow.council_id,
            decision_kind: 'budget' as const,
            motion_id: null,
            round_id: e.roundId,
            project_id: p.project_id,
            amount: Number(p.cost),
            currency: roundRow.currency,
            payee: p.payee,
            purpose: p.title,
            mandate_id: null,
            paid: 0,
            authorised_at: e.at,
          })),
        )
        .execute();
      return;
    }
    default: {
      const unknown: never = e;
      throw new Error(`no treasury projection for ${(unknown as { kind: string }).kind}`);
    }
  }
}
