import { type Kysely, sql } from 'kysely';

/**
 * The treasury's and participatory budgets' SQL projections
 * (store/projections/treasury-*.ts): each council's ledger, its accounts with their
 * balances, every entry with its debit and credit lines (and the log position of its
 * event), the spending authorisations with what they have paid, the budget rounds,
 * their projects and, after the close, their published ballots. Disposable like every
 * projection: `soviet fsck` rebuilds them from the log and compares. Every table has
 * `org_id`. Amounts are whole minor units (`bigint`); times Unix milliseconds.
 *
 * Only public facts: who cast a budget ballot stays in `private_data` (RECORD.md).
 * SQL valid on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const org = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'));

  await org('ledgers')
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledgers_pk', ['org_id', 'council_id'])
    .execute();

  await org('ledger_accounts')
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_type', 'text', (c) =>
      c
        .notNull()
        .check(sqlIn('account_type', ['asset', 'liability', 'equity', 'income', 'expense'])),
    )
    .addColumn('debits', 'bigint', (c) => c.notNull())
    .addColumn('credits', 'bigint', (c) => c.notNull())
    // On the account's growing side: debits − credits for assets and expenses.
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_accounts_pk', ['org_id', 'council_id', 'code'])
    .execute();

  await org('ledger_entries')
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    // The log position of the entry's event.
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('entry_kind', 'text', (c) =>
      c.notNull().check(sqlIn('entry_kind', ['income', 'transfer', 'payment'])),
    )
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('authorisation_id', 'text')
    .addColumn('decision_kind', 'text')
    .addColumn('motion_id', 'text')
    .addColumn('round_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('payee', 'text')
    .addColumn('wage_member_id', 'text')
    .addColumn('wage_mandate_id', 'text')
    .addColumn('wage_month', 'text')
    .addPrimaryKeyConstraint('ledger_entries_pk', ['org_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_council')
    .on('ledger_entries')
    .columns(['org_id', 'council_id', 'seq'])
    .execute();

  await org('ledger_lines')
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sqlIn('side', ['debit', 'credit'])))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addPrimaryKeyConstraint('ledger_lines_pk', ['org_id', 'entry_id', 'line_no'])
    .execute();

  await org('treasury_authorisations')
    .addColumn('authorisation_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('decision_kind', 'text', (c) =>
      c.notNull().check(sqlIn('decision_kind', ['motion', 'budget'])),
    )
    .addColumn('motion_id', 'text')
    .addColumn('round_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('mandate_id', 'text')
    .addColumn('paid', 'bigint', (c) => c.notNull().check(sql`paid <= amount`))
    .addColumn('authorised_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('treasury_authorisations_pk', ['org_id', 'authorisation_id'])
    .execute();

  await org('budget_rounds')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('motion_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('budget', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('scale', 'integer', (c) => c.notNull())
    .addColumn('vote_type', 'text', (c) =>
      c.notNull().check(sqlIn('vote_type', ['approval', 'cumulative', 'ordinal'])),
    )
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('points', 'integer')
    .addColumn('max_choices', 'integer')
    .addColumn('min_score', 'bigint')
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sqlIn('phase', ['proposals', 'voting', 'closed', 'lapsed'])),
    )
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('proposals_close_at', 'bigint', (c) => c.notNull())
    .addColumn('voting_close_at', 'bigint', (c) => c.notNull())
    .addColumn('ballot_projects', 'jsonb')
    .addColumn('roll_size', 'integer')
    .addColumn('cast_count', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('tie_order', 'jsonb')
    .addColumn('selected', 'jsonb')
    .addColumn('spent', 'bigint')
    .addColumn('per_voter', 'text')
    .addColumn('lapse_reason', 'text')
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('budget_rounds_pk', ['org_id', 'round_id'])
    .execute();

  await org('budget_projects')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('withdrawn', 'boolean', (c) => c.notNull())
    .addColumn('votes', 'integer')
    .addColumn('score', 'bigint')
    .addColumn('funded', 'boolean')
    .addPrimaryKeyConstraint('budget_projects_pk', ['org_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('budget_projects_round')
    .on('budget_projects')
    .columns(['org_id', 'round_id'])
    .execute();

  await org('budget_ballots')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('projects', 'jsonb', (c) => c.notNull())
    .addColumn('points', 'jsonb')
    .addPrimaryKeyConstraint('budget_ballots_pk', ['org_id', 'round_id', 'receipt'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'budget_ballots',
    'budget_projects',
    'budget_rounds',
    'treasury_authorisations',
    'ledger_lines',
    'ledger_entries',
    'ledger_accounts',
    'ledgers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

/** A CHECK that a text column holds one of `values` (constants of this file only). */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
