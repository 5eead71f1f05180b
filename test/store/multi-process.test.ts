import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntry } from '../../src/record/index.js';
import { fsck } from '../../src/store/fsck.js';
import { openStore } from '../../src/store/open-store.js';
import { counterDomain } from '../support/counter-domain.js';
import { verifyStoredLog } from '../support/log-check.js';
import { runAppendChild } from '../support/spawn-child.js';
import { createTestTarget, type TestTarget, testMigrations } from '../support/test-store.js';
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.js';

/**
 * Several server processes may share one PostgreSQL database (how Soviet grows past one
 * machine): appends to one log stay gapless and exactly-once across processes. This
 * needs PostgreSQL: DATABASE_URL's server, else a throwaway PostgreSQL 15 of its own.
 * On a machine with neither, it checks the embedded database's side of the same promise:
 * a second process is refused and the first one's log is whole.
 */
const T0 = Date.UTC(2026, 4, 1);
const adminUrl = process.env.DATABASE_URL || undefined;
const canUsePostgres =
  adminUrl !== undefined || (postgresInstalled() && process.env.SOVIET_TEST_NO_POSTGRES !== '1');
let throwaway: ThrowawayPostgres | undefined;
let target: TestTarget;

beforeAll(async () => {
  let url = adminUrl;
  if (!url && canUsePostgres) {
    throwaway = await startThrowawayPostgres('fast');
    url = throwaway.url;
  }
  target = await createTestTarget(testMigrations, url);
});
afterAll(async () => {
  await target?.drop();
  await throwaway?.stop();
});

describe(
  canUsePostgres
    ? 'two OS processes appending to one PostgreSQL database'
    : 'two OS processes on one embedded (PGlite) data directory',
  () => {
    if (canUsePostgres) {
      it('keeps the log gapless, with every acknowledged event exactly once, and verifiable', async () => {
        const store = await openStore(target.config, {
          domain: counterDomain,
          migrations: testMigrations,
        });
        try {
          await store.createOrganisation('shared', T0);
          const startAt = Date.now() + 4000;
          const children = ['w1', 'w2'].map((writer) =>
            runAppendChild({
              config: target.config,
              org: 'shared',
              writer,
              count: 300,
              concurrency: 16,
              startAt,
            }),
          );
          // This process appends too, so its memory must catch up with the others' entries.
          const ours = (async () => {
            await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
            const acks = new Map<number, number>();
            await Promise.all(
              Array.from({ length: 100 }, async (_, i) => {
                const done = await store.execute(
                  'shared',
                  { kind: 'add', counter: 'p', amount: 1, actor: `p-${i}` },
                  { now: Date.now() },
                );
                acks.set(i, done.firstSeq);
              }),
            );
            return acks;
          })();
          const [w1, w2] = await Promise.all(children);
          const p = await ours;
          for (const run of [w1, w2]) {
            expect(run?.stderr).toBe('');
            expect(run?.code).toBe(0);
            expect(run?.done).toBe(true);
            expect(run?.acks.size).toBe(300);
          }

          const org = await store.organisation('shared');
          const rows = await store.db
            .selectFrom('log_entries')
            .select(['seq', 'entry'])
            .where('org_id', '=', org.id)
            .orderBy('seq')
            .execute();
          expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 700 }, (_, i) => i));
          const actors = rows.map((r) => decodeEntry(r.entry).actor);
          expect(new Set(actors).size).toBe(700);
          const acked = [
            ...[...(w1?.acks ?? [])].map(([i, seq]) => [`w1-${i}`, seq] as const),
            ...[...(w2?.acks ?? [])].map(([i, seq]) => [`w2-${i}`, seq] as const),
            ...[...(p ?? [])].map(([i, seq]) => [`p-${i}`, seq] as const),
          ];
          expect(acked).toHaveLength(700);
          for (const [actor, seq] of acked) expect(actors[seq]).toBe(actor);
          // The writers really ran at the same time: their entries interleave.
          const switches = actors.filter(
            (a, i) => i > 0 && a.slice(0, 2) !== actors[i - 1]?.slice(0, 2),
          ).length;
          expect(switches).toBeGreaterThan(2);

          const state = await store.state('shared');
          expect(Object.fromEntries(state.counters)).toEqual({ w1: 300, w2: 300, p: 100 });
          const verified = await verifyStoredLog(store, 'shared');
          expect(verified).toMatchObject({ ok: true, size: 700 });
          const report = await fsck(store, 'shared');
          expect(report.orgs[0]?.problems).toEqual([]);
        } finally {
          await store.close();
        }
      });
    } else {
      it('refuses the second process and keeps the first one’s log whole', async () => {
        const store = await openStore(target.config, {
          domain: counterDomain,
          migrations: testMigrations,
          ...(target.template ? { template: target.template } : {}),
        });
        try {
          await store.createOrganisation('shared', T0);
          const second = await runAppendChild({
            config: target.config,
            org: 'shared',
            writer: 'w2',
            count: 10,
            concurrency: 1,
          });
          expect(second.code).not.toBe(0);
          expect(second.stderr).toContain('STORE_DATA_DIR_LOCKED');
          expect(second.stderr).toContain(`pid ${process.pid}`);
          await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              store.execute(
                'shared',
                { kind: 'add', counter: 'p', amount: 1, actor: `p-${i}` },
                { now: T0 },
              ),
            ),
          );
          expect((await verifyStoredLog(store, 'shared')).ok).toBe(true);
        } finally {
          await store.close();
        }
      });
    }
  },
);
