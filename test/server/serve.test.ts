import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/data-dir-lock.js';
import { migrations as storeMigrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { plainCounterDomain } from '../support/counter-domain.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';

/**
 * `soviet serve` as `npm start` runs it: a real process on the configured database that
 * prints its address, serves the record, refuses a second process on the same embedded
 * data directory, and stops cleanly on SIGTERM/SIGINT, releasing the directory.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const T0 = Date.UTC(2026, 8, 1);
let target: TestTarget;
let checkpoint: string;

interface Server {
  readonly child: ChildProcess;
  readonly url: Promise<string>;
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function serve(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['bin/soviet.js', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let announce: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    announce = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const m = /^Soviet listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
    if (m?.[1]) announce(m[1]);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, url, exit };
}

function envFor(t: TestTarget): Record<string, string> {
  return { SOVIET_DATA: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
}

beforeAll(async () => {
  target = await createTestTarget(storeMigrations);
  const store = await openStore(target.config, {
    domain: plainCounterDomain,
    migrations: storeMigrations,
    ...(target.template ? { template: target.template } : {}),
  });
  await store.createOrganisation('acme', T0);
  await store.execute('acme', { kind: 'burst', counter: 'x', count: 3 }, { now: T0 });
  checkpoint = (await store.head('acme')).checkpoint;
  await store.close();
});
afterAll(async () => target.drop());

describe('soviet serve', () => {
  it('prints its address, serves health and the record, and stops cleanly on SIGTERM', async () => {
    const server = serve(envFor(target));
    const url = await Promise.race([
      server.url,
      server.exit.then((e) => Promise.reject(new Error(`serve exited: ${e.stderr}`))),
    ]);
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', backend: target.backend });
    const cp = await fetch(`${url}/api/v1/orgs/acme/log/checkpoint`);
    expect(await cp.text()).toBe(checkpoint);

    if (target.backend === 'pglite') {
      expect(existsSync(join(target.config.dataDir, LOCK_FILE))).toBe(true);
      // A second process on the same data directory is refused, naming it and the holder.
      const second = serve(envFor(target));
      const refused = await second.exit;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `soviet: STORE_DATA_DIR_LOCKED: The data directory ${target.config.dataDir} is in use by another Soviet process (pid ${server.child.pid}). Stop that process, or choose another directory with --data or SOVIET_DATA.\n`,
      );
    } else {
      // On PostgreSQL a second server shares the database and serves the same log.
      const second = serve(envFor(target));
      const secondUrl = await second.url;
      expect(await (await fetch(`${secondUrl}/api/v1/orgs/acme/log/checkpoint`)).text()).toBe(
        checkpoint,
      );
      second.child.kill('SIGINT');
      expect((await second.exit).code).toBe(0);
    }

    server.child.kill('SIGTERM');
    const stopped = await server.exit;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Soviet stopping (SIGTERM)');
    expect(stopped.stderr).toBe('');
    expect(existsSync(join(target.config.dataDir, LOCK_FILE))).toBe(false);
  });
});
