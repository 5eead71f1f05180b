import { sql } from 'kysely';
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { migrations } from '../../src/store/migrations/index.js';
import { MIGRATION_LOCK_KEY, migrate, openStore } from '../../src/store/open-store.js';
import { openPostgres } from '../../src/store/postgres-backend.js';
import { createTestTarget } from '../support/test-store.js';

/**
 * Migrations run under a lock: on PostgreSQL (when DATABASE_URL is set) several
 * migrators starting at once on a fresh database all succeed, each migration is applied
 * exactly once, and one schema results. `soviet migrate` applies what is pending and
 * says so, on either backend.
 */
const names = Object.keys(migrations);
let out: MockInstance<typeof process.stdout.write> | undefined;
afterEach(() => out?.mockRestore());

describe('migrations', () => {
  it('soviet migrate applies the pending migrations once, then finds the database up to date', async () => {
    const target = await createTestTarget(migrations);
    const flags = [
      '--data',
      target.config.dataDir,
      ...(target.config.databaseUrl ? ['--database-url', target.config.databaseUrl] : []),
    ];
    try {
      if (target.template) {
        // PGlite: the data directory starts from the (migrated) template, as tests do.
        await (await openStore(target.config, { template: target.template })).close();
      }
      out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      expect(await main([...flags, 'migrate'])).toBe(0);
      if (target.backend === 'postgres') {
        expect(String(out.mock.calls[0]?.[0])).toBe(
          `Applied ${names.length} migration(s): ${names.join(', ')} (${names.length} in all).\n`,
        );
      } else {
        expect(String(out.mock.calls[0]?.[0])).toBe(
          `The database is up to date (${names.length} migrations).\n`,
        );
      }
      out.mockClear();
      expect(await main([...flags, 'migrate'])).toBe(0);
      expect(String(out.mock.calls[0]?.[0])).toBe(
        `The database is up to date (${names.length} migrations).\n`,
      );
    } finally {
      out?.mockRestore();
      await target.drop();
    }
  }, 60_000);

  if (process.env.DATABASE_URL) {
    it('lets three migrators race on a fresh PostgreSQL database: all succeed, each migration applied once', async () => {
      const target = await createTestTarget(migrations);
      const url = target.config.databaseUrl as string;
      const dbs = [0, 1, 2].map(() => openPostgres(url, 2).db);
      try {
        const applied = await Promise.all(dbs.map((db) => migrate(db, migrations)));
        expect(applied.flat().sort()).toEqual([...names].sort());
        const db = dbs[0] as (typeof dbs)[number];
        const rows = await db
          .withTables<{ kysely_migration: { name: string } }>()
          .selectFrom('kysely_migration')
          .select('name')
          .orderBy('name')
          .execute();
        expect(rows.map((r) => r.name)).toEqual(names);
        const tables = await sql<{ n: number }>`
          select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'organisations'`.execute(
          db,
        );
        expect(tables.rows[0]?.n).toBe(1);
        // Nothing is left to do, and the lock was released: a fourth migrator returns at once.
        expect(await migrate(db, migrations)).toEqual([]);
      } finally {
        await Promise.all(dbs.map((db) => db.destroy()));
        await target.drop();
      }
    }, 60_000);

    it('waits for the migration lock that another process holds', async () => {
      const target = await createTestTarget(migrations);
      const url = target.config.databaseUrl as string;
      const holder = openPostgres(url, 1).db;
      const db = openPostgres(url, 1).db;
      try {
        await holder.connection().execute(async (conn) => {
          await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
          let done = false;
          const migrating = migrate(db, migrations).then((applied) => {
            done = true;
            return applied;
          });
          await new Promise((r) => setTimeout(r, 500));
          expect(done).toBe(false);
          await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
          expect(await migrating).toEqual(names);
        });
      } finally {
        await Promise.all([holder.destroy(), db.destroy()]);
        await target.drop();
      }
    }, 60_000);
  } else {
    it('on the embedded database, a second migrator is refused by the data directory lock', async () => {
      const target = await createTestTarget(migrations);
      const first = await openStore(target.config, {
        ...(target.template ? { template: target.template } : {}),
      });
      try {
        out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
        const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
        try {
          expect(await main(['--data', target.config.dataDir, 'migrate'])).toBe(1);
          expect(String(err.mock.calls[0]?.[0])).toMatch(/^soviet: STORE_DATA_DIR_LOCKED: /);
        } finally {
          err.mockRestore();
        }
      } finally {
        await first.close();
        await target.drop();
      }
    }, 60_000);
  }
});
