/**
 * The browser tests' server: the real app (`buildApp`, the democracy service, and the
 * backend the environment selects: a fresh PostgreSQL database when DATABASE_URL is set,
 * as in CI's second run, else PGlite in a fresh data directory), built here rather than by `soviet serve` so that the tests
 * drive its clock. Phases last days (RULES.md: at least one), so the tests move time
 * forward instead of waiting:
 *
 * - the server's clock is the real time plus an offset, which only grows;
 * - a control server on `SOVIET_E2E_CLOCK_PORT` (default PORT + 1, loopback only, not
 *   the app, so that nothing test-only is reachable through the API) answers
 *   `POST /advance?days=N`: the offset grows by N days and every deadline passed is
 *   processed at once (`service.tick`, what the scheduler does), then it answers
 *   `{ now }`; `GET /now` answers the clock.
 *
 * Sessions last a year of that clock (a story spans weeks) and the rate limits are off
 * (one address acts for every member). Before serving, it seeds the organisation
 * `demo-branch` through the service with the same commands members use (a congress, a
 * district, three branches, members joining, a motion, nominations), and writes its
 * verifier key to `$SOVIET_E2E_DIR/vkey.txt` for the record tests.
 *
 * Env: SOVIET_E2E_DIR (a fresh directory), PORT, HOST, SOVIET_E2E_CLOCK_PORT, DATABASE_URL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { DEFAULT_SESSION_POLICY } from '../../src/accounts/accounts.js';
import { DAY } from '../../src/democracy/constitution.js';
import { buildApp } from '../../src/server/build-app.js';
import { createSovietService } from '../../src/service/index.js';
import { instanceDomain } from '../../src/store/instance-domain.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestTarget } from '../../test/support/test-store.js';

export const E2E_ORG = 'demo-branch';

const base = process.env.SOVIET_E2E_DIR;
if (!base) throw new Error('SOVIET_E2E_DIR must name a fresh directory');
const port = Number(process.env.PORT ?? 3917);
const host = process.env.HOST ?? '127.0.0.1';
const clockPort = Number(process.env.SOVIET_E2E_CLOCK_PORT ?? port + 1);
const dataDir = join(base, 'data');
mkdirSync(dataDir, { recursive: true });

let offset = 0;
const clock = (): number => Date.now() + offset;

// On PostgreSQL, a database of its own (dropped on exit), as every test file gets.
const target = process.env.DATABASE_URL
  ? await createTestTarget(undefined, process.env.DATABASE_URL)
  : undefined;
const store = await openStore(target?.config ?? { dataDir }, {
  domain: instanceDomain,
  now: clock(),
});
const service = createSovietService({ store, clock });

// The seeded organisation: real commands, so its record is a democracy's record.
const { founderId } = await service.foundOrganisation({
  name: 'Demo Branch Federation',
  slug: E2E_ORG,
  founderName: 'Ada Lovelace',
  founderCouncil: 'Harbour Branch',
  // The record tests read it as a visitor would (members-only records: test/server).
  constitution: { recordVisibility: 'public' },
  councils: {
    name: 'Congress',
    offices: [],
    children: [
      {
        name: 'North District',
        offices: [],
        children: [{ name: 'Harbour Branch' }, { name: 'Rail Branch', offices: [] }],
      },
      { name: 'Hospital Branch', offices: [] },
    ],
  },
});
const names = ['Ben Okafor', 'Chi Nguyen', 'Dee Müller', 'Eli Petrova', 'Fay García'];
const members = [founderId];
for (const name of names) {
  const { invitation } = await service.execute(E2E_ORG, founderId, { kind: 'InviteMember' });
  const joined = await service.execute(E2E_ORG, null, {
    kind: 'JoinWithInvitation',
    token: invitation?.token as string,
    name,
  });
  members.push(joined.memberId as string);
}
const state = await service.state(E2E_ORG);
const harbour = [...state.councils.values()].find((c) => c.name === 'Harbour Branch');
const chair = [...state.elections.values()].find((e) => e.groupKey.includes('chair'));
if (harbour && chair) {
  const [ada, ben, chi] = members as [string, string, string];
  await service.execute(E2E_ORG, ben, {
    kind: 'ProposeMotion',
    councilId: harbour.id,
    title: 'Hold a strike ballot',
    text: 'The branch holds a strike ballot on the new rota.',
    body: { kind: 'ordinary' },
  });
  await service.execute(E2E_ORG, ada, { kind: 'Nominate', electionId: chair.id, candidateId: chi });
  await service.execute(E2E_ORG, chi, { kind: 'AcceptNomination', electionId: chair.id });
  await service.execute(E2E_ORG, ben, { kind: 'Nominate', electionId: chair.id, candidateId: ben });
}
writeFileSync(join(base, 'vkey.txt'), await store.verifierKey(E2E_ORG));

const year = 365 * DAY;
const app = await buildApp({
  store,
  service,
  clock,
  logger: { level: 'warn' },
  security: {
    rateLimits: false,
    session: { ...DEFAULT_SESSION_POLICY, idleMs: year, absoluteMs: year },
  },
});
await app.listen({ port, host });

const control = createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${host}`);
  const answer = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method === 'GET' && url.pathname === '/now') return answer(200, { now: clock() });
  if (request.method === 'POST' && url.pathname === '/advance') {
    const days = Number(url.searchParams.get('days') ?? '0');
    if (!Number.isFinite(days) || days <= 0) return answer(400, { error: 'days > 0' });
    offset += Math.round(days * DAY);
    service.tick(clock()).then(
      (report) => answer(200, { now: clock(), failed: report.failed.length }),
      (error: unknown) => answer(500, { error: String(error) }),
    );
    return;
  }
  answer(404, { error: 'not found' });
});
control.listen(clockPort, host);
process.stdout.write(
  `e2e server on http://${host}:${port} (${store.backend}), clock on ${clockPort}\n`,
);

const stop = async () => {
  control.close();
  await app.close();
  await store.close();
  await target?.drop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
