import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SovietError } from '../errors/soviet-error.js';
import { lockDataDir, type StaleLock, staleLockNotice } from './data-dir-lock.js';
import { storeError } from './errors.js';
import type { StoreConfig } from './open-store.js';

/**
 * Backups of the whole database, for `soviet backup` and `soviet restore`.
 *
 * - PGlite: the data directory as PGlite's own gzipped tarball (`dumpDataDir`), made
 *   under the data directory's lock; restored with `loadDataDir` into a new directory
 *   beside the old one, which replaces it only once the load succeeded.
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot, taken while servers
 *   run); restored with `pg_restore` in one transaction (`--clean --if-exists` when the
 *   database already has the schema). The PostgreSQL client programs must be installed.
 *
 * A backup holds everything, the instance's signing key included: keep it as safe as
 * the database. The two formats are told apart by their first bytes, so a backup is
 * restored into the same kind of database it was made from. Checking the restored
 * database (fsck) is the caller's (cli/commands/restore.ts).
 */
export type BackupKind = 'pglite' | 'postgres';

/** Progress of a long step, as one short line (`dumping…`, `12 objects`). */
export type BackupProgress = (message: string) => void;

export interface BackupOptions {
  readonly onProgress?: BackupProgress;
  readonly onStaleLock?: (stale: StaleLock) => void;
}

export interface RestoreOptions extends BackupOptions {
  /** Replace a database that already holds organisations. */
  readonly force?: boolean;
}

export interface BackupResult {
  readonly kind: BackupKind;
  readonly bytes: number;
}

const PG_MAGIC = 'PGDMP';

export async function backup(
  config: StoreConfig,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const progress = options.onProgress ?? (() => {});
  if (config.databaseUrl) {
    progress('pg_dump: starting');
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', '--verbose', `--file=${file}`],
      config.databaseUrl,
      progress,
    ).catch((error: unknown) => {
      rmSync(file, { force: true });
      throw wrap(error, 'BACKUP_FAILED', { file });
    });
    return { kind: 'postgres', bytes: statSync(file).size };
  }
  const dir = join(config.dataDir, 'pglite');
  if (!existsSync(dir)) {
    throw storeError('BACKUP_FAILED', { file, reason: `there is no database at ${dir}` });
  }
  const lock = lockDataDir(config.dataDir, staleReporter(options));
  try {
    progress('opening the embedded database');
    const db = await PGlite.create({ dataDir: dir });
    let tarball: Blob;
    try {
      progress('dumping the data directory');
      tarball = await db.dumpDataDir('gzip');
    } finally {
      await db.close();
    }
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    progress(`writing ${megabytes(bytes.length)}`);
    const partial = `${file}.partial`;
    await writeFile(partial, bytes);
    renameSync(partial, file);
    return { kind: 'pglite', bytes: bytes.length };
  } catch (error) {
    throw wrap(error, 'BACKUP_FAILED', { file });
  } finally {
    lock.release();
  }
}

/** The kind of database a backup file was made from; throws RESTORE_BAD_FILE. */
export function backupKind(file: string): BackupKind {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(5);
      readSync(fd, head, 0, 5, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw storeError('RESTORE_BAD_FILE', { file, reason: reasonOf(error) });
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === PG_MAGIC) return 'postgres';
  throw storeError('RESTORE_BAD_FILE', {
    file,
    reason: 'it is neither an embedded-database backup nor a pg_dump archive',
  });
}

/**
 * Restores `file` into the configured database. Refuses (RESTORE_TARGET_NOT_EMPTY) to
 * replace a database holding organisations unless `force`. Returns where it restored.
 */
export async function restore(
  config: StoreConfig,
  file: string,
  options: RestoreOptions = {},
): Promise<{ readonly kind: BackupKind; readonly target: string }> {
  const progress = options.onProgress ?? (() => {});
  const kind = backupKind(file);
  const using: BackupKind = config.databaseUrl ? 'postgres' : 'pglite';
  if (kind !== using) {
    throw storeError('RESTORE_WRONG_BACKEND', {
      file,
      made: describeKind(kind),
      using: describeKind(using),
    });
  }
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const target = safeLocation(url);
    const { hasSchema, orgs } = await postgresContents(url);
    if (orgs > 0 && !options.force) {
      throw storeError('RESTORE_TARGET_NOT_EMPTY', { target, count: orgs });
    }
    progress('pg_restore: starting');
    await runPgTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        '--verbose',
        ...(hasSchema ? ['--clean', '--if-exists'] : []),
        '--dbname',
        url,
        file,
      ],
      undefined,
      progress,
    ).catch((error: unknown) => {
      throw wrap(error, 'RESTORE_FAILED', { file, target });
    });
    return { kind, target };
  }

  const dir = join(config.dataDir, 'pglite');
  const incoming = `${dir}.restoring`;
  const replaced = `${dir}.replaced`;
  const lock = lockDataDir(config.dataDir, staleReporter(options));
  try {
    if (existsSync(dir)) {
      progress('looking at the existing database');
      const orgs = await pgliteOrganisations(dir);
      if (orgs > 0 && !options.force) {
        throw storeError('RESTORE_TARGET_NOT_EMPTY', { target: dir, count: orgs });
      }
    }
    rmSync(incoming, { recursive: true, force: true });
    progress(`loading ${megabytes(statSync(file).size)} into a new data directory`);
    try {
      const db = await PGlite.create({
        dataDir: incoming,
        loadDataDir: new Blob([new Uint8Array(await readFile(file))]),
      });
      await db.query('select 1');
      await db.close();
    } catch (error) {
      rmSync(incoming, { recursive: true, force: true });
      throw storeError('RESTORE_FAILED', { file, target: dir, reason: reasonOf(error) });
    }
    rmSync(replaced, { recursive: true, force: true });
    if (existsSync(dir)) renameSync(dir, replaced);
    renameSync(incoming, dir);
    rmSync(replaced, { recursive: true, force: true });
    return { kind, target: dir };
  } finally {
    lock.release();
  }
}

function staleReporter(options: BackupOptions): (stale: StaleLock) => void {
  return (
    options.onStaleLock ?? ((stale) => process.stderr.write(`soviet: ${staleLockNotice(stale)}\n`))
  );
}

async function pgliteOrganisations(dir: string): Promise<number> {
  const db = await PGlite.create({ dataDir: dir });
  try {
    const exists = await db.query<{ t: string | null }>(
      "select to_regclass('public.organisations')::text as t",
    );
    if (!exists.rows[0]?.t) return 0;
    const count = await db.query<{ n: number }>('select count(*)::int as n from organisations');
    return count.rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}

async function postgresContents(url: string): Promise<{ hasSchema: boolean; orgs: number }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const exists = await client.query<{ t: string | null }>(
      "select to_regclass('public.organisations')::text as t",
    );
    const hasSchema =
      exists.rows[0]?.t != null ||
      (
        await client.query<{ t: string | null }>(
          "select to_regclass('public.kysely_migration')::text as t",
        )
      ).rows[0]?.t != null;
    if (!exists.rows[0]?.t) return { hasSchema, orgs: 0 };
    const count = await client.query<{ n: number }>('select count(*)::int as n from organisations');
    return { hasSchema, orgs: count.rows[0]?.n ?? 0 };
  } catch (error) {
    throw storeError('STORE_UNAVAILABLE', { target: safeLocation(url), reason: reasonOf(error) });
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs pg_dump or pg_restore, counting the objects its --verbose output names as
 * progress. The URL goes through the environment-free `--dbname` (pg_dump) so that no
 * password lands in a process listing beyond what the caller's URL already holds.
 */
function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  dbname: string | undefined,
  progress: BackupProgress,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, ...(dbname ? ['--dbname', dbname] : [])], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let objects = 0;
    let last = '';
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        objects++;
        if (objects % 10 === 0) progress(`${tool}: ${objects} steps`);
        last = line;
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(storeError('BACKUP_TOOL_MISSING', { tool }));
      else reject(error);
    });
    child.on('close', (code) => {
      if (code === 0) {
        progress(`${tool}: done (${objects} steps)`);
        resolve();
        return;
      }
      const errors = tail
        .split('\n')
        .filter((l) => /error|fatal/i.test(l))
        .slice(-3)
        .join(' ');
      reject(new Error(`${tool} exited with ${code}: ${errors || last}`));
    });
  });
}

function wrap(error: unknown, code: 'BACKUP_FAILED' | 'RESTORE_FAILED', params: object) {
  if (error instanceof SovietError) return error;
  return storeError(code, { ...params, reason: reasonOf(error) });
}

function describeKind(kind: BackupKind): string {
  return kind === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL';
}

function safeLocation(url: string): string {
  const u = new URL(url);
  return `postgresql://${u.host}${u.pathname}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
