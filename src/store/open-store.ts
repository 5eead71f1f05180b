import { join } from 'node:path';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { SovietError } from '../errors/soviet-error.js';
import { lockDataDir, type StaleLock, staleLockNotice } from './data-dir-lock.js';
import type { Domain } from './domain.js';
import { storeError } from './errors.js';
import type { Failpoint } from './failpoint.js';
import { loadInstanceKey } from './instance-key.js';
import { migrations as storeMigrations } from './migrations/index.js';
import { openPglite } from './pglite-backend.js';
import { openPostgres } from './postgres-backend.js';
import { recordOnlyDomain } from './record-only-domain.js';
import type { StoreDatabase } from './schema.js';
import { Store } from './store.js';

/** Where the data lives: the same two settings as the CLI's configuration (cli/config.ts). */
export interface StoreConfig {
  /** The data directory: PGlite's files live in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** PostgreSQL instead of the embedded database, when set. */
  readonly databaseUrl?: string | undefined;
}

export interface StoreOptions<S, C, E, X extends object> {
  /** The domain the store runs; without one, a domain that only replays (record-only-domain.ts). */
  readonly domain?: Domain<S, C, E, X>;
  /** The migration list, in order (default: migrations/index.ts). */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** PGlite: a `dumpDataDir()` tarball to start a new data directory from. */
  readonly template?: Blob;
  /** Test hook called after each write step of an append (failpoint.ts). */
  readonly failpoint?: Failpoint;
  /** Origins are `<originPrefix>/<slug>` (default `soviet.localhost`). */
  readonly originPrefix?: string;
  /** The most commands one append transaction takes (default 1024). */
  readonly maxBatch?: number;
  /** PostgreSQL connection pool size (default 10). */
  readonly poolSize?: number;
  /** Unix time in ms, for the instance key's creation time (default Date.now()). */
  readonly now?: number;
  /**
   * PGlite: told when the data directory's lock was left by a process that is gone (a
   * crash, a killed container) and was taken over (default: a line on stderr).
   */
  readonly onStaleLock?: (stale: StaleLock) => void;
  /** Told the names of the migrations this opening applied (none when up to date). */
  readonly onMigrated?: (applied: readonly string[]) => void;
}

/**
 * Opens the store: PGlite under `<dataDir>/pglite` (taking the data directory's lock, so a
 * second process is refused with STORE_DATA_DIR_LOCKED), or PostgreSQL at `databaseUrl`.
 * Applies pending migrations (one set for both backends) and loads or creates the
 * instance's Ed25519 key. Close the store to release the database and the lock.
 */
export async function openStore<S = unknown, C = never, E = unknown, X extends object = object>(
  config: StoreConfig,
  options: StoreOptions<S, C, E, X> = {},
): Promise<Store<S, C, E, X>> {
  const domain = (options.domain ?? recordOnlyDomain) as Domain<S, C, E, X>;
  let db: Kysely<StoreDatabase>;
  let shutdown: () => Promise<void>;
  let location: string;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    location = `postgresql://${url.host}${url.pathname}`;
    const opened = openPostgres(config.databaseUrl, options.poolSize);
    db = opened.db;
    shutdown = () => db.destroy();
  } else {
    location = join(config.dataDir, 'pglite');
    const lock = lockDataDir(
      config.dataDir,
      options.onStaleLock ??
        ((stale) => process.stderr.write(`soviet: ${staleLockNotice(stale)}\n`)),
    );
    try {
      db = (await openPglite(location, options.template)).db;
    } catch (error) {
      lock.release();
      throw storeError('STORE_UNAVAILABLE', { target: location, reason: reasonOf(error) });
    }
    shutdown = async () => {
      try {
        await db.destroy();
      } finally {
        lock.release();
      }
    };
  }
  try {
    const applied = await migrate(db, options.migrations ?? storeMigrations);
    options.onMigrated?.(applied);
    const key = await loadInstanceKey(db, options.now ?? Date.now());
    return new Store({
      db,
      backend: config.databaseUrl ? 'postgres' : 'pglite',
      domain,
      key,
      originPrefix: options.originPrefix ?? 'soviet.localhost',
      failpoint: options.failpoint,
      maxBatch: options.maxBatch ?? 1024,
      shutdown,
      location,
    });
  } catch (error) {
    await shutdown().catch(() => {});
    if (error instanceof SovietError) throw error;
    throw storeError('STORE_UNAVAILABLE', { target: location, reason: reasonOf(error) });
  }
}

/** The key of the session-level advisory lock migrations run under ("Sovi"). */
export const MIGRATION_LOCK_KEY = 0x536f7669;

/**
 * Applies every pending migration, in order, and returns the names of those it applied.
 * It runs on one connection holding a session-level advisory lock (MIGRATION_LOCK_KEY),
 * so several processes starting at once on one PostgreSQL database migrate one after
 * another: the first applies what is pending, the others find nothing left to do.
 * (Kysely's own lock covers only the migrations' transaction, not its creation of the
 * `kysely_migration` tables, where concurrent starts can collide.)
 */
export async function migrate(
  db: Kysely<StoreDatabase>,
  list: Readonly<Record<string, Migration>>,
): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
    try {
      const migrator = new Migrator({
        db: conn,
        provider: { getMigrations: async () => ({ ...list }) },
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new Error(`migration ${failed ?? '?'} failed: ${reasonOf(error)}`);
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
    }
  });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
