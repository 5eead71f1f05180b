/**
 * The browser tests' server: seeds an organisation's log in a fresh data directory, then
 * runs `soviet serve` on it (the real server and store). Until the democracy API exists,
 * the log is written directly through the store with a tiny domain whose commands are
 * the envelopes to log (no projections, so `serve` replays it with its record-only
 * domain). The verifier key is written to `$SOVIET_E2E_DIR/vkey.txt` for the tests.
 *
 * Env: SOVIET_E2E_DIR (a fresh directory), PORT.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Domain, Envelope } from '../../src/store/domain.js';
import { openStore } from '../../src/store/open-store.js';

export const E2E_ORG = 'demo-branch';

type Command = readonly Envelope[];

const envelopeDomain: Domain<number, Command, Envelope> = {
  name: 'e2e-envelopes',
  initial: () => 0,
  decide: (_state, command) => command,
  evolve: (state) => state + 1,
  envelope: (event) => event,
  revive: ({ type, actor, data }) => ({ type, actor, data }),
};

const base = process.env.SOVIET_E2E_DIR;
if (!base) throw new Error('SOVIET_E2E_DIR must name a fresh directory');
const dataDir = join(base, 'data');
mkdirSync(dataDir, { recursive: true });

const start = Date.UTC(2026, 9, 1, 9, 0, 0);
const store = await openStore({ dataDir }, { domain: envelopeDomain, now: start });
try {
  await store.createOrganisation(E2E_ORG, start);
  const members = ['m-ada', 'm-ben', 'm-chi', 'm-dee', 'm-eli', 'm-fay'];
  const story: Envelope[] = [
    { type: 'OrganisationFounded', actor: 'm-ada', data: { name: 'Demo Branch' } },
    ...members.map((id, i) => ({
      type: 'MemberJoined',
      actor: i === 0 ? 'm-ada' : 'system',
      data: { member: id, council: 'base-1' },
    })),
    {
      type: 'MotionProposed',
      actor: 'm-ben',
      data: { motion: 'mo-1', title: 'Hold a strike ballot' },
    },
    { type: 'MotionSeconded', actor: 'm-chi', data: { motion: 'mo-1' } },
    ...members.map((id) => ({ type: 'VoteCast', actor: id, data: { motion: 'mo-1' } })),
    { type: 'MotionCarried', actor: 'system', data: { motion: 'mo-1', yes: 5, no: 1 } },
    { type: 'ElectionOpened', actor: 'system', data: { election: 'el-1', seats: 1 } },
    ...members.slice(0, 3).map((id) => ({
      type: 'CandidateNominated',
      actor: id,
      data: { election: 'el-1', candidate: id },
    })),
    ...members.map(() => ({ type: 'BallotCast', actor: 'system', data: { election: 'el-1' } })),
    { type: 'ElectionCounted', actor: 'system', data: { election: 'el-1', elected: ['m-chi'] } },
    { type: 'MandateBegan', actor: 'system', data: { member: 'm-chi', office: 'delegate' } },
  ];
  // Several commands, so the log has several signed checkpoints like a live one.
  for (let i = 0; i < story.length; i += 5) {
    await store.execute(E2E_ORG, story.slice(i, i + 5), { now: start + i * 60_000 });
  }
  writeFileSync(join(base, 'vkey.txt'), await store.verifierKey(E2E_ORG));
} finally {
  await store.close();
}

process.exitCode = await main(['serve', '--data', dataDir]);
