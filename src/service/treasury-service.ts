import {
  type AccountType,
  type Decision,
  democracyError,
  type LedgerEntryRow,
  ledgerCsv,
  type RoundVoteType,
  treasurerOf,
} from '../democracy/index.js';
import type { DemocracyStore } from '../store/democracy-domain.js';
import type { TreasuryTables } from '../store/projections/treasury-tables.js';
import { directoryReader } from './directory.js';
import type { ViewState } from './views/names.js';
import { type CouncilRef, councilRef, memberRef } from './views/refs.js';
import type {
  AuthorisationView,
  BudgetProjectView,
  BudgetRoundSummary,
  BudgetRoundView,
  LedgerEntryView,
  LedgerView,
  PublishedBudgetBallotView,
  TreasuryView,
} from './views/treasury-view.js';

export interface TreasuryServiceDeps {
  readonly store: DemocracyStore;
}

/** Which entries to read: one council's ledger or all, a page of them in log order. */
export interface EntryQuery {
  readonly councilId?: string;
  /** Skip this many entries (default 0). */
  readonly offset?: number;
  /** At most this many (default all; at most 10,000 per page). */
  readonly limit?: number;
}

/**
 * The treasury's and participatory budgets' read side (RULES.md: the ledger is open to
 * every member): views built from the projections (migration 0004-treasury) with names
 * from the state, and the ledger's CSV export. Commands go through
 * `SovietService.execute` like every other (its result carries a budget ballot's
 * receipt).
 */
export interface TreasuryService {
  /** Every ledger, authorisation and round of the organisation. */
  treasuryView(org: string): Promise<TreasuryView>;
  /** One council's ledger: its accounts and balances. Throws LEDGER_NOT_OPEN. */
  ledgerView(org: string, councilId: string): Promise<LedgerView>;
  /** Entries with their lines, in log order. */
  ledgerEntries(org: string, query?: EntryQuery): Promise<LedgerEntryView[]>;
  /** The ledger (one council's, or every council's) as CSV (democracy/ledger-csv.ts). */
  ledgerCsv(org: string, councilId?: string): Promise<string>;
  authorisations(org: string, councilId?: string): Promise<AuthorisationView[]>;
  /** A round with its projects (and, after the close, tallies and result). Throws ROUND_UNKNOWN. */
  budgetRoundView(org: string, roundId: string): Promise<BudgetRoundView>;
  /** A closed round's published ballots, by receipt: anyone can recount from them. */
  budgetBallots(org: string, roundId: string): Promise<PublishedBudgetBallotView[]>;
}

const MAX_PAGE = 10_000;
const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function createTreasuryService(deps: TreasuryServiceDeps): TreasuryService {
  const { store } = deps;
  const tables = () => store.db.withTables<TreasuryTables>();
  const orgId = async (org: string) => (await store.organisation(org)).id;
  // Treasury pages are for members only (server/routes/treasury-view-routes.ts).
  const directory = directoryReader(store);
  const council = (state: ViewState, id: string): CouncilRef =>
    councilRef(state, id) ?? { id, name: id, kind: 'base' };

  const ledgers = async (org: string, councilId?: string): Promise<LedgerView[]> => {
    const id = await orgId(org);
    const state = await directory.viewStateOf(org, 'member');
    let q = tables().selectFrom('ledgers').selectAll().where('org_id', '=', id);
    if (councilId !== undefined) q = q.where('council_id', '=', councilId);
    const rows = await q.orderBy('council_id').execute();
    if (rows.length === 0) return [];
    const accounts = await tables()
      .selectFrom('ledger_accounts')
      .selectAll()
      .where('org_id', '=', id)
      .where(
        'council_id',
        'in',
        rows.map((r) => r.council_id),
      )
      .execute();
    const counts = await tables()
      .selectFrom('ledger_entries')
      .select(['council_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('org_id', '=', id)
      .groupBy('council_id')
      .execute();
    const entries = new Map(counts.map((c) => [c.council_id, num(c.n)]));
    return rows.map((r) => {
      const own = accounts
        .filter((a) => a.council_id === r.council_id)
        // The opening chart first (as the ledger lists it), then accounts added later, by code.
        .map((a) => ({
          code: a.code,
          name: a.name,
          type: a.account_type as AccountType,
          debits: num(a.debits),
          credits: num(a.credits),
          balance: num(a.balance),
        }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const treasurer = treasurerOf(state, r.council_id);
      return {
        council: council(state, r.council_id),
        currency: r.currency,
        openedAt: num(r.opened_at),
        treasurer: treasurer === null ? null : memberRef(state, treasurer),
        accounts: own,
        totals: {
          debits: own.reduce((s, a) => s + a.debits, 0),
          credits: own.reduce((s, a) => s + a.credits, 0),
        },
        entries: entries.get(r.council_id) ?? 0,
      };
    });
  };

  const entries = async (org: string, query: EntryQuery = {}): Promise<LedgerEntryView[]> => {
    const id = await orgId(org);
    let q = tables().selectFrom('ledger_entries').selectAll().where('org_id', '=', id);
    if (query.councilId !== undefined) q = q.where('council_id', '=', query.councilId);
    const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.limit ?? MAX_PAGE)));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const rows = await q.orderBy('seq').limit(limit).offset(offset).execute();
    if (rows.length === 0) return [];
    const lines = await tables()
      .selectFrom('ledger_lines')
      .selectAll()
      .where('org_id', '=', id)
      .where(
        'entry_id',
        'in',
        rows.map((r) => r.entry_id),
      )
      .orderBy('entry_id')
      .orderBy('line_no')
      .execute();
    const byEntry = new Map<string, LedgerEntryRow['lines'][number][]>();
    for (const l of lines) {
      const list = byEntry.get(l.entry_id) ?? [];
      list.push({ account: l.account, side: l.side, amount: num(l.amount) });
      byEntry.set(l.entry_id, list);
    }
    return rows.map((r) => {
      const decision: Decision | null =
        r.decision_kind === 'motion'
          ? { kind: 'motion', motionId: r.motion_id as string }
          : r.decision_kind === 'budget'
            ? { kind: 'budget', roundId: r.round_id as string, projectId: r.project_id as string }
            : null;
      return {
        entryId: r.entry_id,
        seq: num(r.seq),
        at: num(r.at),
        councilId: r.council_id,
        kind: r.entry_kind,
        currency: r.currency,
        lines: byEntry.get(r.entry_id) ?? [],
        authorisationId: r.authorisation_id,
        decision,
        payee: r.payee,
        source: r.source,
        memo: r.memo,
        by: r.recorded_by,
      };
    });
  };

  const authorisations = async (org: string, councilId?: string) => {
    const id = await orgId(org);
    const state = await directory.viewStateOf(org, 'member');
    let q = tables().selectFrom('treasury_authorisations').selectAll().where('org_id', '=', id);
    if (councilId !== undefined) q = q.where('council_id', '=', councilId);
    const rows = await q.orderBy('authorised_at').orderBy('authorisation_id').execute();
    return rows.map((r): AuthorisationView => {
      const amount = num(r.amount);
      const paid = num(r.paid);
      return {
        id: r.authorisation_id,
        council: council(state, r.council_id),
        decision:
          r.decision_kind === 'motion'
            ? { kind: 'motion', motionId: r.motion_id as string }
            : { kind: 'budget', roundId: r.round_id as string, projectId: r.project_id as string },
        amount,
        paid,
        remaining: amount - paid,
        currency: r.currency,
        payee: r.payee,
        purpose: r.purpose,
        mandateId: r.mandate_id,
        authorisedAt: num(r.authorised_at),
      };
    });
  };

  return {
    async treasuryView(org) {
      const id = await orgId(org);
      const state = await directory.viewStateOf(org, 'member');
      const rounds = await tables()
        .selectFrom('budget_rounds')
        .selectAll()
        .where('org_id', '=', id)
        .orderBy('opened_at')
        .orderBy('round_id')
        .execute();
      return {
        ledgers: await ledgers(org),
        authorisations: await authorisations(org),
        rounds: rounds.map(
          (r): BudgetRoundSummary => ({
            id: r.round_id,
            council: council(state, r.council_id),
            title: r.title,
            budget: num(r.budget),
            currency: r.currency,
            phase: r.phase,
            proposalsCloseAt: num(r.proposals_close_at),
            votingCloseAt: num(r.voting_close_at),
          }),
        ),
      };
    },

    async ledgerView(org, councilId) {
      const [view] = await ledgers(org, councilId);
      if (!view) throw democracyError('LEDGER_NOT_OPEN', { councilId });
      return view;
    },

    ledgerEntries: entries,

    async ledgerCsv(org, councilId) {
      return ledgerCsv(await entries(org, councilId === undefined ? {} : { councilId }));
    },

    authorisations,

    async budgetRoundView(org, roundId) {
      const id = await orgId(org);
      const r = await tables()
        .selectFrom('budget_rounds')
        .selectAll()
        .where('org_id', '=', id)
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      if (!r) throw democracyError('ROUND_UNKNOWN', { roundId });
      const state = await directory.viewStateOf(org, 'member');
      const projects = await tables()
        .selectFrom('budget_projects')
        .selectAll()
        .where('org_id', '=', id)
        .where('round_id', '=', roundId)
        .orderBy('proposed_at')
        .orderBy('project_id')
        .execute();
      return {
        id: r.round_id,
        council: council(state, r.council_id),
        motionId: r.motion_id,
        title: r.title,
        budget: num(r.budget),
        currency: r.currency,
        voteType: r.vote_type as RoundVoteType,
        rule: r.rule,
        points: r.points,
        maxChoices: r.max_choices,
        minScore: numOrNull(r.min_score),
        phase: r.phase,
        openedAt: num(r.opened_at),
        proposalsCloseAt: num(r.proposals_close_at),
        votingCloseAt: num(r.voting_close_at),
        rollSize: r.roll_size,
        cast: r.cast_count,
        projects: projects.map(
          (p): BudgetProjectView => ({
            id: p.project_id,
            title: p.title,
            description: p.description,
            cost: num(p.cost),
            payee: p.payee,
            proposedBy: memberRef(state, p.proposed_by),
            proposedAt: num(p.proposed_at),
            withdrawn: p.withdrawn,
            votes: p.votes,
            score: numOrNull(p.score),
            funded: p.funded,
          }),
        ),
        selected: r.selected,
        spent: numOrNull(r.spent),
        tieOrder: r.tie_order,
        seed: r.seed,
        perVoter: r.per_voter,
        lapseReason: r.lapse_reason,
        closedAt: numOrNull(r.closed_at),
      };
    },

    async budgetBallots(org, roundId) {
      const id = await orgId(org);
      const rows = await tables()
        .selectFrom('budget_ballots')
        .selectAll()
        .where('org_id', '=', id)
        .where('round_id', '=', roundId)
        .orderBy('receipt')
        .execute();
      return rows.map((b) => ({ receipt: b.receipt, projects: b.projects, points: b.points }));
    },
  };
}
