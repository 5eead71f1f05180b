import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_STEPS, type AppendStep } from '../../src/store/failpoint.js';
import { fsck } from '../../src/store/fsck.js';
import type { CounterCommand, CounterEvent, CounterState } from '../support/counter-domain.js';
import { verifyStoredLog } from '../support/log-check.js';
import { runAppendChild } from '../support/spawn-child.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

/**
 * Durability (RECORD.md "Invariants": a crash at any point leaves either both or
 * neither): an append that fails at any of its write steps leaves the store exactly as
 * before (fsck clean, the state and head unchanged), and a failure after the commit
 * leaves it exactly as after; either way the log carries on.
 */
const T0 = Date.UTC(2026, 2, 1);
let failAt: { step: AppendStep | 'committed'; org: string } | undefined;
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;

const add = (counter: string, actor = 'm'): CounterCommand => ({
  kind: 'add',
  counter,
  amount: 1,
  actor,
});

beforeAll(async () => {
  handle = await openTestStore({
    failpoint: (step, org) => {
      if (failAt && failAt.step === step && failAt.org === org) {
        throw new Error(`injected failure at ${step}`);
      }
    },
  });
});
afterAll(async () => handle.dispose());

describe('an append that fails at a write step', () => {
  it.each(APPEND_STEPS.map((step) => [step]))(
    'rolls back everything when it fails after %s',
    async (step) => {
      const store = handle.store;
      const org = `fail-${step}`;
      await store.createOrganisation(org, T0);
      await Promise.all([1, 2, 3].map(() => store.execute(org, add('a'), { now: T0 })));
      await store.execute(org, { kind: 'vote', voter: 'v0', choice: 'yes' }, { now: T0 });
      const headBefore = await store.head(org);
      const stateBefore = await store.state(org);

      failAt = { step, org };
      // A batch with a large note (blob), a secret vote and a refusal.
      const results = await Promise.allSettled([
        store.execute(org, add('a'), { now: T0 + 1 }),
        store.execute(org, { kind: 'note', text: 'x'.repeat(70_000), actor: 'm' }, { now: T0 + 1 }),
        store.execute(org, { kind: 'vote', voter: 'v1', choice: 'no' }, { now: T0 + 1 }),
        store.execute(org, add('a', 'n'), { now: T0 + 1 }),
      ]);
      failAt = undefined;
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(await store.head(org)).toEqual(headBefore);
      expect(await store.state(org)).toEqual(stateBefore);
      const report = await fsck(store, org);
      expect(report.orgs[0]?.problems).toEqual([]);

      // The log carries on from where it was, and the same commands now succeed.
      const again = await store.execute(
        org,
        { kind: 'vote', voter: 'v1', choice: 'no' },
        { now: T0 + 2 },
      );
      expect(again.firstSeq).toBe(headBefore.size);
      expect((await verifyStoredLog(store, org)).ok).toBe(true);
    },
  );
});

describe('a failure between commit and acknowledgement', () => {
  it('leaves the events committed, and the next command catches up with them', async () => {
    const store = handle.store;
    const org = 'fail-committed';
    await store.createOrganisation(org, T0);
    await store.execute(org, add('a'), { now: T0 });
    failAt = { step: 'committed', org };
    const lost = await Promise.allSettled([
      store.execute(org, add('a'), { now: T0 }),
      store.execute(org, add('a'), { now: T0 }),
    ]);
    failAt = undefined;
    expect(lost.every((r) => r.status === 'rejected')).toBe(true);
    // "After": the database has the events although their callers saw an error.
    expect((await store.head(org)).size).toBe(3);
    const next = await store.execute(org, add('a'), { now: T0 });
    expect(next.firstSeq).toBe(3);
    expect((await store.state(org)).counters.get('a')).toBe(4);
    expect((await fsck(store, org)).ok).toBe(true);
  });
});

describe('a process killed in the middle of an append (SIGKILL)', () => {
  it.each([['entries-written'], ['projected'], ['head-written'], ['committed']] as const)(
    'leaves the store clean and the log before or after the batch (killed after %s)',
    async (step) => {
      const org = `kill-${step}`;
      await handle.store.createOrganisation(org, T0);
      await handle.store.execute(org, add('k'), { now: T0 });
      const before = await handle.store.head(org);
      // PGlite allows one process per directory: let the child have it.
      await handle.store.close();
      const run = await runAppendChild({
        config: handle.target.config,
        org,
        writer: 'k',
        count: 5,
        concurrency: 5,
        crashAt: step,
      });
      expect(run.signal).toBe('SIGKILL');
      expect(run.acks.size).toBe(0);

      // Restart (the stale lock of the dead process is taken over).
      const store = await handle.reopen();
      const report = await fsck(store, org);
      expect(report.orgs[0]?.problems).toEqual([]);
      const after = await store.head(org);
      if (step === 'committed') {
        expect(after.size).toBeGreaterThan(before.size);
      } else {
        expect(after).toEqual(before);
      }
      const state = await store.state(org);
      expect(state.counters.get('k')).toBe(after.size);
      const next = await store.execute(org, add('k'), { now: T0 });
      expect(next.firstSeq).toBe(after.size);
      expect((await verifyStoredLog(store, org)).ok).toBe(true);
    },
  );
});
