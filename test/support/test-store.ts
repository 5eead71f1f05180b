import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Migration } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Domain } from '../../src/store/domain.js';
import type { Failpoint } from '../../src/store/failpoint.js';
import { migrations as storeMigrations } from '../../src/store/migrations/index.js';
import { migrate, openStore, type StoreConfig } from '../../src/store/open-store.js';
import type { StoreDatabase } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import {
  type CounterCommand,
  type CounterEvent,
  type CounterState,
  counterDomain,
  counterMigrations,
} from './counter-domain.js';

/** The store's migrations plus the test domain's. */
export const testMigrations: Readonly<Record<string, Migration>> = {
  ...storeMigrations,
  ...counterMigrations,
};

export type CounterStore = Store<CounterState, CounterCommand, CounterEvent>;

/** A database of its own for one test: where it is, and how to drop it. */
export interface TestTarget {
  readonly config: StoreConfig;
  /** PGlite only: the template to start the data directory from. */
  readonly template?: Blob;
  readonly backend: 'pglite' | 'postgres';
  /** Drops the database (PostgreSQL) or removes the data directory (PGlite). */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test: on PostgreSQL when DATABASE_URL is set
 * (a uniquely named database created through that admin connection), else PGlite in a new
 * temporary data directory loaded from a cached template (initdb takes 7–20 s; loading a
 * template well under one, STACK.md §5).
 */
export async function createTestTarget(
  migrations: Readonly<Record<string, Migration>> = testMigrations,
  adminUrl: string | undefined = process.env.DATABASE_URL,
): Promise<TestTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soviet-test-'));
  if (adminUrl) {
    const name = `soviet_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      config: { dataDir, databaseUrl: url.toString() },
      backend: 'postgres',
      async drop() {
        await admin(adminUrl, `drop database if exists ${name} with (force)`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    config: { dataDir, databaseUrl: undefined },
    template: await pgliteTemplate(migrations),
    backend: 'pglite',
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestStoreOptions<S, C, E> {
  readonly domain?: Domain<S, C, E>;
  /** The migration list (default: the store's and the counter domain's). */
  readonly migrations?: Readonly<Record<string, Migration>>;
  readonly failpoint?: Failpoint;
  readonly maxBatch?: number;
}

export interface TestStore<S, C, E> {
  store: Store<S, C, E>;
  readonly target: TestTarget;
  /** Closes the store and opens it again on the same database (a restart). */
  reopen(options?: TestStoreOptions<S, C, E>): Promise<Store<S, C, E>>;
  /** Closes the store and drops its database. */
  dispose(): Promise<void>;
}

/**
 * A fresh store for a test, on whichever backend the environment selects, running the
 * counter test domain unless another is given.
 */
export async function openTestStore(
  options?: TestStoreOptions<CounterState, CounterCommand, CounterEvent>,
): Promise<TestStore<CounterState, CounterCommand, CounterEvent>>;
export async function openTestStore<S, C, E>(
  options: TestStoreOptions<S, C, E> & { domain: Domain<S, C, E> },
): Promise<TestStore<S, C, E>>;
export async function openTestStore<S, C, E>(
  options: TestStoreOptions<S, C, E> = {},
): Promise<TestStore<S, C, E>> {
  const migrations = options.migrations ?? testMigrations;
  const target = await createTestTarget(migrations);
  const open = (opts: TestStoreOptions<S, C, E>, first: boolean) =>
    openStore<S, C, E>(target.config, {
      domain: (opts.domain ?? counterDomain) as Domain<S, C, E>,
      migrations,
      ...(first && target.template ? { template: target.template } : {}),
      ...(opts.failpoint ? { failpoint: opts.failpoint } : {}),
      ...(opts.maxBatch ? { maxBatch: opts.maxBatch } : {}),
    });
  const handle: TestStore<S, C, E> = {
    store: await open(options, true),
    target,
    async reopen(next = options) {
      await handle.store.close();
      handle.store = await open(next, false);
      return handle.store;
    },
    async dispose() {
      await handle.store.close();
      await target.drop();
    },
  };
  return handle;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const templates = new Map<string, Promise<Blob>>();

/**
 * The PGlite template: a data directory with every test migration applied, as a
 * `dumpDataDir()` tarball cached under the temporary folder, keyed by the PGlite version
 * and the migration names (a new migration makes a new template). Built once per
 * machine; concurrent builders each write a temporary file and rename it atomically.
 */
function pgliteTemplate(migrations: Readonly<Record<string, Migration>>): Promise<Blob> {
  const names = Object.keys(migrations).join(',');
  const known = templates.get(names);
  if (known) return known;
  const made = (async () => {
    const version = JSON.parse(
      readFileSync(
        new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
        'utf8',
      ),
    ).version as string;
    const key = createHash('sha256')
      .update(JSON.stringify([version, Object.keys(migrations), migrationSource(migrations)]))
      .digest('hex')
      .slice(0, 16);
    const file = join(tmpdir(), `soviet-pglite-template-${key}.tar.gz`);
    if (!existsSync(file)) {
      const pglite = await PGlite.create();
      const db = new Kysely<StoreDatabase>({ dialect: new PGliteDialect(pglite) });
      await migrate(db, migrations);
      const dump = await pglite.dumpDataDir('gzip');
      await db.destroy();
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  templates.set(names, made);
  return made;
}

/**
 * The source text of the migrations, so that editing a migration that has not shipped
 * yet also invalidates the cached template.
 */
function migrationSource(migrations: Readonly<Record<string, Migration>>): string {
  return Object.values(migrations)
    .map((m) => `${m.up.toString()}${m.down?.toString() ?? ''}`)
    .join('\n');
}
