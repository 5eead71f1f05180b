import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildApp } from '../../src/server/build-app.js';
import { createSovietService, type SovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { directoryNames } from '../../src/store/directory.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import type { DemocracyTables } from '../../src/store/projections/tables.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';

/**
 * `soviet demo` as a newcomer runs it, on the configured database: the organisation
 * `demo` with months of history made through the service; then `soviet fsck` is clean,
 * the record endpoints serve it and `soviet verify` accepts it, and the views show a
 * living council with business still open.
 */
let target: TestTarget;
let flags: string[];
let out: MockInstance<typeof process.stdout.write>;
let err: MockInstance<typeof process.stderr.write>;
let store: DemocracyStore;
let service: SovietService;
let startedAt: number;
let finishedAt: number;

const printed = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map((c) => String(c[0])).join('');

beforeAll(async () => {
  target = await createTestTarget(migrations);
  // The data directory exists (from the template), as after a first `npm start`.
  const first = await openStore(target.config, {
    domain: democracyDomain,
    ...(target.template ? { template: target.template } : {}),
  });
  await first.close();
  flags = [
    '--data',
    target.config.dataDir,
    ...(target.config.databaseUrl ? ['--database-url', target.config.databaseUrl] : []),
  ];
});
afterAll(async () => {
  await store?.close();
  await target.drop();
});
beforeEach(() => {
  out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  out.mockRestore();
  err.mockRestore();
});

describe('soviet demo', () => {
  it('creates the organisation "demo" through the service, and fsck finds it sound', async () => {
    startedAt = Date.now();
    expect(await main([...flags, 'demo'])).toBe(0);
    finishedAt = Date.now();
    const text = printed(out);
    expect(text).toMatch(/^Created "demo": \d+ members in 12 councils/);
    expect(text).toContain('origin: soviet.localhost/demo');

    out.mockClear();
    expect(await main([...flags, 'fsck', 'demo'])).toBe(0);
    expect(printed(out)).toMatch(/^demo: \d+ entries, \d+ checkpoints, \d+ projection rows: ok\n$/);
  });

  it('refuses to create it twice', async () => {
    expect(await main([...flags, 'demo'])).toBe(1);
    expect(printed(err)).toContain('soviet: DEMO_EXISTS: The organisation "demo" already exists');
  });

  it('serves the record, and soviet verify accepts it, recounting every decision', async () => {
    store = await openStore(target.config, { domain: democracyDomain });
    service = createSovietService({ store, clock: Date.now });
    const app: FastifyInstance = await buildApp({ store, service, clock: Date.now });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const record = await service.recordView('demo');
      const scratch = mkdtempSync(join(tmpdir(), 'soviet-demo-'));
      try {
        const verify = [
          'verify',
          `http://127.0.0.1:${port}/api/v1/orgs/demo/log`,
          '--origin',
          record.origin,
          '--key',
          record.vkey,
          '--state-file',
          join(scratch, 'seen.json'),
          '--envelopes',
          '--replay',
        ];
        expect(await main(verify)).toBe(0);
        expect(printed(out)).toContain('verified');
        // Months of elections (STV among them), recalls, motions and a payment recount clean.
        expect(printed(out)).toMatch(
          /recounted \d+ events: every decision of the system the log records is what the rules give/,
        );
        expect(printed(out)).toContain("the server's organisation page matches the log");
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    } finally {
      await app.close();
    }
  });

  it('publishes nobody: no member name is anywhere on its log, only opaque ids and commitments', async () => {
    const orgId = (await store.organisation('demo')).id;
    const names = [...(await directoryNames(store.db, orgId)).values()];
    expect(names.length).toBeGreaterThan(250);
    const entries = await store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('org_id', '=', orgId)
      .execute();
    const blobs = await store.db
      .selectFrom('blobs')
      .select('content')
      .where('org_id', '=', orgId)
      .execute();
    const log = [...entries.map((e) => e.entry), ...blobs.map((b) => b.content)]
      .map((bytes) => Buffer.from(bytes).toString('utf8'))
      .join('\n');
    expect(log).toContain('nameCommitment');
    const hits = names.filter((name) => log.includes(name));
    expect(hits).toEqual([]);
    // Not even a surname alone (the demo's names are first name and surname).
    const surnames = new Set(names.map((n) => n.split(' ').at(-1) as string));
    expect([...surnames].filter((w) => w.length > 3 && log.includes(w))).toEqual([]);
  });

  it('shows a living federation: councils, members, decided elections and motions', async () => {
    const org = await service.organisationView('demo');
    expect(org.councils).toBe(12);
    expect(org.members).toBeGreaterThan(250);
    expect(org.members).toBeLessThan(450);
    expect(org.foundedAt).toBeLessThan(startedAt - 200 * 86_400_000);
    // The congress changed three rules by constitutional motions, and opened its record.
    expect(org.constitution).toMatchObject({
      delegateRatio: 12,
      maxConcurrentMandates: 3,
      recordVisibility: 'public',
    });
    const congress = await service.councilView('demo', org.tree.id);
    expect(congress.delegates.length).toBeGreaterThan(10);
    expect(congress.offices.every((o) => o.holders.length === 1)).toBe(true);

    const db = store.db.withTables<DemocracyTables>();
    const stv = await db
      .selectFrom('elections')
      .select(['election_id', 'seats'])
      .where('method', '=', 'scottish-stv')
      .where('phase', '=', 'counted')
      .where('unopposed', '=', false)
      .execute();
    expect(stv.length).toBeGreaterThan(0);
    const counted = await service.electionView('demo', stv[0]?.election_id as string);
    expect(counted.count?.report?.method).toBe('scottish-stv');
    expect(counted.count?.report?.stages.length).toBeGreaterThan(1);
    expect(counted.elected?.length).toBe(counted.seats);

    const amended = await db
      .selectFrom('amendments')
      .select('motion_id')
      .where('adopted', '=', true)
      .execute();
    expect(amended.length).toBeGreaterThan(0);
    const motion = await service.motionView('demo', amended[0]?.motion_id as string);
    expect(motion.text).not.toBe(motion.originalText);
    const spending = await db.selectFrom('spending_authorisations').selectAll().execute();
    expect(spending).toHaveLength(1);
  });

  it('has an instruction, a breach of it, the successful recall citing it, and its by-election', async () => {
    const state = await service.state('demo');
    const [instruction] = [...state.instructions.values()];
    expect(instruction).toBeDefined();
    const breach = [...state.breaches.values()].find((b) => b.instructionId === instruction?.id);
    expect(breach).toBeDefined();
    const recall = [...state.petitions.values()].find((p) =>
      p.breachIds.includes(breach?.id as string),
    );
    expect(recall?.phase).toBe('recalled');
    const view = await service.recallView('demo', recall?.id as string);
    expect(view.mandate?.endReason).toBe('recalled');
    expect(view.breaches.map((b) => b.id)).toContain(breach?.id);
    const group = view.mandate?.seat.groupKey as string;
    const byElection = [...state.elections.values()].find(
      (e) => e.groupKey === group && e.kind === 'by' && e.openedAt === view.mandate?.endedAt,
    );
    expect(byElection?.phase).toBe('closed');
    expect(byElection?.elected?.length).toBeGreaterThan(0);
    expect(byElection?.elected).not.toContain(breach?.memberId);
  });

  it('leaves business open with deadlines ahead: an election, a motion in debate, a petition', async () => {
    const state = await service.state('demo');
    const voting = [...state.elections.values()].filter(
      (e) => e.phase === 'voting' && e.votingCloseAt > finishedAt,
    );
    expect(voting.length).toBeGreaterThan(0);
    const box = state.boxes.get(voting[0]?.boxId as string);
    expect(box?.cast).toBeGreaterThan(0);
    const debate = [...state.motions.values()].filter(
      (m) => m.phase === 'debate' && (m.debateClosesAt as number) > finishedAt,
    );
    expect(debate.length).toBeGreaterThan(0);
    const collecting = [...state.petitions.values()].filter(
      (p) => p.phase === 'petition' && p.windowEndsAt > finishedAt,
    );
    expect(collecting.length).toBeGreaterThan(0);
    expect(collecting[0]?.signatures.size).toBeLessThan(collecting[0]?.needed as number);
    // Nothing on the record is later than the moment the demo ran.
    const latest = await service.recordView('demo', { limit: 1 });
    expect(Date.parse(latest.entries[0]?.time as string)).toBeLessThanOrEqual(finishedAt);
  });
});
