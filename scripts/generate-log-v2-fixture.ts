/**
 * Writes test/fixtures/log-v2/: a small but lived-in organisation's log in today's entry
 * format (`v` 2), exported as static C2SP tlog-tiles files by `soviet export`, with a
 * SOURCE.md giving its origin and verifier key. test/cli/log-v2-fixture.test.ts verifies
 * and replays it, so that every later entry format keeps reading format 2.
 *
 *   node --import tsx scripts/generate-log-v2-fixture.ts [--out test/fixtures/log-v2]
 *
 * The log is the demonstration (`soviet demo`, src/service/demo/) at its smallest scale —
 * founding, members joining by invitation, contested elections (IRV, STV by-elections)
 * with secret ballots, motions with amendments, constitutional motions, an instruction, a
 * breach and the recall it led to, a spending motion — followed by an epilogue
 * (log-v2-fixture/epilogue.ts) that reaches every other event type: the treasury,
 * participatory budgets, read access, structure changes, expulsion, erasure. Its story,
 * clock and the service's randomness are seeded, so the entries, and the root hash, are
 * the same on every run of the same code; the instance key is new each run (the store
 * makes it), so the checkpoint's signature and the verifier key are not.
 *
 * Never regenerate the committed fixture to make a test pass: it stands for the logs
 * already written in format 2. A new fixture is for a new format (log-v3/, …).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../src/cli/main.js';
import { ENTRY_VERSION } from '../src/record/entry.js';
import { DEMO_DAYS } from '../src/service/demo/run-demo.js';
import { createSovietService, runDemo } from '../src/service/index.js';
import { democracyDomain } from '../src/store/democracy-domain.js';
import { openStore } from '../src/store/open-store.js';
import { runEpilogue } from './log-v2-fixture/epilogue.js';

/** The demo's clock ends here: 2026-01-15 12:00 UTC. */
export const FIXTURE_NOW = Date.UTC(2026, 0, 15, 12);
export const FIXTURE_ORG = 'harbour';
/** The smallest demo: every branch at its floor of six initial members. */
const SCALE = 0.01;
const STORY_SEED = 1917;
const ENTROPY_SEED = 'soviet log-v2 fixture';

const root = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'test/fixtures/log-v2'));

/**
 * Deterministic bytes for the service's entropy (receipts, invitation tokens, salts):
 * SHA-256 in counter mode over a public seed. Not secret, which is the point: a fixture
 * anyone can rebuild. Never for a real organisation.
 */
function seededBytes(seed: string): (bytes: number) => Uint8Array {
  let counter = 0;
  return (bytes) => {
    const chunks: Buffer[] = [];
    for (let have = 0; have < bytes; have += 32)
      chunks.push(createHash('sha256').update(`${seed}/${counter++}`).digest());
    return new Uint8Array(Buffer.concat(chunks).subarray(0, bytes));
  };
}

/** What SOURCE.md says of the log. */
interface Made {
  readonly origin: string;
  readonly vkey: string;
  readonly entries: number;
  readonly members: number;
  readonly councils: number;
  readonly elections: number;
  readonly motions: number;
  readonly endedAt: number;
}

/** The demo, then the epilogue, on a throwaway embedded database under `dataDir`. */
async function makeLog(dataDir: string): Promise<Made> {
  const store = await openStore({ dataDir }, { domain: democracyDomain });
  try {
    const random = seededBytes(ENTROPY_SEED);
    const report = await runDemo(store, {
      org: FIXTURE_ORG,
      now: FIXTURE_NOW,
      scale: SCALE,
      seed: STORY_SEED,
      random,
    });
    const clock = { now: FIXTURE_NOW };
    const service = createSovietService({ store, clock: () => clock.now, random });
    await runEpilogue(service, FIXTURE_ORG, clock);
    const state = await service.state(FIXTURE_ORG);
    const count = <T>(items: Iterable<T>, keep: (item: T) => boolean) =>
      [...items].filter(keep).length;
    return {
      origin: report.origin,
      vkey: report.vkey,
      entries: (await store.head(FIXTURE_ORG)).size,
      members: count(state.members.values(), (m) => m.status === 'active'),
      councils: count(state.councils.values(), (c) => c.dissolvedAt === null),
      elections: count(state.elections.values(), (e) => (e.elected?.length ?? 0) > 0),
      motions: state.motions.size,
      endedAt: clock.now,
    };
  } finally {
    await store.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'soviet-log-v2-'));
try {
  const made = await makeLog(dataDir);
  rmSync(out, { recursive: true, force: true });
  const code = await main(['--data', dataDir, 'export', FIXTURE_ORG, out]);
  if (code !== 0) throw new Error(`soviet export failed with exit code ${code}`);
  // The checkpoint's third line is the root hash (C2SP tlog-checkpoint).
  const rootHash = readFileSync(join(out, 'checkpoint'), 'utf8').split('\n')[2] as string;
  writeFileSync(join(out, 'SOURCE.md'), sourceNote(made, rootHash));
  process.stdout.write(
    `wrote ${relative(root, out)}: ${made.entries} entries, ${size(out)} bytes\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

function size(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

function sourceNote(made: Made, rootHash: string): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `# A log of entry format ${ENTRY_VERSION}

The record of one organisation, \`${FIXTURE_ORG}\`, as \`soviet export\` writes it: a static
C2SP tlog-tiles tree (\`checkpoint\`, hash tiles \`tile/<L>/<N>\`, entry bundles
\`tile/entries/<N>\`) of ${made.entries} entries in entry format \`v\` ${ENTRY_VERSION} (RFC 8785
canonical JSON; docs/design/record.md).

It stands for every log already written in this format. \`test/cli/log-v2-fixture.test.ts\`
checks that \`soviet verify\` accepts it, that it holds every event type the frozen
catalogue lists for this format, and that replaying it through the democracy's \`evolve\`
gives the organisation it recorded. A later entry format must keep all of that passing.
**Never regenerate these files** to make that test pass.

- origin: \`${made.origin}\`
- verifier key: \`${made.vkey}\`
- size and root hash: ${made.entries}, \`${rootHash}\` (the same on every run of the generator
  at the commit that made it)

\`\`\`sh
npx soviet verify test/fixtures/log-v2 --origin ${made.origin} --key ${made.vkey} --envelopes
\`\`\`

## How it was made

\`node --import tsx scripts/generate-log-v2-fixture.ts\`, on a throwaway embedded
database: the demonstration (\`src/service/demo/\`, as \`soviet demo\` runs it) at its
smallest scale, its ${DEMO_DAYS} simulated days ending on ${day(FIXTURE_NOW)}, then an epilogue
(\`scripts/log-v2-fixture/epilogue.ts\`) until ${day(made.endedAt)}, then
\`soviet export ${FIXTURE_ORG} <dir>\`.

- The demo: founding (a congress, three districts, eight branches), members joining by
  invitation, contested elections with secret ballots (IRV, STV by-elections), motions
  with amendments (secret in branches, open among delegates), constitutional motions, an
  instruction, a delegate's breach of it and the recall that followed, a spending motion.
- The epilogue reaches every other event type: a ledger with income, a transfer and a
  payment under the spending motion; two participatory budgets (one voted and paid, one
  lapsed); a read token granted and revoked; a council created, settled, emptied (its
  elections deferred) and dissolved; two branches merged; an expulsion; a member who
  left and had their personal data erased; a withdrawn motion; a resignation whose
  by-election saw a nomination declined; a recall petition that lapsed.

At the end: ${made.members} active members in ${made.councils} councils, ${made.elections} elections decided, ${made.motions} motions.

The story, the clocks and the service's randomness (receipts, tokens, salts) are seeded,
so the same code writes the same entries and root hash; the instance key, and so the
checkpoint's signature and the verifier key above, is new on each run. Names are made up
by the demo, and are not in these files anyway: entries carry only member ids and salted
commitments (docs/design/record.md, "Personal data"); the export holds no secret part
(who voted, the sealed ballots before publication).
`;
}
