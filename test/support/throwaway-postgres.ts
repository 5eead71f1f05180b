import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = new URL('./throwaway-postgres.sh', import.meta.url).pathname;

/** Where Debian's PostgreSQL 15 server lives (STACK.md §5). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export function postgresInstalled(): boolean {
  return existsSync(join(POSTGRES_BIN, 'postgres'));
}

export interface ThrowawayPostgres {
  /** The admin URL (database `postgres`). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL 15 of its own on a free loopback port, in a fresh folder, with the
 * same script as .ci/run. `durable` keeps fsync and synchronous_commit on (benchmarks).
 */
export async function startThrowawayPostgres(
  mode: 'durable' | 'fast' = 'fast',
): Promise<ThrowawayPostgres> {
  const parent = mkdtempSync(join(tmpdir(), 'soviet-pg-'));
  const dir = join(parent, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) await run('chmod', ['755', parent]);
  const { stdout } = await run('bash', [script, 'start', dir, String(port), mode]);
  return {
    url: stdout.trim(),
    async stop() {
      await run('bash', [script, 'stop', dir]);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
