import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../../src/store/open-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The acknowledged commands: index → sequence number. */
  readonly acks: ReadonlyMap<number, number>;
  readonly done: boolean;
  readonly stderr: string;
}

/** Runs test/support/append-child.ts in its own OS process and collects what it acknowledged. */
export function runAppendChild(options: {
  config: StoreConfig;
  org: string;
  writer: string;
  count: number;
  concurrency: number;
  crashAt?: string;
  startAt?: number;
}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/append-child.ts'], {
      cwd: root,
      env: {
        ...process.env,
        SOVIET_CHILD_CONFIG: JSON.stringify(options.config),
        SOVIET_CHILD_ORG: options.org,
        SOVIET_CHILD_WRITER: options.writer,
        SOVIET_CHILD_COUNT: String(options.count),
        SOVIET_CHILD_CONCURRENCY: String(options.concurrency),
        ...(options.crashAt ? { SOVIET_CHILD_CRASH_AT: options.crashAt } : {}),
        ...(options.startAt ? { SOVIET_CHILD_START_AT: String(options.startAt) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const acks = new Map<number, number>();
      let done = false;
      for (const line of out.split('\n').filter(Boolean)) {
        const message = JSON.parse(line) as { i?: number; seq?: number; done?: boolean };
        if (message.done) done = true;
        else if (message.i !== undefined && message.seq !== undefined)
          acks.set(message.i, message.seq);
      }
      resolve({ code, signal, acks, done, stderr });
    });
  });
}
