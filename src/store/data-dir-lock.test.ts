import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import { LOCK_FILE, lockDataDir, type StaleLock, staleLockNotice } from './data-dir-lock.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The pid of a process that has exited (so no live process holds it, barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** This process's lock description, as the lock writes it. */
function myLockLines(): Map<string, string> {
  const lock = lockDataDir(mkdtempSync(join(tmpdir(), 'soviet-lock-self-')));
  const text = readFileSync(lock.path, 'utf8');
  lock.release();
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string]),
  );
}

function expectLocked(dir: string, pid: number): void {
  try {
    lockDataDir(dir, () => expect.unreachable('a live lock is not stale'));
    expect.unreachable('the lock must be refused');
  } catch (error) {
    expect(error).toBeInstanceOf(SovietError);
    const e = error as SovietError;
    expect(e.code).toBe('STORE_DATA_DIR_LOCKED');
    expect(e.message).toContain(dir);
    expect(e.message).toContain(`pid ${pid}`);
  }
}

describe('data directory lock', () => {
  let dir: string;
  const stale: StaleLock[] = [];
  const onStale = (s: StaleLock) => stale.push(s);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soviet-lock-'));
    stale.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the holder by pid, start time and boot, and removes the file on release', () => {
    const lock = lockDataDir(dir);
    const text = readFileSync(join(dir, LOCK_FILE), 'utf8');
    expect(text).toMatch(new RegExp(`^pid ${process.pid}\\nstart \\d+\\nboot [0-9a-f-]{36}\\n$`));
    expect(text).toContain(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lock.release(); // idempotent
  });

  it('creates a missing data directory', () => {
    const nested = join(dir, 'a', 'b');
    const lock = lockDataDir(nested);
    expect(existsSync(join(nested, LOCK_FILE))).toBe(true);
    lock.release();
  });

  it('refuses a second holder in the same process, naming the directory and the live pid', () => {
    const lock = lockDataDir(dir);
    try {
      expectLocked(dir, process.pid);
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds the lock, and takes it over once that process is killed', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import('./src/store/data-dir-lock.ts');
         lockDataDir(${JSON.stringify(dir)});
         process.stdout.write('locked\\n');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('locked')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`the child exited (${code})`)));
      });
      const pid = child.pid ?? -1;
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^pid ${pid}\\n`));
      expectLocked(dir, pid);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL'); // no exit handler runs: the lock file stays behind
      await exited;
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
      const lock = lockDataDir(dir, onStale);
      expect(stale).toEqual([{ dir, pid, reason: `process ${pid} is no longer running` }]);
      lock.release();
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('takes over a lock naming a live pid that started at another time (a restarted container)', () => {
    // As if a server that ran as this pid was killed and the pid came back to a new
    // process (pid 1 in a container is always alive).
    const me = myLockLines();
    writeFileSync(
      join(dir, LOCK_FILE),
      `pid ${process.pid}\nstart ${Number(me.get('start')) + 1}\nboot ${me.get('boot')}\n`,
    );
    const lock = lockDataDir(dir, onStale);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(
      new RegExp(`^pid ${process.pid}\\nstart ${me.get('start')}\\n`),
    );
    expect(stale).toHaveLength(1);
    expect(stale[0]?.pid).toBe(process.pid);
    expect(stale[0]?.reason).toContain('now belongs to another process');
    expect(staleLockNotice(stale[0] as StaleLock)).toBe(
      `took over the stale lock on ${dir} left by pid ${process.pid}: ${stale[0]?.reason}`,
    );
    lock.release();
  });

  it('takes over a lock from an earlier boot even when its pid and start time match a live process', () => {
    const me = myLockLines();
    writeFileSync(
      join(dir, LOCK_FILE),
      `pid ${process.pid}\nstart ${me.get('start')}\nboot 00000000-0000-4000-8000-000000000000\n`,
    );
    const lock = lockDataDir(dir, onStale);
    expect(stale.map((s) => s.reason)).toEqual(['it was taken before the machine last started']);
    lock.release();
  });

  it('takes over a stale lock whose process is gone', () => {
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), `pid ${pid}\nstart 1\nboot x\n`);
    const lock = lockDataDir(dir, onStale);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(
      new RegExp(`^pid ${process.pid}\\n`),
    );
    expect(stale).toHaveLength(1);
    lock.release();
  });

  it('takes over an empty lock file left by a crash between create and write', () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    const lock = lockDataDir(dir, onStale);
    expect(stale).toEqual([{ dir, pid: undefined, reason: 'the lock file names no process' }]);
    lock.release();
    expect(readdirSync(dir)).toEqual([]); // nothing left aside
  });

  it("reads an older Soviet's pid-only lock: refused while its process lives, taken over once the pid is reused", () => {
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    expectLocked(dir, process.pid);
    // Written long before this process started: the pid now belongs to someone else.
    const past = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const started = Date.now() - process.uptime() * 1000;
    expect(past.getTime()).toBeLessThan(started);
    utimesSync(join(dir, LOCK_FILE), past, past);
    const lock = lockDataDir(dir, onStale);
    expect(stale[0]?.reason).toContain('started after the lock was written');
    lock.release();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    lockDataDir(dir, onStale).release();
    expect(stale).toHaveLength(2);
  });

  it('without /proc (not Linux), compares the pid alone', () => {
    const noProc = { proc: join(dir, 'no-proc') };
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, LOCK_FILE), `pid ${process.pid}\nstart 1\nboot x\n`);
    try {
      lockDataDir(data, onStale, noProc);
      expect.unreachable('a live pid is a holder when its start cannot be read');
    } catch (error) {
      expect((error as SovietError).code).toBe('STORE_DATA_DIR_LOCKED');
    }
    writeFileSync(join(data, LOCK_FILE), `pid ${deadPid()}\n`);
    const lock = lockDataDir(data, onStale, noProc);
    expect(readFileSync(join(data, LOCK_FILE), 'utf8')).toBe(`pid ${process.pid}\n`);
    lock.release();
  });

  it('does not remove a lock that another process took over', () => {
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), 'pid 1\n');
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('pid 1\n');
  });
});
