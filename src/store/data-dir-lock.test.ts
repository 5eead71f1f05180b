import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';

/** The pid of a process that has exited (so no live process holds it, barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soviet-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the holder pid and removes the file on release', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
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

  it('refuses a second holder, naming the directory and the live pid', () => {
    const lock = lockDataDir(dir);
    try {
      lockDataDir(dir);
      expect.unreachable('the second lock must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(SovietError);
      const e = error as SovietError;
      expect(e.code).toBe('STORE_DATA_DIR_LOCKED');
      expect(e.message).toContain(dir);
      expect(e.message).toContain(`pid ${process.pid}`);
    } finally {
      lock.release();
    }
  });

  it('takes over a stale lock whose process is gone', () => {
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over an empty lock file left by a crash between create and write', () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('does not remove a lock that another process took over', () => {
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), '1\n');
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe('1');
  });
});
