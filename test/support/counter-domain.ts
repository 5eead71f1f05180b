import { type Kysely, type Migration, sql } from 'kysely';
import { commonErrors } from '../../src/errors/common-errors.js';
import { errorFactory } from '../../src/errors/define-errors.js';
import type { Domain, Envelope, LoggedEnvelope } from '../../src/store/domain.js';
import type { StoreDatabase } from '../../src/store/schema.js';

/**
 * A tiny domain to test the store with, since the democracy domain plugs in later through
 * the same interface. It has what the store must handle: refusals, several events per
 * command, large data (logged by hash), a private secret (who voted) and projections.
 */
export type CounterCommand =
  | {
      readonly kind: 'add';
      readonly counter: string;
      readonly amount: number;
      readonly actor: string;
    }
  | { readonly kind: 'note'; readonly text: string; readonly actor: string }
  | { readonly kind: 'vote'; readonly voter: string; readonly choice: 'yes' | 'no' }
  /** `count` additions of 1 to `counter` in one command. */
  | { readonly kind: 'burst'; readonly counter: string; readonly count: number }
  /** A decide that throws a plain Error: a bug, not a refusal. */
  | { readonly kind: 'crash' };

export type CounterEvent =
  | {
      readonly kind: 'added';
      readonly seq: number;
      readonly counter: string;
      readonly amount: number;
      readonly actor: string;
    }
  | { readonly kind: 'noted'; readonly seq: number; readonly text: string; readonly actor: string }
  | {
      readonly kind: 'voted';
      readonly seq: number;
      readonly choice: 'yes' | 'no';
      readonly voter: string;
    };

export interface CounterState {
  readonly counters: ReadonlyMap<string, number>;
  readonly notes: number;
  readonly voters: ReadonlySet<string>;
  readonly tally: { readonly yes: number; readonly no: number };
}

/** The largest value a counter may reach; an addition past it is refused. */
export const COUNTER_LIMIT = 1_000_000;

const refuse = errorFactory(commonErrors);

type CounterTables = {
  test_counters: { org_id: number; counter: string; value: number };
  test_notes: { org_id: number; seq: number; length: number };
  test_tally: { org_id: number; choice: string; votes: number };
};

/** The test domain's projection tables, added after the store's own migrations. */
export const counterMigrations: Readonly<Record<string, Migration>> = {
  '9000-test-counter': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('test_counters')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('counter', 'text', (c) => c.notNull())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('test_counters_pk', ['org_id', 'counter'])
        .execute();
      await db.schema
        .createTable('test_notes')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('length', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('test_notes_pk', ['org_id', 'seq'])
        .execute();
      await db.schema
        .createTable('test_tally')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('choice', 'text', (c) => c.notNull())
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('test_tally_pk', ['org_id', 'choice'])
        .execute();
    },
  },
};

export const counterDomain: Domain<CounterState, CounterCommand, CounterEvent> = {
  name: 'counter',
  initial: () => ({ counters: new Map(), notes: 0, voters: new Set(), tally: { yes: 0, no: 0 } }),

  decide(state, command, ctx) {
    const seq = ctx.head.size;
    switch (command.kind) {
      case 'add': {
        if (!Number.isSafeInteger(command.amount) || command.amount <= 0) {
          throw refuse('BAD_REQUEST', { reason: 'the amount must be a positive whole number' });
        }
        const total = (state.counters.get(command.counter) ?? 0) + command.amount;
        if (total > COUNTER_LIMIT) {
          throw refuse('BAD_REQUEST', {
            reason: `counter ${command.counter} would pass its limit`,
          });
        }
        return [
          {
            kind: 'added',
            seq,
            counter: command.counter,
            amount: command.amount,
            actor: command.actor,
          },
        ];
      }
      case 'note':
        return [{ kind: 'noted', seq, text: command.text, actor: command.actor }];
      case 'vote':
        if (state.voters.has(command.voter)) {
          throw refuse('BAD_REQUEST', { reason: 'you have already voted' });
        }
        return [{ kind: 'voted', seq, choice: command.choice, voter: command.voter }];
      case 'burst':
        return Array.from({ length: command.count }, (_, i) => ({
          kind: 'added' as const,
          seq: seq + i,
          counter: command.counter,
          amount: 1,
          actor: 'system',
        }));
      case 'crash':
        throw new Error('a bug in decide');
    }
  },

  evolve(state, event) {
    switch (event.kind) {
      case 'added': {
        const counters = new Map(state.counters);
        counters.set(event.counter, (counters.get(event.counter) ?? 0) + event.amount);
        return { ...state, counters };
      }
      case 'noted':
        return { ...state, notes: state.notes + 1 };
      case 'voted':
        return {
          ...state,
          voters: new Set(state.voters).add(event.voter),
          tally: { ...state.tally, [event.choice]: state.tally[event.choice] + 1 },
        };
    }
  },

  envelope(event): Envelope {
    switch (event.kind) {
      case 'added':
        return {
          type: 'test.added',
          actor: event.actor,
          data: { counter: event.counter, amount: event.amount },
        };
      case 'noted':
        return { type: 'test.noted', actor: event.actor, data: { text: event.text } };
      case 'voted':
        return {
          type: 'test.voted',
          actor: 'system',
          data: { choice: event.choice },
          secret: { voter: event.voter },
        };
    }
  },

  revive(logged: LoggedEnvelope): CounterEvent {
    const data = logged.data as Record<string, unknown>;
    switch (logged.type) {
      case 'test.added':
        return {
          kind: 'added',
          seq: logged.seq,
          counter: String(data.counter),
          amount: Number(data.amount),
          actor: String(logged.actor),
        };
      case 'test.noted':
        return {
          kind: 'noted',
          seq: logged.seq,
          text: String(data.text),
          actor: String(logged.actor),
        };
      case 'test.voted':
        return {
          kind: 'voted',
          seq: logged.seq,
          choice: data.choice === 'yes' ? 'yes' : 'no',
          voter: String((logged.secret as Record<string, unknown> | undefined)?.voter),
        };
      default:
        throw new Error(`unknown event type ${logged.type}`);
    }
  },

  async project(tx: Kysely<StoreDatabase>, event, at) {
    const db = tx.withTables<CounterTables>();
    switch (event.kind) {
      case 'added':
        await db
          .insertInto('test_counters')
          .values({ org_id: at.orgId, counter: event.counter, value: event.amount })
          .onConflict((oc) =>
            oc.columns(['org_id', 'counter']).doUpdateSet({
              value: sql<number>`test_counters.value + excluded.value`,
            }),
          )
          .execute();
        return;
      case 'noted':
        await db
          .insertInto('test_notes')
          .values({ org_id: at.orgId, seq: at.seq, length: event.text.length })
          .execute();
        return;
      case 'voted':
        await db
          .insertInto('test_tally')
          .values({ org_id: at.orgId, choice: event.choice, votes: 1 })
          .onConflict((oc) =>
            oc
              .columns(['org_id', 'choice'])
              .doUpdateSet({ votes: sql<number>`test_tally.votes + 1` }),
          )
          .execute();
        return;
    }
  },

  /** The same rows as `project` event by event, in one statement per table. */
  async projectBatch(tx: Kysely<StoreDatabase>, items) {
    const db = tx.withTables<CounterTables>();
    const orgId = items[0]?.at.orgId;
    if (orgId === undefined) return;
    const sums = new Map<string, number>();
    const votes = new Map<string, number>();
    const notes: { org_id: number; seq: number; length: number }[] = [];
    for (const { event, at } of items) {
      if (event.kind === 'added')
        sums.set(event.counter, (sums.get(event.counter) ?? 0) + event.amount);
      else if (event.kind === 'voted') votes.set(event.choice, (votes.get(event.choice) ?? 0) + 1);
      else notes.push({ org_id: at.orgId, seq: at.seq, length: event.text.length });
    }
    if (sums.size > 0) {
      await db
        .insertInto('test_counters')
        .values([...sums].map(([counter, value]) => ({ org_id: orgId, counter, value })))
        .onConflict((oc) =>
          oc.columns(['org_id', 'counter']).doUpdateSet({
            value: sql<number>`test_counters.value + excluded.value`,
          }),
        )
        .execute();
    }
    if (votes.size > 0) {
      await db
        .insertInto('test_tally')
        .values([...votes].map(([choice, n]) => ({ org_id: orgId, choice, votes: n })))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'choice'])
            .doUpdateSet({ votes: sql<number>`test_tally.votes + excluded.votes` }),
        )
        .execute();
    }
    if (notes.length > 0) await db.insertInto('test_notes').values(notes).execute();
  },

  projectionTables: ['test_counters', 'test_notes', 'test_tally'],
};

/** The counter domain projecting event by event only (to check `projectBatch` against `project`). */
export const unbatchedCounterDomain: Domain<CounterState, CounterCommand, CounterEvent> = {
  ...counterDomain,
  name: 'counter-unbatched',
  projectBatch: undefined,
};

/**
 * The counter domain without projections: it runs on the store's own migrations alone,
 * so the CLI (which opens the store with the instance's migration list) can open a
 * database this domain wrote.
 */
export const plainCounterDomain: Domain<CounterState, CounterCommand, CounterEvent> = {
  name: 'counter-plain',
  initial: counterDomain.initial,
  decide: counterDomain.decide,
  evolve: counterDomain.evolve,
  envelope: counterDomain.envelope,
  revive: counterDomain.revive,
};
