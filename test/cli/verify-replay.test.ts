import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { firstDifference, replaySourceOf } from '../../src/cli/replay.js';
import { officeKey } from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { buildApp } from '../../src/server/build-app.js';
import { exportLog } from '../../src/store/export-log.js';
import { TEST_SECURITY } from '../server/api-world.js';
import { join, openServiceWorld, type ServiceWorld } from '../service/service-world.js';

/**
 * `soviet verify --replay` (RECORD.md, "Verification", step 4) against a live server and
 * an exported copy: an organisation with some history (members in two branches, a secret
 * election with its ballots, a motion too large for an entry, logged by SHA-256) is
 * served on a random port; the replayed log must give the server's organisation page,
 * and a server that lies about it (or about a blob) must be caught, naming what differs.
 * (The recount of rewritten decisions: recount-forgery.test.ts.)
 */
const org = 'union';
let w: ServiceWorld;
let work: string;
let origin: string;
let vkey: string;
const apps: FastifyInstance[] = [];
let files = 0;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Serves the store on a random port; `tweak` adds hooks before it starts. */
async function serve(tweak?: (app: FastifyInstance) => void): Promise<string> {
  const app = await buildApp({
    store: w.store,
    clock: w.clock.read,
    service: w.service,
    security: TEST_SECURITY,
  });
  tweak?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/api/v1/orgs/${org}/log`;
}

/** `soviet verify <url> --origin --key --replay` with a fresh state file. */
function verify(url: string, ...more: string[]) {
  files++;
  return run(
    'verify',
    url,
    '--origin',
    origin,
    '--key',
    vkey,
    '--replay',
    '--state-file',
    joinPath(work, `state-${files}.json`),
    ...more,
  );
}

/** The parts of the organisation page and the record page the lying servers edit. */
type Page = Record<string, unknown> & { tree: { children: { members: number }[] } };
type RecordPage = { entries: { data: Record<string, unknown> }[] };

/** Rewrites the JSON answers of one GET route. */
function editAnswers<T>(app: FastifyInstance, route: string, edit: (body: T) => void): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' || request.routeOptions.url !== route) return payload;
    const body = JSON.parse(String(payload)) as T;
    edit(body);
    return JSON.stringify(body);
  });
}

beforeAll(async () => {
  work = await mkdtemp(joinPath(tmpdir(), 'soviet-verify-replay-'));
  w = await openServiceWorld();
  const { service, clock } = w;
  const founded = await service.foundOrganisation({
    name: 'Union of Docks and Mills',
    slug: org,
    founderName: 'Ada',
    founderCouncil: 'Docks',
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
    // Read by anyone (a record kept to members: test/server/privacy-api.test.ts, --token).
    constitution: { recordVisibility: 'public' },
  });
  const ada = founded.founderId;
  const docks = [ada];
  for (const name of ['Bea', 'Cy', 'Dee', 'Eli']) docks.push(await join(service, org, ada, name));
  let state = await service.state(org);
  const docksId = state.members.get(ada)?.councilId as string;
  const millsId = [...state.councils.values()].find((c) => c.name === 'Mills')?.id as string;
  for (const name of ['Fay', 'Gus']) {
    const id = await join(service, org, ada, name);
    await service.execute(org, id, { kind: 'TransferMember', toCouncilId: millsId });
  }
  // A secret election in Docks: nominations, then ballots (who voted stays private).
  state = await service.state(org);
  const electionId = state.groups.get(officeKey(docksId, 'chair'))?.regularElectionId as string;
  const [, bea, cy] = docks as [string, string, string];
  await service.execute(org, bea, { kind: 'Nominate', electionId, candidateId: bea });
  await service.execute(org, cy, { kind: 'Nominate', electionId, candidateId: cy });
  clock.now = (await service.electionView(org, electionId)).nominationsCloseAt;
  await service.tick();
  for (const [i, voter] of docks.entries()) {
    await service.execute(org, voter, {
      kind: 'CastBallot',
      electionId,
      ranking: i < 3 ? [bea, cy] : [cy],
    });
  }
  // A motion whose text escapes to over 65,535 bytes of JSON: logged by SHA-256.
  const proposed = await service.execute(org, ada, {
    kind: 'ProposeMotion',
    councilId: docksId,
    title: 'A long motion',
    text: `a${'\u0001'.repeat(19_998)}z`,
    body: { kind: 'ordinary' },
  });
  await service.execute(org, bea, { kind: 'SecondMotion', motionId: proposed.motionId as string });
  const record = await w.store.organisation(org);
  origin = record.origin;
  vkey = await w.store.verifierKey(org);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await w?.dispose();
  await rm(work, { recursive: true, force: true });
});

describe('soviet verify --replay', () => {
  it("replays the log and finds the server's organisation page", async () => {
    const url = await serve();
    const { size } = await w.store.head(org);
    const result = await verify(url);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`verified: signed by ${origin}`);
    expect(result.out).toContain(
      "1 entry logged by SHA-256: data fetched from the server's record and checked against the hash",
    );
    expect(result.out).toContain(
      `replayed ${size} events: the server's organisation page matches the log\n`,
    );

    const json = await verify(url, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      size,
      signerVerified: true,
      replay: { events: size, matches: true, blobsFetched: 1, grewFrom: null },
    });
  });

  it('fails, naming the field, when the server shows another member count', async () => {
    const url = await serve((app) =>
      editAnswers<Page>(app, '/api/v1/orgs/:org', (page) => {
        const mills = page.tree.children[1] as { members: number };
        mills.members += 1;
      }),
    );
    const result = await verify(url);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_REPLAY_MISMATCH: The server's organisation page \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/orgs\/union\) is not what replaying the log's \d+ entries gives: tree\.children\[1\]\.members: log says 2, server says 3\.\n$/,
    );
    expect(result.out).not.toContain('matches the log');
  });

  it('names a field the server leaves out, and ignores fields it adds', async () => {
    const extra = await serve((app) =>
      editAnswers<Page>(app, '/api/v1/orgs/:org', (page) => {
        page.motto = 'more than the view';
      }),
    );
    expect((await verify(extra)).code).toBe(0);
    const short = await serve((app) =>
      editAnswers<Page>(app, '/api/v1/orgs/:org', (page) => {
        delete page.openMotions;
      }),
    );
    const result = await verify(short);
    expect(result.code).toBe(1);
    expect(result.err).toContain('openMotions: log says 1, server says nothing.');
  });

  it('refuses data served for a large entry that is not what the log hashed', async () => {
    const url = await serve((app) =>
      editAnswers<RecordPage>(app, '/api/v1/orgs/:org/record', (page) => {
        for (const entry of page.entries) {
          if (typeof entry.data.text === 'string') entry.data.text = 'A short motion.';
        }
      }),
    );
    const result = await verify(url);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_BLOB_MISMATCH: The data given for entry \d+ is not the data the log records by SHA-256 \([0-9a-f]{64}, \d+ bytes\)\.\n$/,
    );
  });

  it('says which large entry it cannot check when the server does not serve its data', async () => {
    const url = await serve((app) =>
      editAnswers<RecordPage>(app, '/api/v1/orgs/:org/record', (page) => {
        for (const entry of page.entries)
          entry.data = { $blob: { sha256: '0'.repeat(64), size: 1 } };
      }),
    );
    const result = await verify(url);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_BLOB_MISSING: Entry (\d+) logs its data by SHA-256 \([0-9a-f]{64}\), and the log's source does not give that data \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/orgs\/union\/record\?from=\1&limit=1 gives only the reference\), so the replay cannot check it\.\n$/,
    );
  });

  it('recounts an exported copy, reading large entries from its blob files', async () => {
    const dir = joinPath(work, 'copy');
    await exportLog(w.store, org, dir);
    const { size } = await w.store.head(org);
    const result = await verify(dir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '1 entry logged by SHA-256: data read from the copy and checked against the hash',
    );
    expect(result.out).toContain(`recounted ${size} events: every decision of the system`);
    expect(result.out).not.toContain('organisation page');
    // A copy without the blob cannot be recounted, and says which entry needs it.
    await rm(joinPath(dir, 'blob'), { recursive: true });
    const short = await verify(dir);
    expect(short.code).toBe(1);
    expect(short.err).toMatch(
      /^soviet: VERIFY_BLOB_MISSING: Entry \d+ logs its data by SHA-256 \(([0-9a-f]{64})\), and the log's source does not give that data \(the copy has no file blob\/\1\), so the replay cannot check it\.\n$/,
    );
  });

  it('verifies and replays again when the log grew during the check', async () => {
    let grown = false;
    const url = await serve((app) =>
      app.addHook('onRequest', async (request) => {
        if (grown || request.method !== 'GET' || request.url !== `/api/v1/orgs/${org}`) return;
        grown = true;
        // Someone joins after the checkpoint was read: the page is the newer log's.
        const state = await w.service.state(org);
        const someone = [...state.members.values()].find((m) => m.status === 'active');
        await join(w.service, org, someone?.id as string, 'Hal');
      }),
    );
    const before = (await w.store.head(org)).size;
    const result = await verify(url);
    const after = (await w.store.head(org)).size;
    expect(after).toBeGreaterThan(before);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `the log grew from ${before} to ${after} entries during the check; the grown log was verified and replayed`,
    );
    expect(result.out).toContain(
      `replayed ${after} events: the server's organisation page matches the log\n`,
    );
  });
});

describe('the comparison', () => {
  it('walks the log’s page in order and reports the first difference', () => {
    const page = { a: 1, tree: { children: [{ members: 40 }, { members: 2 }] }, z: 'x' };
    expect(firstDifference(page, structuredClone(page))).toBeUndefined();
    expect(
      firstDifference(page, { ...page, tree: { children: [{ members: 41 }] }, z: 'y' }),
    ).toEqual({ path: 'tree.children[0].members', logValue: '40', serverValue: '41' });
    expect(firstDifference(page, { ...page, tree: { children: [{ members: 40 }] } })).toEqual({
      path: 'tree.children.length',
      logValue: '2',
      serverValue: '1',
    });
    expect(firstDifference({ n: null }, { n: 0 })).toEqual({
      path: 'n',
      logValue: 'null',
      serverValue: '0',
    });
  });

  it('reads the organisation from the log URL', () => {
    const source = replaySourceOf('https://soviet.example/x/api/v1/orgs/union/log/');
    expect(source).toMatchObject({ org: 'union' });
    expect(source.pageUrl.href).toBe('https://soviet.example/x/api/v1/orgs/union');
    expect(() => replaySourceOf('https://soviet.example/union/log')).toThrow(SovietError);
  });
});
