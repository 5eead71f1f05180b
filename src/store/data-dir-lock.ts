import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { storeError } from './errors.js';

/** The name of the lock file inside the data directory. */
export const LOCK_FILE = 'soviet.lock';

/**
 * An exclusive lock on a data directory, held by one process.
 *
 * PGlite has no lock of its own and two processes on one directory silently lose data
 * (STACK.md §5), so the embedded store refuses to open a directory another live process
 * holds. The lock is a file created with O_EXCL holding the owner's pid. A lock whose pid
 * is no longer running (the owner crashed) is stale and taken over.
 */
export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  // Two attempts: the second after removing a stale lock. A third contender that wins
  // the race in between is then a live holder, and we refuse.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return ownedLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder !== undefined && isAlive(holder)) {
      throw storeError('STORE_DATA_DIR_LOCKED', { dir, pid: holder });
    }
    // Stale (its process is gone) or unreadable (a crash between create and write).
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw storeError('STORE_DATA_DIR_LOCKED', { dir, pid: readHolder(path) ?? 'unknown' });
}

function ownedLock(path: string): DataDirLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readHolder(path) === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  // A process that exits without closing the store still frees the directory.
  process.on('exit', release);
  return { path, release };
}

function readHolder(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
