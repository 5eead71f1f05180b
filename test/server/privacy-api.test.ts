import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  type DemocracyCommand,
  type MemberJoined,
  type OrgState,
  opens,
} from '../../src/democracy/index.js';
import { buildApp } from '../../src/server/build-app.js';
import { fsck } from '../../src/store/fsck.js';
import {
  ApiClient,
  type ApiWorld,
  DAY,
  errorOf,
  foundThroughApi,
  joinThroughApi,
  openApiWorld,
  PASSWORD,
  TEST_SECURITY,
} from './api-world.js';

/**
 * Members' privacy on the record (issue 10; docs/design/record.md, "Personal data" and
 * "Who may read the record"): no name on the log, the record kept to members unless a
 * read token granted by motion is shown, names by role, a person's data downloaded and
 * erased by crypto-shredding with the log unchanged.
 */
const ORG = '/api/v1/orgs/union';
const PEOPLE = {
  rosa: { username: 'rosa.okafor', name: 'Rosa Okafor' },
  bruno: { username: 'bruno.quill', name: 'Bruno Quillfeather' },
  cata: { username: 'cata.zhivago', name: 'Catalina Zhivago' },
} as const;

let world: ApiWorld;
let rosa: ApiClient;
let cata: ApiClient;
const ids: Record<string, string> = {};

async function tick(days: number) {
  world.clock.advance(days * DAY);
  await world.service.tick();
}

async function state(): Promise<OrgState> {
  return world.service.state('union');
}

async function run(memberId: string, command: DemocracyCommand) {
  return world.service.execute('union', memberId, command);
}

/** Every byte of the log as served: entry bundles, as a member reads them. */
async function logText(client: ApiClient, headers: Record<string, string> = {}): Promise<string> {
  const size = (await world.store.head('union')).size;
  const parts: string[] = [];
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256);
    const path = `tile/entries/${String(n).padStart(3, '0')}${width < 256 ? `.p/${width}` : ''}`;
    const res = await client.get(`${ORG}/log/${path}`, { headers });
    expect(res.statusCode, res.body).toBe(200);
    parts.push(res.rawPayload.toString('latin1'));
  }
  return Buffer.from(parts.join(''), 'latin1').toString('utf8');
}

/** Motion `body` in the congress, seconded, debated and carried by its two delegates. */
async function carriedInCongress(
  body: Extract<DemocracyCommand, { kind: 'ProposeMotion' }>['body'],
) {
  const congress = (await state()).org?.rootCouncilId as string;
  const proposed = await run(ids.rosa as string, {
    kind: 'ProposeMotion',
    councilId: congress,
    title: 'Read access',
    text: 'The auditors read our record.',
    body,
  });
  const motionId = proposed.motionId as string;
  await run(ids.bruno as string, { kind: 'SecondMotion', motionId });
  await tick(8);
  for (const who of [ids.rosa, ids.bruno])
    await run(who as string, { kind: 'CastMotionVote', motionId, choice: 'yes' });
  await tick(8);
  expect((await state()).motions.get(motionId)?.phase).toBe('passed');
  return proposed;
}

beforeAll(async () => {
  world = await openApiWorld({
    security: { session: { idleMs: 365 * DAY, absoluteMs: 365 * DAY, touchEveryMs: 60_000 } },
  });
  let founded: { client: ApiClient; memberId: string };
  founded = await foundThroughApi(world, {
    slug: 'union',
    username: PEOPLE.rosa.username,
    founderName: PEOPLE.rosa.name,
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
  });
  rosa = founded.client;
  ids.rosa = founded.memberId;
  founded = await joinThroughApi(world, 'union', rosa, PEOPLE.bruno.username, PEOPLE.bruno.name);

  ids.bruno = founded.memberId;
  founded = await joinThroughApi(world, 'union', rosa, PEOPLE.cata.username, PEOPLE.cata.name);
  cata = founded.client;
  ids.cata = founded.memberId;
  const s = await state();
  const [docks, mills] = (s.councils.get(s.org?.rootCouncilId as string)?.childIds ?? []) as [
    string,
    string,
  ];
  await run(ids.bruno, { kind: 'TransferMember', toCouncilId: mills });
  // Rosa and Bruno stand for their branches' delegations to the congress, unopposed.
  for (const [who, council] of [
    [ids.rosa, docks],
    [ids.bruno, mills],
  ] as const) {
    const group = (await state()).groups.get(`d:${council}`);
    const electionId = (group?.byElectionId ?? group?.regularElectionId) as string;
    await run(who, { kind: 'Nominate', electionId, candidateId: who });
  }
  await tick(15);
  const sitting = (await state()).members;
  expect(sitting.get(ids.rosa)?.mandates.length).toBeGreaterThan(0);
  expect(sitting.get(ids.bruno)?.mandates.length).toBeGreaterThan(0);
}, 180_000);
afterAll(async () => world?.dispose());

describe('no personal data on the log', () => {
  it('names a member only by id, and commits to the name with a salt the directory keeps', async () => {
    const text = await logText(rosa);
    for (const p of Object.values(PEOPLE)) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.username);
      for (const word of p.name.split(' ')) expect(text).not.toContain(word);
    }
    // The candidate stood under her name: committed, not written.
    const joined = (await world.service.recordView('union', { from: 0, limit: 1000 })).entries
      .filter((e) => e.type === 'MemberJoined')
      .map((e) => e.data as unknown as MemberJoined);
    const data = await json<{
      organisations: {
        memberId: string;
        facts: { seq: number; field: string; value: string; salt: string; commitment: string }[];
      }[];
    }>(await cata.get('/api/v1/account/data'));
    const facts = data.organisations[0]?.facts ?? [];
    const name = facts.find((f) => f.field === 'name');
    expect(name?.value).toBe(PEOPLE.cata.name);
    const entry = joined.find((e) => e.memberId === ids.cata);
    expect(entry && opens(entry.nameCommitment, name?.salt as string, PEOPLE.cata.name)).toBe(true);
    expect(name?.commitment).toBe(entry?.nameCommitment);
    const accepted = (await world.service.recordView('union', { from: 0, limit: 1000 })).entries
      .filter((e) => e.type === 'NominationAccepted' && e.actor === ids.rosa)
      .map((e) => e.data as { nameCommitment: string | null });
    expect(accepted[0]?.nameCommitment).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('who may read the record', () => {
  const reads = () => [
    `${ORG}/log/tile/entries/000.p/5`,
    `${ORG}/log/tile/0/000.p/5`,
    `${ORG}/log/proof/inclusion?index=0&size=5`,
    `${ORG}/log/proof/consistency?from=1&to=5`,
    `${ORG}/record?limit=5`,
    ORG,
  ];

  it('keeps entries, tiles and proofs to members by default; the checkpoint stays public', async () => {
    const anonymous = world.client();
    for (const url of reads()) {
      const res = await anonymous.get(url);
      expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 401, 'RECORD_MEMBERS_ONLY']);
      expect(res.headers['cache-control'] ?? '').not.toContain('public');
    }
    expect((await anonymous.get(`${ORG}/log/checkpoint`)).statusCode).toBe(200);
    const outsider = await foundThroughApi(world, { slug: 'other', username: 'outsider' });
    const refused = await outsider.client.get(`${ORG}/log/tile/entries/000.p/5`);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([
      403,
      'RECORD_MEMBERS_ONLY_FORBIDDEN',
    ]);
    for (const url of reads()) expect((await cata.get(url)).statusCode, url).toBe(200);
    const tile = await cata.get(`${ORG}/log/tile/0/000.p/5`);
    expect(tile.headers['cache-control']).toMatch(/^private, /);
  });

  it('serves a read token the congress granted by motion, until it revokes it', async () => {
    const granted = await carriedInCongress({
      kind: 'readAccess',
      action: 'grant',
      label: 'the auditors',
    });
    const token = granted.readToken as string;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const auditor = world.client();
    const bearer = { authorization: `Bearer ${token}` };
    for (const url of reads())
      expect((await auditor.get(url, { headers: bearer })).statusCode, url).toBe(200);
    // The token's holder sees the officials' names, no other member's.
    const page = (await auditor.get(ORG, { headers: bearer })).body;
    const council = await auditor.get(`${ORG}/record?from=0&limit=1000`, { headers: bearer });
    expect(council.statusCode).toBe(200);
    expect(page).not.toContain(PEOPLE.cata.name);
    // Only the token's hash is on the log.
    expect(await logText(auditor, bearer)).not.toContain(token);
    // soviet verify with the token: steps 1–4, the replay compared without names.
    expect(await verifyWith(token)).toMatchObject({ code: 0 });
    expect((await verifyWith(undefined)).err).toContain('--token or SOVIET_TOKEN');
    const wrong = await auditor.get(reads()[0] as string, {
      headers: { authorization: `Bearer ${'0'.repeat(64)}` },
    });
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([403, 'READ_TOKEN_INVALID']);

    await carriedInCongress({
      kind: 'readAccess',
      action: 'revoke',
      grantId: granted.motionId as string,
    });
    const revoked = await auditor.get(reads()[0] as string, { headers: bearer });
    expect([revoked.statusCode, errorOf(revoked).code]).toEqual([403, 'READ_TOKEN_INVALID']);
  });
});

describe('names by role', () => {
  it('shows members every member’s name, and others only the officials’', async () => {
    const asMember = await world.service.memberView('union', ids.cata as string, 'member');
    expect(asMember.name).toBe(PEOPLE.cata.name);
    const asPublic = await world.service.memberView('union', ids.cata as string, 'public');
    expect(asPublic).toMatchObject({ name: null, erased: false });
    const official = await world.service.memberView('union', ids.rosa as string, 'public');
    expect(official.name).toBe(PEOPLE.rosa.name);
  });

  it('shows a member’s name outside the organisation only when they choose so', async () => {
    const url = `${ORG}/me/name-visibility`;
    expect((await cata.get(url)).json()).toEqual({ public: false });
    expect((await cata.put(url, { public: true })).json()).toEqual({ public: true });
    expect((await world.service.memberView('union', ids.cata as string, 'public')).name).toBe(
      PEOPLE.cata.name,
    );
    expect((await cata.put(url, { public: false })).statusCode).toBe(200);
    expect((await world.service.memberView('union', ids.cata as string, 'public')).name).toBeNull();
    const bad = await cata.put(url, { public: 'yes' });
    expect(bad.statusCode).toBe(400);
  });
});

describe("a person's rights", () => {
  it('refuses an erasure without the right password, changing nothing', async () => {
    const size = (await world.store.head('union')).size;
    const res = await cata.post('/api/v1/account/erase', { password: 'not my password at all' });
    expect([res.statusCode, errorOf(res).code]).toEqual([403, 'WRONG_PASSWORD']);
    expect((await world.store.head('union')).size).toBe(size);
  });

  it('erases by crypto-shredding: the log unchanged, the name gone everywhere', async () => {
    const before = await logText(rosa);
    const done = await cata.post('/api/v1/account/erase', { password: PASSWORD });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ erased: true, organisations: ['union'] });
    // Every entry as it was; the erasure is new entries with no personal data.
    const after = await logText(rosa);
    expect(after.startsWith(before)).toBe(true);
    expect(after).not.toContain(PEOPLE.cata.name);
    expect((await state()).members.get(ids.cata as string)).toMatchObject({ status: 'left' });
    // The account is gone: its session and its login.
    expect((await cata.get('/api/v1/account/data')).statusCode).toBe(401);
    // Pages show a former member; no answer holds the name.
    const member = await json<{ name: string | null; erased: boolean }>(
      await rosa.get(`${ORG}/members/${ids.cata}`),
    );
    expect(member).toMatchObject({ name: null, erased: true });
    const s = await state();
    const answers = [
      await rosa.get(ORG),
      await rosa.get(`${ORG}/record?from=0&limit=1000`),
      ...[...s.councils.keys()].map((id) => rosa.get(`${ORG}/councils/${id}`)),
      ...[...s.elections.keys()].map((id) => rosa.get(`${ORG}/elections/${id}`)),
    ];
    for (const res of await Promise.all(answers)) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(PEOPLE.cata.name);
      expect(res.body).not.toContain(PEOPLE.cata.username);
    }
    // verify's checks and the replay still pass.
    const report = await fsck(world.store, 'union');
    expect(report.orgs[0]?.problems).toEqual([]);
    // And the database holds the name nowhere (a logical dump of every table).
    const dump = await databaseDump();
    expect(dump).toContain(PEOPLE.rosa.name);
    expect(dump).not.toContain(PEOPLE.cata.name);
    expect(dump).not.toContain(PEOPLE.cata.username);
    // The login went with the account (tried last: a failed login is throttled by name).
    const login = await world.client().post('/api/v1/session', {
      username: PEOPLE.cata.username,
      password: PASSWORD,
    });
    expect(login.statusCode).not.toBe(200);
  });
});

describe('server logs', () => {
  it('hold no request body, password, username or name, even for an unexpected failure', async () => {
    const lines: string[] = [];
    const broken = Object.create(world.service) as typeof world.service;
    broken.organisationView = async () => {
      throw new Error(`duplicate key value: Key (name)=(${PEOPLE.rosa.name}) already exists`);
    };
    const app = await buildApp({
      store: world.store,
      service: broken,
      clock: world.clock.read,
      security: { ...TEST_SECURITY },
      logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      const client = new ApiClient(app);
      await client.login(PEOPLE.rosa.username, PASSWORD);
      const failed = await client.get(ORG);
      expect(failed.statusCode).toBe(500);
      const invited = await client.post(`${ORG}/invitations`, {});
      const token = (invited.json() as { invitation: { token: string } }).invitation.token;
      const newcomer = new ApiClient(app);
      const joined = await newcomer.post(`${ORG}/invitations/accept`, {
        token,
        name: 'Yolanda Verhoeven',
        account: { username: 'yolanda.v', password: PASSWORD },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const wrong = await client.post('/api/v1/session', {
        username: PEOPLE.rosa.username,
        password: 'a wrong password, logged nowhere',
      });
      expect(wrong.statusCode).not.toBe(200);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('"statusCode":500');
    for (const secret of [
      PEOPLE.rosa.name,
      PEOPLE.rosa.username,
      'Yolanda',
      'yolanda.v',
      PASSWORD,
      'a wrong password',
      '127.0.0.1',
      'remoteAddress',
      'cookie',
    ])
      expect(log, secret).not.toContain(secret);
  });
});

/** `soviet verify … --replay [--token]` against the app listening on a port. */
async function verifyWith(token: string | undefined) {
  const app = await buildApp({
    store: world.store,
    service: world.service,
    clock: world.clock.read,
    security: TEST_SECURITY,
  });
  const dir = mkdtempSync(join(tmpdir(), 'soviet-privacy-'));
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { origin } = await world.store.organisation('union');
    const args = [
      'verify',
      `${address}${ORG}/log`,
      '--origin',
      origin,
      '--key',
      await world.store.verifierKey('union'),
      '--replay',
      '--state-file',
      join(dir, 'state.json'),
      ...(token ? ['--token', token] : []),
    ];
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    // The verifier's keep-alive connections belong to this process: close them with the
    // server rather than wait for their idle timeout.
    app.server.closeAllConnections();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The database as text: `pg_dump` on PostgreSQL; on PGlite every row of every table of
 * the database (PGlite has no pg_dump of its own in this stack).
 */
async function databaseDump(): Promise<string> {
  const url = world.handle.target.config.databaseUrl;
  if (url)
    return withBytesDecoded(execFileSync('pg_dump', ['--data-only', url], { encoding: 'utf8' }));
  const tables = await sql<{ schemaname: string; tablename: string }>`
    select schemaname, tablename from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema')`.execute(world.store.db);
  const out: string[] = [];
  for (const t of tables.rows) {
    const rows = await sql<{ row: unknown }>`select row_to_json(t) as row from ${sql.table(
      `${t.schemaname}.${t.tablename}`,
    )} t`.execute(world.store.db);
    out.push(...rows.rows.map((r) => `${t.tablename} ${JSON.stringify(r.row)}`));
  }
  return withBytesDecoded(out.join('\n'));
}

/** The dump with every hex-encoded bytea value (`\\x…`) also decoded as UTF-8 text. */
function withBytesDecoded(dump: string): string {
  const decoded = [...dump.matchAll(/\\x([0-9a-f]{2,})/g)].map((m) =>
    Buffer.from(m[1] as string, 'hex').toString('utf8'),
  );
  return [dump, ...decoded].join('\n');
}

async function json<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
