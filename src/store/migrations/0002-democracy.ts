import { type Kysely, sql } from 'kysely';

/**
 * The democracy domain's SQL projections (store/projections/): what views that span
 * organisations, SQL reporting and `soviet fsck` read. They are disposable: every row
 * follows from the log (ARCHITECTURE.md, "Replaying every event … must give the same
 * projections"), and fsck rebuilds and compares them. Every table has `org_id`.
 *
 * Only public facts are projected: who cast a secret ballot never reaches a table (it
 * stays in `private_data`, RECORD.md "Secret ballots on a public record").
 *
 * Times are Unix milliseconds (`bigint`); ids are the domain's (`c3`, `m12`, `e4`, …).
 * SQL valid on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const org = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'));

  await org('org_profiles')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('founded_at', 'bigint', (c) => c.notNull())
    .addColumn('founder_id', 'text', (c) => c.notNull())
    .addColumn('root_council_id', 'text', (c) => c.notNull())
    .addColumn('constitution', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_profiles_pk', ['org_id'])
    .execute();

  await org('councils')
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['base', 'delegate'])))
    .addColumn('parent_id', 'text')
    .addColumn('offices', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by_motion', 'text')
    .addColumn('dissolved_at', 'bigint')
    .addColumn('merged_into', 'text')
    .addPrimaryKeyConstraint('councils_pk', ['org_id', 'council_id'])
    .execute();
  await db.schema
    .createIndex('councils_parent')
    .on('councils')
    .columns(['org_id', 'parent_id'])
    .execute();

  await org('members')
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['active', 'left', 'expelled'])),
    )
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('invitation_id', 'text')
    .addColumn('ended_at', 'bigint')
    .addColumn('expelled_by_motion', 'text')
    // Names are personal data: they live in the private directory (0005), never here.
    .addColumn('erased_at', 'bigint')
    .addPrimaryKeyConstraint('members_pk', ['org_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('members_council')
    .on('members')
    .columns(['org_id', 'council_id'])
    .execute();

  await org('elections')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('seat_kind', 'text', (c) =>
      c.notNull().check(sqlIn('seat_kind', ['delegation', 'office'])),
    )
    .addColumn('electing_council_id', 'text', (c) => c.notNull())
    .addColumn('seat_council_id', 'text')
    .addColumn('office', 'text')
    .addColumn('election_kind', 'text', (c) =>
      c.notNull().check(sqlIn('election_kind', ['regular', 'by'])),
    )
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sqlIn('phase', ['nominations', 'voting', 'counted', 'lapsed'])),
    )
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('nominations_close_at', 'bigint', (c) => c.notNull())
    .addColumn('voting_close_at', 'bigint', (c) => c.notNull())
    .addColumn('mandate_ends_at', 'bigint', (c) => c.notNull())
    .addColumn('max_consecutive_terms', 'integer', (c) => c.notNull())
    .addColumn('max_concurrent_mandates', 'integer', (c) => c.notNull())
    .addColumn('candidates', 'jsonb')
    .addColumn('box_id', 'text')
    .addColumn('elected', 'jsonb')
    .addColumn('unopposed', 'boolean')
    .addColumn('report', 'jsonb')
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('elections_pk', ['org_id', 'election_id'])
    .execute();
  await db.schema
    .createIndex('elections_group')
    .on('elections')
    .columns(['org_id', 'group_key'])
    .execute();

  await org('nominations')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('nominated_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['nominated', 'accepted', 'withdrawn'])),
    )
    .addColumn('withdrawn_reason', 'text')
    .addPrimaryKeyConstraint('nominations_pk', ['org_id', 'election_id', 'member_id'])
    .execute();

  await org('mandates')
    .addColumn('mandate_id', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('seat_kind', 'text', (c) => c.notNull())
    .addColumn('electing_council_id', 'text', (c) => c.notNull())
    .addColumn('seat_council_id', 'text')
    .addColumn('office', 'text')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('terms', 'integer', (c) => c.notNull())
    .addColumn('term_limit', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['sitting', 'ended'])))
    .addColumn('ended_at', 'bigint')
    .addColumn('end_reason', 'text')
    .addPrimaryKeyConstraint('mandates_pk', ['org_id', 'mandate_id'])
    .execute();
  await db.schema
    .createIndex('mandates_holder')
    .on('mandates')
    .columns(['org_id', 'holder_id'])
    .execute();

  await org('ballot_boxes')
    .addColumn('box_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) =>
      c.notNull().check(sqlIn('subject_kind', ['election', 'motion', 'amendment', 'recall'])),
    )
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('secret', 'boolean', (c) => c.notNull())
    .addColumn('roll_size', 'integer', (c) => c.notNull())
    .addColumn('quorum_percent', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'bigint', (c) => c.notNull())
    .addColumn('closes_at', 'bigint', (c) => c.notNull())
    .addColumn('cast_count', 'integer', (c) => c.notNull())
    .addColumn('closed', 'boolean', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addPrimaryKeyConstraint('ballot_boxes_pk', ['org_id', 'box_id'])
    .execute();

  await org('published_ballots')
    .addColumn('box_id', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('ballot', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_ballots_pk', ['org_id', 'box_id', 'receipt'])
    .execute();
  await db.schema
    .createIndex('published_ballots_receipt')
    .on('published_ballots')
    .columns(['org_id', 'receipt'])
    .execute();

  await org('open_votes')
    .addColumn('box_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_votes_pk', ['org_id', 'box_id', 'voter_id'])
    .execute();

  await org('motions')
    .addColumn('motion_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_text', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('motion_kind', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('threshold', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) =>
      c
        .notNull()
        .check(
          sqlIn('phase', [
            'proposed',
            'debate',
            'amendments',
            'voting',
            'passed',
            'failed',
            'withdrawn',
          ]),
        ),
    )
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('seconders', 'integer', (c) => c.notNull())
    .addColumn('seconders_needed', 'integer', (c) => c.notNull())
    .addColumn('debate_closes_at', 'bigint')
    .addColumn('amendments_close_at', 'bigint')
    .addColumn('box_id', 'text')
    .addColumn('vote_closes_at', 'bigint')
    .addColumn('yes', 'integer')
    .addColumn('no', 'integer')
    .addColumn('abstain', 'integer')
    .addColumn('quorum_needed', 'integer')
    .addColumn('result_reason', 'text')
    .addColumn('effect_void', 'text')
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('motions_pk', ['org_id', 'motion_id'])
    .execute();
  await db.schema
    .createIndex('motions_council')
    .on('motions')
    .columns(['org_id', 'council_id'])
    .execute();

  await org('amendments')
    .addColumn('amendment_id', 'text', (c) => c.notNull())
    .addColumn('motion_id', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('box_id', 'text')
    .addColumn('adopted', 'boolean')
    .addColumn('yes', 'integer')
    .addColumn('no', 'integer')
    .addColumn('abstain', 'integer')
    .addPrimaryKeyConstraint('amendments_pk', ['org_id', 'amendment_id'])
    .execute();

  await org('recall_petitions')
    .addColumn('petition_id', 'text', (c) => c.notNull())
    .addColumn('mandate_id', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('electing_council_id', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('breach_ids', 'jsonb', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .addColumn('needed', 'integer', (c) => c.notNull())
    .addColumn('signatures', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sqlIn('phase', ['petition', 'vote', 'lapsed', 'recalled', 'kept', 'moot'])),
    )
    .addColumn('box_id', 'text')
    .addColumn('vote_closes_at', 'bigint')
    .addColumn('recall', 'integer')
    .addColumn('keep', 'integer')
    .addColumn('abstain', 'integer')
    .addColumn('quorum_needed', 'integer')
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('recall_petitions_pk', ['org_id', 'petition_id'])
    .execute();

  await org('instructions')
    .addColumn('instruction_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('target_motion_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('instructions_pk', ['org_id', 'instruction_id'])
    .execute();

  await org('breaches')
    .addColumn('breach_id', 'text', (c) => c.notNull())
    .addColumn('mandate_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('motion_id', 'text', (c) => c.notNull())
    .addColumn('instruction_id', 'text', (c) => c.notNull())
    .addColumn('instructed', 'text', (c) => c.notNull())
    .addColumn('voted', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('breaches_pk', ['org_id', 'breach_id'])
    .execute();

  await org('spending_authorisations')
    .addColumn('motion_id', 'text', (c) => c.notNull())
    .addColumn('council_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('authorised_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('spending_authorisations_pk', ['org_id', 'motion_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'spending_authorisations',
    'breaches',
    'instructions',
    'recall_petitions',
    'amendments',
    'motions',
    'open_votes',
    'published_ballots',
    'ballot_boxes',
    'mandates',
    'nominations',
    'elections',
    'members',
    'councils',
    'org_profiles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

/** A CHECK that a text column holds one of `values` (constants of this file only). */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
