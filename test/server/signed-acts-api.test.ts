import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  ActAudit,
  type DemocracyCommand,
  liveKeys,
  type OrgState,
} from '../../src/democracy/index.js';
import { decodeEntry } from '../../src/record/entry.js';
import { nodeEd25519 } from '../../src/record/node-ed25519.js';
import { buildApp } from '../../src/server/build-app.js';
import { democracyDomain } from '../../src/store/democracy-domain.js';
import { recountStored } from '../support/recount-stored.js';
import { postAct, signedAct, TestKey } from './act-signer.js';
import {
  type ApiClient,
  type ApiWorld,
  errorOf,
  openApiWorld,
  PASSWORD,
  TEST_SECURITY,
} from './api-world.js';

/**
 * Signed acts (issue 14; docs/design/record.md "Signed acts", docs/api.md): once a
 * member has a key, nobody — a password's holder, the operator — acts in their name
 * without it, and the log proves it.
 */
const ORG = 'union';
let world: ApiWorld;
let rosa: ApiClient;
let bruno: ApiClient;
const ids: Record<string, string> = {};
const rosaKey = new TestKey('rosa laptop');

const state = (): Promise<OrgState> => world.service.state(ORG);
const size = async () => (await world.store.head(ORG)).size;

/** Every entry of the log, decoded, as the audit reads them. */
async function entries() {
  const { id } = await world.store.organisation(ORG);
  const rows = await world.store.db
    .selectFrom('log_entries')
    .select(['seq', 'entry'])
    .where('org_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const e = decodeEntry(new Uint8Array(r.entry));
    return { seq: e.seq, time: Date.parse(e.time), type: e.type, actor: e.actor, data: e.data };
  });
}

/** The act audit `soviet verify` runs, over the whole stored log. */
async function audit() {
  const { origin } = await world.store.organisation(ORG);
  const auditor = new ActAudit(origin, nodeEd25519);
  for (const entry of await entries()) {
    const problem = auditor.check(entry);
    if (problem) return { refused: { seq: entry.seq, type: entry.type, problem } };
  }
  return { refused: auditor.finish(), report: auditor.report() };
}

beforeAll(async () => {
  world = await openApiWorld();
  rosa = world.client();
  const founded = await rosa.post('/api/v1/orgs', {
    name: 'Union',
    slug: ORG,
    founderName: 'Rosa',
    founderCouncil: 'Docks',
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
    founderKey: rosaKey.registration,
    constitution: { recordVisibility: 'public' },
    account: { username: 'rosa.okafor', password: PASSWORD },
  });
  expect(founded.statusCode, founded.body).toBe(201);
  ids.rosa = (founded.json() as { memberId: string }).memberId;
  // Rosa invites with a signed act: her password alone no longer acts for her.
  const invite = await signedAct(world, ORG, ids.rosa, rosaKey, { kind: 'InviteMember' });
  const invited = await postAct(world.client(), ORG, invite);
  expect(invited.statusCode, invited.body).toBe(201);
  const token = (invited.json() as { invitation: { token: string } }).invitation.token;
  bruno = world.client();
  const joined = await bruno.post(`/api/v1/orgs/${ORG}/invitations/accept`, {
    token,
    name: 'Bruno',
    account: { username: 'bruno.quill', password: PASSWORD },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  ids.bruno = (joined.json() as { memberId: string }).memberId;
}, 120_000);
afterAll(async () => world?.dispose());

describe('a member with a key', () => {
  it('has it on the record from founding, and a session alone cannot act in their name', async () => {
    expect(liveKeys(await state(), ids.rosa as string).map((k) => k.keyId)).toEqual([
      rosaKey.keyId,
    ]);
    const before = await size();
    const res = await rosa.post(`/api/v1/orgs/${ORG}/invitations`, {});
    expect([res.statusCode, errorOf(res).code]).toEqual([401, 'SIGNATURE_REQUIRED']);
    expect(await size()).toBe(before);
  });

  it('acts by a signed act, logged before its events; the same act twice is refused', async () => {
    const act = await signedAct(world, ORG, ids.rosa as string, rosaKey, { kind: 'InviteMember' });
    const res = await postAct(world.client(), ORG, act);
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json() as { firstSeq: number; events: { kind: string }[] };
    expect(answer.events.map((e) => e.kind)).toEqual(['MemberActed', 'MemberInvited']);
    const logged = (await entries()).find((e) => e.seq === answer.firstSeq);
    expect(logged).toMatchObject({
      type: 'MemberActed',
      actor: ids.rosa,
      data: { actId: act.id, covers: 1, command: { kind: 'InviteMember' } },
    });
    const before = await size();
    const again = await postAct(world.client(), ORG, act);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ACT_REPLAYED']);
    expect(await size()).toBe(before);
  });

  it('refuses an altered, foreign, stale, unsigned or mis-signed act, changing nothing', async () => {
    const rosaId = ids.rosa as string;
    const invite: DemocracyCommand = { kind: 'InviteMember' };
    const stranger = new TestKey('not registered');
    const good = await signedAct(world, ORG, rosaId, rosaKey, invite);
    const altered = {
      ...good,
      payload: Buffer.from(good.payload.toString().replace('InviteMember', 'LeaveOrganisation')),
    };
    const cases: [string, { payload: Buffer; headers: Record<string, string> }, number, string][] =
      [
        ['altered after signing', altered, 401, 'SIGNATURE_INVALID'],
        [
          'signed by a key she never registered',
          await signedAct(world, ORG, rosaId, stranger, invite),
          401,
          'SIGNATURE_INVALID',
        ],
        [
          "in Bruno's name with Rosa's key",
          await signedAct(world, ORG, ids.bruno as string, rosaKey, invite),
          401,
          'SIGNATURE_INVALID',
        ],
        [
          'signed ten minutes ago',
          await signedAct(world, ORG, rosaId, rosaKey, invite, {
            issued: world.clock.now - 10 * 60_000,
          }),
          422,
          'ACT_STALE',
        ],
        [
          'for another organisation',
          await signedAct(world, ORG, rosaId, rosaKey, invite, { origin: 'elsewhere/union' }),
          422,
          'ACT_WRONG_ORGANISATION',
        ],
        ['without its signature', { ...good, headers: {} }, 401, 'SIGNATURE_INVALID'],
      ];
    cases.push([
      'with a field its command does not have',
      await signedAct(world, ORG, rosaId, rosaKey, {
        kind: 'InviteMember',
        note: 'x'.repeat(1000),
      } as unknown as DemocracyCommand),
      400,
      'ACT_MALFORMED',
    ]);
    const spaced = Buffer.from(good.payload.toString().replace(',', ', '));
    cases.push(['not canonical', { ...good, payload: spaced }, 400, 'ACT_MALFORMED']);
    const before = await size();
    for (const [what, act, status, code] of cases) {
      const res = await postAct(world.client(), ORG, act);
      expect([what, res.statusCode, errorOf(res).code]).toEqual([what, status, code]);
    }
    expect(await size()).toBe(before);
  });
});

describe("a member's keys", () => {
  it('are registered first by password, then only by signing, and revoked by signing', async () => {
    const brunoId = ids.bruno as string;
    const [first, second] = [new TestKey('phone'), new TestKey('union bot')];
    const registered = await bruno.post(`/api/v1/orgs/${ORG}/me/keys`, first.registration);
    expect(registered.statusCode, registered.body).toBe(201);
    const more = await bruno.post(`/api/v1/orgs/${ORG}/me/keys`, second.registration);
    expect([more.statusCode, errorOf(more).code]).toEqual([401, 'SIGNATURE_REQUIRED']);
    const add = await signedAct(world, ORG, brunoId, first, {
      kind: 'RegisterKey',
      ...second.registration,
    });
    expect((await postAct(world.client(), ORG, add)).statusCode).toBe(201);
    const listed = await rosa.get(`/api/v1/orgs/${ORG}/members/${brunoId}/keys`);
    expect((listed.json() as { keyId: string }[]).map((k) => k.keyId).sort()).toEqual(
      [first.keyId, second.keyId].sort(),
    );
    const revoke = await signedAct(world, ORG, brunoId, second, {
      kind: 'RevokeKey',
      keyId: first.keyId,
    });
    expect((await postAct(world.client(), ORG, revoke)).statusCode).toBe(201);
    const withRevoked = await signedAct(world, ORG, brunoId, first, { kind: 'InviteMember' });
    const refused = await postAct(world.client(), ORG, withRevoked);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([401, 'SIGNATURE_INVALID']);
  });
});

describe('soviet keygen and soviet act', () => {
  it('make a key a script registers and then acts with, by the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soviet-keygen-'));
    const file = join(dir, 'bot.key');
    try {
      const made = await cli(['keygen', file]);
      expect(made.code, made.err).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const publicKey = /public key: (\S+)/.exec(made.out)?.[1] as string;
      const add = await signedAct(world, ORG, ids.rosa as string, rosaKey, {
        kind: 'RegisterKey',
        publicKey,
        label: 'branch bot',
      });
      expect((await postAct(world.client(), ORG, add)).statusCode).toBe(201);
      const before = await size();
      const acted = await cli(
        [
          'act',
          `{{url}}/api/v1/orgs/${ORG}`,
          '{"kind":"InviteMember"}',
          '--key',
          file,
          '--member',
          ids.rosa as string,
        ],
        { realClock: true },
      );
      expect(acted.code, acted.err + acted.out).toBe(0);
      // The real clock is months past the test's: deadlines come first, then the act.
      const events = JSON.parse(acted.out).events.map((e: { kind: string }) => e.kind);
      expect(events.slice(-2)).toEqual(['MemberActed', 'MemberInvited']);
      expect(await size()).toBe(before + events.length);
      const again = await cli(['keygen', file]);
      expect(again.code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the worked example of docs/api.md, "Signed acts"', () => {
  it('founds an organisation with curl and acts with docs/examples/sign-act.mjs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soviet-guide-'));
    try {
      const made = await cli(['keygen', join(dir, 'me.key')]);
      const publicKey = /public key: (\S+)/.exec(made.out)?.[1] as string;
      const script = join(process.cwd(), 'docs/examples/sign-act.mjs');
      const steps = `
        set -e
        cd ${dir}
        curl -sS -c jar -b jar "$URL/api/v1/session" >/dev/null
        CSRF=$(awk '$6 == "soviet_csrf" { print $7 }' jar)
        curl -sS -c jar -b jar -X POST "$URL/api/v1/orgs" \
          -H 'content-type: application/json' -H "origin: $URL" \
          -H "x-csrf-token: $CSRF" --data '{
            "name": "Riverside Tenants", "slug": "riverside",
            "founderName": "Ana", "founderCouncil": "Block A",
            "councils": {"name": "Assembly", "children": [{"name": "Block A"}, {"name": "Block B"}]},
            "founderKey": {"publicKey": "${publicKey}", "label": "my laptop"},
            "account": {"username": "ana.r", "password": "a long passphrase of words"}}'
        echo
        eval "$(node ${script} me.key "$URL/api/v1/orgs/riverside" m1 '{"kind": "InviteMember"}')"
      `;
      const ran = await withServer(
        (url) =>
          new Promise<{ code: number | null; out: string; err: string }>((done) => {
            execFile('bash', ['-c', steps], { env: { ...process.env, URL: url } }, (e, out, err) =>
              done({ code: e ? (e.code as number) : 0, out, err }),
            );
          }),
        { realClock: true },
      );
      expect(ran.code, ran.err).toBe(0);
      const [founded, acted] = ran.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(founded).toMatchObject({ org: 'riverside', memberId: 'm1' });
      expect(acted.events.map((e: { kind: string }) => e.kind)).toEqual([
        'MemberActed',
        'MemberInvited',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the act audit of `soviet verify`', () => {
  it('passes the honest log, counting signed acts and the unsigned ones of keyless members', async () => {
    const result = await audit();
    expect(result.refused).toBeNull();
    expect(result.report?.signed).toBeGreaterThanOrEqual(4);
    expect(result.report?.keys).toBe(4);
    // The recount runs each signed command itself through the rules, with its act.
    const recounted = await recountStored(world.store, ORG);
    expect(recounted.ok, JSON.stringify(recounted)).toBe(true);
    const verified = await verifyWithCli();
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/signed acts: \d+ checked against 4 member keys/);
  });

  it('refuses, naming the entry, an act appended in a member’s name by whoever holds the database', async () => {
    // The operator's own server: the same rules, but blind to the member's keys, and the
    // instance key signs the checkpoint as always.
    const decide = democracyDomain.decide.bind(democracyDomain);
    const forging = vi.spyOn(democracyDomain, 'decide').mockImplementation((s, command, ctx) => {
      let keys = s.acts.keys;
      for (const k of liveKeys(s, ids.rosa as string)) keys = keys.delete(k.keyId);
      return decide({ ...s, acts: { ...s.acts, keys } }, command, ctx);
    });
    let forgedAt: number;
    try {
      const forged = await world.service.execute(ORG, ids.rosa as string, { kind: 'InviteMember' });
      forgedAt = forged.firstSeq;
    } finally {
      forging.mockRestore();
    }
    const result = await audit();
    expect(result.refused).toMatchObject({
      seq: forgedAt,
      type: 'MemberInvited',
      problem: expect.stringContaining('no act of theirs signs it'),
    });
    const verified = await verifyWithCli();
    expect(verified.code).not.toBe(0);
    expect(verified.err).toContain(`Entry ${forgedAt} (in tile/entries/000.p/`);
    expect(verified.err).toContain('no act of theirs signs it');
  });
});

/**
 * Runs `soviet …args` against the app listening on a loopback port (`{{url}}` in an
 * argument is its address). `realClock`: the server's clock follows the real one while
 * it runs (`soviet act` signs with the real time).
 */
async function cli(args: string[], options: { realClock?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    const code = await withServer(
      (address) => main(args.map((a) => a.replace('{{url}}', address))),
      options,
    );
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Runs `use` with the app listening on a loopback port (its address, http://127.0.0.1:…). */
async function withServer<T>(
  use: (address: string) => Promise<T>,
  options: { realClock?: boolean } = {},
): Promise<T> {
  const app = await buildApp({
    store: world.store,
    service: world.service,
    clock: world.clock.read,
    security: TEST_SECURITY,
  });
  const saved = world.clock.now;
  if (options.realClock) world.clock.now = Date.now();
  try {
    return await use(await app.listen({ port: 0, host: '127.0.0.1' }));
  } finally {
    world.clock.now = Math.max(saved, world.clock.now);
    app.server.closeAllConnections();
    await app.close();
  }
}

/** `soviet verify` of the organisation's log as served, fresh (no state file). */
async function verifyWithCli() {
  const app = await buildApp({
    store: world.store,
    service: world.service,
    clock: world.clock.read,
    security: TEST_SECURITY,
  });
  const dir = mkdtempSync(join(tmpdir(), 'soviet-acts-'));
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { origin } = await world.store.organisation(ORG);
    const code = await main([
      'verify',
      `${address}/api/v1/orgs/${ORG}/log`,
      '--origin',
      origin,
      '--key',
      await world.store.verifierKey(ORG),
      '--state-file',
      join(dir, 'state.json'),
    ]);
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
