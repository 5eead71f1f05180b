import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import {
  type CounterCommand,
  type CounterEvent,
  type CounterState,
  counterDomain,
  unbatchedCounterDomain,
} from '../test/support/counter-domain.js';
import { createTestTarget, type TestTarget, testMigrations } from '../test/support/test-store.js';
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../test/support/throwaway-postgres.js';
import type { BenchResult } from './bench-types.js';

/**
 * Appends per second to one organisation's log with 64 concurrent writers (issue 2:
 * target ≥ 2,000 events/s on PostgreSQL with durable commits), on PGlite and on
 * PostgreSQL (fsync and synchronous_commit on). Each append is the full path: decide,
 * canonical entry, leaf and tile hashes, the projection (the test counter domain's
 * `projectBatch`, one upsert per batch; also measured projecting event by event, one
 * statement per event), a consistency proof read from the stored tree and a signed
 * checkpoint, committed in one transaction per batch.
 *
 * Baselines, measured in the same run on the same database: one writer appending
 * alone (so every command is its own commit), and the raw rate of one-row INSERT +
 * COMMIT transactions (the durable-commit ceiling without batching).
 *
 * PostgreSQL: DATABASE_URL's server if set, else a throwaway PostgreSQL 15 started here
 * in durable mode when /usr/lib/postgresql/15/bin exists; otherwise PGlite only.
 * SOVIET_BENCH_SECONDS sets the measuring time of each phase (default 4).
 */
const WRITERS = 64;
const SECONDS = Number(process.env.SOVIET_BENCH_SECONDS ?? 4);
type CounterStore = Store<CounterState, CounterCommand, CounterEvent>;

interface Rates {
  readonly concurrent: number;
  /** The same with the domain projecting event by event (no `projectBatch`). */
  readonly concurrentUnbatched: number;
  readonly single: number;
  readonly raw: number;
  readonly eventsPerCommit: number;
}

async function appendRate(
  store: CounterStore,
  org: string,
  writers: number,
  seconds: number,
): Promise<number> {
  let count = 0;
  let i = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < end) {
        i += 1;
        await store.execute(
          org,
          { kind: 'add', counter: `c${w % 8}`, amount: 1, actor: `member-${w}-${i}` },
          { now: Date.now() },
        );
        count += 1;
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

async function rawCommitRate(store: CounterStore, seconds: number): Promise<number> {
  await sql`create table if not exists bench_raw (id bigint generated always as identity primary key, payload bytea not null)`.execute(
    store.db,
  );
  const db = store.db.withTables<{ bench_raw: { payload: Uint8Array } }>();
  const payload = new Uint8Array(200).fill(7);
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await db
      .transaction()
      .execute((tx) => tx.insertInto('bench_raw').values({ payload }).execute());
    count += 1;
  }
  return count / ((performance.now() - start) / 1000);
}

type Opener = (domain: typeof counterDomain) => Promise<CounterStore>;

async function measure(open: Opener): Promise<Rates> {
  const now = Date.now();
  let store = await open(counterDomain);
  try {
    await store.createOrganisation('bench', now);
    await store.createOrganisation('bench-single', now);
    await store.createOrganisation('bench-unbatched', now);
    // Warm up: JIT, connection pool, first tiles.
    await appendRate(store, 'bench', WRITERS, 0.5);
    const org = await store.organisation('bench');
    const before = await store.head('bench');
    const commitsBefore = await countCheckpoints(store, org.id);
    const concurrent = await appendRate(store, 'bench', WRITERS, SECONDS);
    const after = await store.head('bench');
    const commits = (await countCheckpoints(store, org.id)) - commitsBefore;
    const single = await appendRate(store, 'bench-single', 1, Math.max(1, SECONDS / 2));
    const raw = await rawCommitRate(store, Math.max(1, SECONDS / 2));
    await store.close();
    // The same domain projecting event by event (one statement per event).
    store = await open(unbatchedCounterDomain);
    await appendRate(store, 'bench-unbatched', WRITERS, 0.5);
    const concurrentUnbatched = await appendRate(store, 'bench-unbatched', WRITERS, SECONDS);
    return {
      concurrent,
      concurrentUnbatched,
      single,
      raw,
      eventsPerCommit: (after.size - before.size) / Math.max(1, commits),
    };
  } finally {
    await store.close();
  }
}

async function countCheckpoints(store: CounterStore, orgId: number): Promise<number> {
  const row = await store.db
    .selectFrom('log_checkpoints')
    .select(sql<number>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function record(figures: Record<string, number | string>, prefix: string, r: Rates): void {
  figures[`${prefix}.appends_per_s_${WRITERS}_writers`] = Math.round(r.concurrent);
  figures[`${prefix}.appends_per_s_${WRITERS}_writers_unbatched_projection`] = Math.round(
    r.concurrentUnbatched,
  );
  figures[`${prefix}.appends_per_s_1_writer`] = Math.round(r.single);
  figures[`${prefix}.raw_insert_commit_per_s`] = Math.round(r.raw);
  figures[`${prefix}.ratio_${WRITERS}_writers_vs_1_writer`] = round2(r.concurrent / r.single);
  figures[`${prefix}.ratio_${WRITERS}_writers_vs_raw_commit`] = round2(r.concurrent / r.raw);
  figures[`${prefix}.events_per_commit`] = round2(r.eventsPerCommit);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function run(): Promise<BenchResult> {
  const figures: Record<string, number | string> = { writers: WRITERS, seconds_per_phase: SECONDS };
  const notes: string[] = [];

  const pglite: TestTarget = await createTestTarget(testMigrations, '');
  try {
    let first = true;
    const open: Opener = (domain) => {
      const template = first ? pglite.template : undefined;
      first = false;
      return openStore(pglite.config, {
        domain,
        migrations: testMigrations,
        ...(template ? { template } : {}),
      });
    };
    record(figures, 'pglite', await measure(open));
  } finally {
    await pglite.drop();
  }

  let throwaway: ThrowawayPostgres | undefined;
  let adminUrl = process.env.DATABASE_URL || undefined;
  if (!adminUrl && postgresInstalled()) {
    throwaway = await startThrowawayPostgres('durable');
    adminUrl = throwaway.url;
    notes.push('PostgreSQL: a throwaway PostgreSQL 15 started by the bench (fsync on).');
  }
  if (adminUrl) {
    const target = await createTestTarget(testMigrations, adminUrl);
    try {
      const open: Opener = (domain) =>
        openStore(target.config, { domain, migrations: testMigrations, poolSize: 10 });
      const probe = await open(counterDomain);
      try {
        const settings = await sql<{
          fsync: string;
          sync: string;
          version: string;
        }>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync, current_setting('server_version') as version`.execute(
          probe.db,
        );
        const s = settings.rows[0];
        figures['postgres.version'] = s?.version ?? '?';
        figures['postgres.fsync'] = s?.fsync ?? '?';
        figures['postgres.synchronous_commit'] = s?.sync ?? '?';
        if (s?.fsync !== 'on' || s?.sync !== 'on') {
          notes.push(
            'WARNING: PostgreSQL commits were not durable (fsync or synchronous_commit off).',
          );
        }
      } finally {
        await probe.close();
      }
      record(figures, 'postgres', await measure(open));
    } finally {
      await target.drop();
      await throwaway?.stop();
    }
  } else {
    notes.push(
      'PostgreSQL not available (no DATABASE_URL, no /usr/lib/postgresql/15/bin): PGlite only.',
    );
  }

  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(58)} ${v}`);
  for (const n of notes) console.log(n);
  return { name: 'append', figures, notes };
}
