import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { storeError } from './errors.js';

/** The name of the lock file inside the data directory. */
export const LOCK_FILE = 'soviet.lock';

/**
 * An exclusive lock on a data directory, held by one process.
 *
 * PGlite has no lock of its own and two processes on one directory silently lose data
 * (STACK.md §5), so the embedded store refuses to open a directory another live process
 * holds. The lock is a file created with O_EXCL naming its holder:
 *
 *     pid <pid>
 *     start <starttime>      field 22 of /proc/<pid>/stat: clock ticks after boot
 *     boot <boot id>         /proc/sys/kernel/random/boot_id
 *
 * A pid alone is not an identity: pids are reused, and in a container the server is
 * often pid 1, which is always alive after a restart. The holder is therefore the
 * process with that pid *and* that start time, in the boot with that id. A lock is stale
 * (and taken over, reporting why through `onStale`) when its boot is over, when its pid
 * is not running, or when the pid now belongs to a process that started at another
 * time. Where /proc is missing (not Linux), only the pid is compared.
 *
 * A lock written by an older Soviet holds only the pid; it is stale when the pid is not
 * running or its process started after the lock file was last written.
 */
export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Why a lock left by another process was taken over. */
export interface StaleLock {
  readonly dir: string;
  /** The pid the lock named, if it could be read. */
  readonly pid: number | undefined;
  readonly reason: string;
}

/** Where to find the process table; tests point it elsewhere. */
export interface LockEnvironment {
  /** The root of procfs (default `/proc`). */
  readonly proc?: string;
}

export function lockDataDir(
  dir: string,
  onStale: (stale: StaleLock) => void = () => {},
  env: LockEnvironment = {},
): DataDirLock {
  const proc = env.proc ?? '/proc';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me = describeSelf(proc);
  // Two attempts: the second after removing a stale lock. A third contender that wins
  // the race in between is then a live holder, and we refuse.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, me);
      } finally {
        closeSync(fd);
      }
      return ownedLock(path, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const content = readText(path);
    if (content === undefined) continue; // removed in between: try again
    const holder = parseHolder(content);
    const verdict = judge(holder, path, proc);
    if (verdict.alive) {
      throw storeError('STORE_DATA_DIR_LOCKED', { dir, pid: holder?.pid ?? 'unknown' });
    }
    // Stale. Remove it only if it is still the file we judged: move it aside under a
    // name of our own (atomic), then check that what we moved is what we read.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readText(aside);
    if (moved !== content) {
      // Another process replaced the stale lock with its own between our read and the
      // rename: that lock is live. Put it back and refuse.
      try {
        linkSync(aside, path);
      } catch {
        // A newer lock is already in place.
      }
      unlinkQuietly(aside);
      throw storeError('STORE_DATA_DIR_LOCKED', {
        dir,
        pid: parseHolder(moved ?? '')?.pid ?? 'unknown',
      });
    }
    unlinkQuietly(aside);
    onStale({ dir, pid: holder?.pid, reason: verdict.reason });
  }
  throw storeError('STORE_DATA_DIR_LOCKED', {
    dir,
    pid: parseHolder(readText(path) ?? '')?.pid ?? 'unknown',
  });
}

/** The sentence a command prints when it took over a stale lock. */
export function staleLockNotice(stale: StaleLock): string {
  return `took over the stale lock on ${stale.dir}${stale.pid === undefined ? '' : ` left by pid ${stale.pid}`}: ${stale.reason}`;
}

interface Holder {
  readonly pid: number;
  readonly start?: string;
  readonly boot?: string;
}

function describeSelf(proc: string): string {
  const start = startTimeOf(proc, process.pid);
  const boot = bootId(proc);
  return (
    `pid ${process.pid}\n` +
    (start === undefined ? '' : `start ${start}\n`) +
    (boot === undefined ? '' : `boot ${boot}\n`)
  );
}

/** Parses a lock file: the current `key value` lines, or an older Soviet's bare pid. */
function parseHolder(content: string): Holder | undefined {
  const text = content.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(\w+) (\S+)$/.exec(line.trim());
    if (match?.[1] && match[2]) fields.set(match[1], match[2]);
  }
  const pid = fields.get('pid');
  if (pid === undefined || !/^\d+$/.test(pid)) return undefined;
  const start = fields.get('start');
  const boot = fields.get('boot');
  return {
    pid: Number(pid),
    ...(start === undefined ? {} : { start }),
    ...(boot === undefined ? {} : { boot }),
  };
}

type Verdict = { readonly alive: true } | { readonly alive: false; readonly reason: string };

function judge(holder: Holder | undefined, path: string, proc: string): Verdict {
  if (holder === undefined) {
    // Empty or garbled: a crash between creating the file and writing it.
    return { alive: false, reason: 'the lock file names no process' };
  }
  const boot = bootId(proc);
  if (holder.boot !== undefined && boot !== undefined && holder.boot !== boot) {
    return { alive: false, reason: 'it was taken before the machine last started' };
  }
  if (!isRunning(holder.pid)) {
    return { alive: false, reason: `process ${holder.pid} is no longer running` };
  }
  const start = startTimeOf(proc, holder.pid);
  if (start === undefined) return { alive: true }; // no /proc: the pid is all we know
  if (holder.start !== undefined) {
    return holder.start === start
      ? { alive: true }
      : {
          alive: false,
          reason: `pid ${holder.pid} now belongs to another process (started at tick ${start}, not ${holder.start})`,
        };
  }
  // An older Soviet's lock (pid only): its holder started before it wrote the file.
  const startedAt = startedAtMs(proc, start);
  const writtenAt = mtimeMs(path);
  if (startedAt !== undefined && writtenAt !== undefined && startedAt > writtenAt + 2000) {
    return {
      alive: false,
      reason: `pid ${holder.pid} now belongs to a process started after the lock was written`,
    };
  }
  return { alive: true };
}

function ownedLock(path: string, mine: string): DataDirLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readText(path) === mine) unlinkQuietly(path);
  };
  // A process that exits without closing the store still frees the directory.
  process.on('exit', release);
  return { path, release };
}

/** The start time of a process in clock ticks after boot (field 22 of /proc/<pid>/stat). */
function startTimeOf(proc: string, pid: number): string | undefined {
  const stat = readText(join(proc, String(pid), 'stat'));
  if (stat === undefined) return undefined;
  // Field 2 (the command name) is in parentheses and may hold spaces and ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = rest[22 - 3];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

function bootId(proc: string): string | undefined {
  return readText(join(proc, 'sys', 'kernel', 'random', 'boot_id'))?.trim() || undefined;
}

/** Wall-clock start of a process, from the boot time and its start in ticks (USER_HZ 100). */
function startedAtMs(proc: string, startTicks: string): number | undefined {
  const btime = /^btime (\d+)$/m.exec(readText(join(proc, 'stat')) ?? '')?.[1];
  if (btime === undefined) return undefined;
  return Number(btime) * 1000 + Number(startTicks) * 10;
}

function mtimeMs(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
