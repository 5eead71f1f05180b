import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsck } from '../../src/store/fsck.js';
import type { CounterCommand, CounterEvent, CounterState } from '../support/counter-domain.js';
import { verifyStoredLog } from '../support/log-check.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

/**
 * Failure isolation in the group commit (issue 14): a command whose append fails in the
 * database (here U+0000 in a projected text column, which PostgreSQL cannot store) fails
 * alone; the other commands of its batch commit and are answered.
 */
const T0 = Date.UTC(2026, 3, 1);
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;
let appends = 0;

beforeAll(async () => {
  handle = await openTestStore({
    failpoint: (step) => {
      if (step === 'head-locked') appends += 1;
    },
  });
});
afterAll(async () => handle.dispose());

describe('a command that fails inside a group commit', () => {
  it('fails alone: the sixty others in its batch commit and are answered', async () => {
    const store = handle.store;
    await store.createOrganisation('batch', T0);
    appends = 0;
    const commands: CounterCommand[] = Array.from({ length: 60 }, (_, i) => ({
      kind: 'vote',
      voter: `v${i}`,
      choice: i % 2 === 0 ? 'yes' : 'no',
    }));
    commands.splice(30, 0, { kind: 'add', counter: 'bad\u0000name', amount: 1, actor: 'm' });
    const results = await Promise.allSettled(
      commands.map((command) => store.execute('batch', command, { now: T0 })),
    );

    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([30]);
    expect((await store.state('batch')).tally).toEqual({ yes: 30, no: 30 });
    expect((await store.head('batch')).size).toBe(60);
    // One shared transaction was tried first: the batch really was grouped.
    expect(appends).toBeLessThan(61);
    expect((await fsck(store, 'batch')).orgs[0]?.problems).toEqual([]);
    expect((await verifyStoredLog(store, 'batch')).ok).toBe(true);
  });

  it('writes what the caller adds in the same transaction; an addition that fails fails its command alone', async () => {
    const store = handle.store;
    await store.createOrganisation('also', T0);
    await sql`create table test_also (seq integer primary key)`.execute(store.db);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.execute(
          'also',
          { kind: 'vote', voter: `w${i}`, choice: 'yes' },
          {
            now: T0,
            alsoWrite: async (tx, executed) => {
              if (i === 3) throw new Error('the addition failed');
              await sql`insert into test_also (seq) values (${executed.firstSeq})`.execute(tx);
            },
          },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect((await store.state('also')).voters.has('w3')).toBe(false);
    // Exactly the committed commands' additions were written, with where they landed.
    const landed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.firstSeq] : []));
    const rows = await sql<{ seq: number }>`select seq from test_also order by seq`.execute(
      store.db,
    );
    expect(rows.rows.map((r) => r.seq)).toEqual(landed.sort((x, y) => x - y));
    expect((await fsck(store, 'also')).orgs[0]?.problems).toEqual([]);
  });
});
