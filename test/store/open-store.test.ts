import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/data-dir-lock.js';
import { openStore } from '../../src/store/open-store.js';
import { counterDomain } from '../support/counter-domain.js';
import { createTestTarget, type TestTarget, testMigrations } from '../support/test-store.js';

const T0 = Date.UTC(2026, 1, 1);
let target: TestTarget;

beforeAll(async () => {
  target = await createTestTarget();
});
afterAll(async () => target.drop());

const open = (first = false) =>
  openStore(target.config, {
    domain: counterDomain,
    migrations: testMigrations,
    ...(first && target.template ? { template: target.template } : {}),
  });

describe('openStore', () => {
  it('migrates once, creates the instance key once, and keeps both across restarts', async () => {
    const first = await open(true);
    await first.createOrganisation('keep', T0);
    const vkey = await first.verifierKey('keep');
    await first.close();
    const second = await open();
    try {
      expect(await second.verifierKey('keep')).toBe(vkey);
      const applied = await second.db
        .withTables<{ kysely_migration: { name: string } }>()
        .selectFrom('kysely_migration')
        .select('name')
        .orderBy('name')
        .execute();
      expect(applied.map((m) => m.name)).toEqual(Object.keys(testMigrations));
      expect(await second.db.selectFrom('instance_keys').select('id').execute()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('refuses calls after close, and closing twice is harmless', async () => {
    const store = await open();
    await store.close();
    await store.close();
    await expect(store.execute('keep', { kind: 'crash' }, { now: T0 })).rejects.toMatchObject({
      code: 'STORE_CLOSED',
    });
  });

  it('shares the database between two stores on PostgreSQL, or refuses the second on PGlite', async () => {
    const first = await open();
    try {
      if (target.backend === 'postgres') {
        const second = await open();
        try {
          expect(await second.verifierKey('keep')).toBe(await first.verifierKey('keep'));
        } finally {
          await second.close();
        }
      } else {
        await expect(open()).rejects.toMatchObject({
          code: 'STORE_DATA_DIR_LOCKED',
          message: expect.stringContaining(`pid ${process.pid}`),
        });
        const lock = join(target.config.dataDir, LOCK_FILE);
        expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^pid ${process.pid}\n`));
      }
    } finally {
      await first.close();
    }
    if (target.backend === 'pglite')
      expect(existsSync(join(target.config.dataDir, LOCK_FILE))).toBe(false);
  });

  it('lets two processes opening a fresh database at once agree on one key (PostgreSQL), or refuses one (PGlite)', async () => {
    const fresh = await createTestTarget();
    const opening = [0, 1].map(() =>
      openStore(fresh.config, {
        domain: counterDomain,
        migrations: testMigrations,
        ...(fresh.template ? { template: fresh.template } : {}),
      }),
    );
    const results = await Promise.allSettled(opening);
    try {
      const opened = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (fresh.backend === 'postgres') {
        expect(opened).toHaveLength(2);
        const [a, b] = opened.map((s) => Buffer.from(s.internals().key.publicKey).toString('hex'));
        expect(a).toBe(b);
      } else {
        expect(opened).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason).toMatchObject({ code: 'STORE_DATA_DIR_LOCKED' });
      }
    } finally {
      for (const r of results) if (r.status === 'fulfilled') await r.value.close();
      await fresh.drop();
    }
  });

  it('names the database it cannot reach', async () => {
    await expect(
      openStore({ dataDir: tmpdir(), databaseUrl: 'postgres://nobody:secret@127.0.0.1:1/nowhere' }),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(
        /^The database at postgresql:\/\/127\.0\.0\.1:1\/nowhere cannot be opened/,
      ),
    });
  });

  it('creates missing parent folders of the embedded database', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'soviet-nested-'));
    const dataDir = join(parent, 'a', 'b');
    const pglite = await createTestTarget(testMigrations, '');
    try {
      const store = await openStore(
        { dataDir },
        {
          domain: counterDomain,
          migrations: testMigrations,
          ...(pglite.template ? { template: pglite.template } : {}),
        },
      );
      await store.close();
      expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    } finally {
      await pglite.drop();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
