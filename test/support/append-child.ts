/**
 * A separate OS process that appends to a store, for the multi-process and crash tests.
 * Run as `node --import tsx test/support/append-child.ts` with, in the environment:
 *
 * - SOVIET_CHILD_CONFIG: the StoreConfig as JSON;
 * - SOVIET_CHILD_ORG, SOVIET_CHILD_WRITER: the organisation and a writer name;
 * - SOVIET_CHILD_COUNT, SOVIET_CHILD_CONCURRENCY: how many commands, how many in flight;
 * - SOVIET_CHILD_START_AT (optional): Unix ms to wait for after opening the store, so
 *   that several processes start appending at the same moment;
 * - SOVIET_CHILD_CRASH_AT (optional): an append step (or `committed`) at which, on the
 *   first batch that reaches it, the process kills itself with SIGKILL: a real crash, with
 *   no rollback, no cleanup, and the lock file left behind.
 *
 * Each command adds 1 to counter `<writer>` as actor `<writer>-<i>`. Prints one JSON line
 * per acknowledged command, `{"i":…,"seq":…}`, then `{"done":true}`.
 */
import type { AppendStep } from '../../src/store/failpoint.js';
import { openStore, type StoreConfig } from '../../src/store/open-store.js';
import { counterDomain } from './counter-domain.js';
import { testMigrations } from './test-store.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const config = JSON.parse(env('SOVIET_CHILD_CONFIG')) as StoreConfig;
const org = env('SOVIET_CHILD_ORG');
const writer = env('SOVIET_CHILD_WRITER');
const count = Number(env('SOVIET_CHILD_COUNT'));
const concurrency = Number(env('SOVIET_CHILD_CONCURRENCY'));
const crashAt = process.env.SOVIET_CHILD_CRASH_AT as AppendStep | 'committed' | undefined;

const store = await openStore(config, {
  domain: counterDomain,
  migrations: testMigrations,
  failpoint: (step) => {
    if (step === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});

const startAt = Number(process.env.SOVIET_CHILD_START_AT ?? 0);
if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));

let next = 0;
async function worker(): Promise<void> {
  while (next < count) {
    const i = next++;
    const done = await store.execute(
      org,
      { kind: 'add', counter: writer, amount: 1, actor: `${writer}-${i}` },
      { now: Date.now() },
    );
    process.stdout.write(`${JSON.stringify({ i, seq: done.firstSeq })}\n`);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await store.close();
process.stdout.write(`${JSON.stringify({ done: true })}\n`);
