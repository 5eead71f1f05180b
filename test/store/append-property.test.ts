import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsck } from '../../src/store/fsck.js';
import type { CounterEvent, CounterState } from '../support/counter-domain.js';
import { COUNTER_LIMIT, type CounterCommand } from '../support/counter-domain.js';
import { verifyStoredLog } from '../support/log-check.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

/**
 * Random workloads against a slow, obviously correct model (STYLE.md 9): commands are sent
 * in waves, each wave all at once, so that batches form at random. The store must answer
 * each command exactly as the model applying them one by one in call order does, and end
 * with the model's state, a gapless log of the model's events, and a clean fsck.
 */
const T0 = Date.UTC(2026, 5, 1);
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;
let runs = 0;

beforeAll(async () => {
  handle = await openTestStore();
});
afterAll(async () => handle.dispose());

interface Model {
  counters: Map<string, number>;
  voters: Set<string>;
  events: number;
}

/** The rules, stated plainly: how many events a command gives, or undefined if refused. */
function apply(model: Model, command: CounterCommand): number | undefined {
  switch (command.kind) {
    case 'add': {
      const total = (model.counters.get(command.counter) ?? 0) + command.amount;
      if (command.amount <= 0 || total > COUNTER_LIMIT) return undefined;
      model.counters.set(command.counter, total);
      return 1;
    }
    case 'vote':
      if (model.voters.has(command.voter)) return undefined;
      model.voters.add(command.voter);
      return 1;
    case 'burst':
      if (command.count > 0) {
        model.counters.set(
          command.counter,
          (model.counters.get(command.counter) ?? 0) + command.count,
        );
      }
      return command.count;
    default:
      return undefined;
  }
}

const command: fc.Arbitrary<CounterCommand> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    counter: fc.constantFrom('a', 'b', 'c'),
    amount: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(COUNTER_LIMIT / 2)),
    actor: fc.constantFrom('m1', 'm2'),
  }),
  fc.record({
    kind: fc.constant('vote' as const),
    voter: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
    choice: fc.constantFrom('yes' as const, 'no' as const),
  }),
  fc.record({
    kind: fc.constant('burst' as const),
    counter: fc.constantFrom('a', 'd'),
    count: fc.integer({ min: 0, max: 4 }),
  }),
);

describe('the append path under random concurrent workloads', () => {
  it('answers and logs exactly what the sequential model does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(command, { minLength: 1, maxLength: 25 }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (waves) => {
          const store = handle.store;
          runs += 1;
          const org = `prop-${runs}`;
          await store.createOrganisation(org, T0);
          const model: Model = { counters: new Map(), voters: new Set(), events: 0 };
          for (const wave of waves) {
            const expected = wave.map((c) => apply(model, c));
            const results = await Promise.allSettled(
              wave.map((c) => store.execute(org, c, { now: T0 })),
            );
            results.forEach((result, i) => {
              const want = expected[i];
              if (want === undefined) {
                expect(result.status).toBe('rejected');
                expect((result as PromiseRejectedResult).reason).toMatchObject({
                  code: 'BAD_REQUEST',
                });
              } else {
                expect(result.status).toBe('fulfilled');
                const done = (
                  result as PromiseFulfilledResult<{ events: readonly unknown[]; firstSeq: number }>
                ).value;
                expect(done.events).toHaveLength(want);
                expect(done.firstSeq).toBe(model.events);
                model.events += want;
              }
            });
          }
          const state = await store.state(org);
          expect(Object.fromEntries(state.counters)).toEqual(Object.fromEntries(model.counters));
          expect([...state.voters].sort()).toEqual([...model.voters].sort());
          expect((await store.head(org)).size).toBe(model.events);
          const verified = await verifyStoredLog(store, org);
          expect(verified.ok).toBe(true);
          const report = await fsck(store, org);
          expect(report.orgs[0]?.problems).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});
