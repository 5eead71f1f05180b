import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/errors/catalogue.js';
import type { RouteEntry } from '../../src/server/route-table.js';
import { type ApiWorld, ORIGIN, openApiWorld } from './api-world.js';
import { buildOrgFixture, type OrgFixture } from './org-fixture.js';

/**
 * Bad input of every kind (issue 5): thousands of malformed requests to every route —
 * wrong types, huge strings, unknown fields, broken JSON, wrong content types, path
 * traversal and junk in ids, unknown query parameters — from a logged-in member with a
 * valid CSRF token, so that they reach validation. Each must be refused with a
 * catalogued 4xx (never a 5xx, never a success), and afterwards the database and every
 * log must be exactly as before.
 */

let world: ApiWorld;
let fixture: OrgFixture;
let routes: RouteEntry[];
let session: { token: string; csrfToken: string };

/** A row count per table of the database, and every log's size and root. */
async function fingerprint(): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(world.store.db);
  const counts: string[] = [];
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(world.store.db);
    counts.push(`${table_name}=${rows[0]?.n}`);
  }
  const heads = await world.store.db
    .selectFrom('log_heads')
    .select(['org_id', 'size', 'root'])
    .orderBy('org_id')
    .execute();
  return [
    ...counts,
    ...heads.map((h) => `log ${h.org_id}: ${h.size} ${Buffer.from(h.root).toString('hex')}`),
  ].join('\n');
}

beforeAll(async () => {
  world = await openApiWorld();
  fixture = await buildOrgFixture(world);
  routes = world.app.routeTable.filter((r) => !r.hidden && r.url.startsWith('/api/v1'));
  // One session for every request (its last use is refreshed, nothing more).
  session = await fixture.accounts.openSession(fixture.people.member.accountId);
}, 300_000);
afterAll(async () => world?.dispose());

/** A well-formed value for each path parameter (so only the mutated one is wrong). */
function goodParam(name: string): string {
  const ids: Record<string, string> = {
    org: 'acme',
    councilId: fixture.councils.docks,
    memberId: fixture.people.member.memberId,
    electionId: 'e1',
    mandateId: 'd1',
    petitionId: 'p1',
    motionId: 'mo1',
    amendmentId: 'a1',
    receipt: fixture.receipt,
    level: '0',
    '*': '000.p/1',
  };
  return ids[name] ?? 'x';
}

function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
}

function fill(url: string, bad?: { name: string; value: string }): string {
  return url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => {
    const key = name ?? '*';
    return bad && bad.name === key ? bad.value : goodParam(key);
  });
}

/** Values no id pattern accepts: traversal, encodings of it, control characters, junk. */
const badIdArb = fc.oneof(
  fc.constantFrom(
    '..',
    '../..',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2f',
    '....//....//',
    'c1%00',
    '%00',
    'm1%2F..%2Fm2',
    'm1;drop%20table%20accounts',
    '%E2%80%AE1m',
    '%20',
    'x'.repeat(300),
    'M1',
    'm01',
    '-1',
    'm1.json',
    '%F0%9F%92%A3',
  ),
  fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => !/^[a-z]{1,2}[1-9][0-9]{0,9}$/.test(s) && !/^[a-z0-9][a-z0-9-]*$/.test(s))
    .map(encodeURIComponent),
);

type Mutation =
  | { kind: 'wrongType'; value: unknown }
  | { kind: 'unknownField'; key: string; value: unknown }
  | { kind: 'hugeString'; size: number }
  | { kind: 'brokenJson'; text: string }
  | { kind: 'contentType'; type: string }
  | { kind: 'badParam'; value: string; which: number }
  | { kind: 'badQuery'; key: string; value: string };

const jsonArb = fc.jsonValue({ maxDepth: 2 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('wrongType' as const),
    value: fc.oneof(
      fc.integer(),
      // Not NaN or ±Infinity: JSON.stringify writes them as `null`, which a route that
      // takes no body rightly accepts as "no body".
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 30 }),
      fc.boolean(),
      fc.array(jsonArb, { maxLength: 4 }),
    ),
  }),
  fc.record({
    kind: fc.constant('unknownField' as const),
    key: fc.string({ minLength: 1, maxLength: 20 }),
    value: jsonArb,
  }),
  fc.record({
    kind: fc.constant('hugeString' as const),
    size: fc.integer({ min: 300, max: 2_000_000 }),
  }),
  fc.record({
    kind: fc.constant('brokenJson' as const),
    text: fc.oneof(
      fc.constantFrom(
        '{',
        '{"a":',
        '[1,2',
        '{"a":1,}',
        'nul',
        '"unterminated',
        "{'single':1}",
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        '\u0000',
        '{"a":1}{"b":2}',
        'NaN',
      ),
      fc.string({ maxLength: 40 }).map((s) => `{${s}`),
    ),
  }),
  fc.record({
    kind: fc.constant('contentType' as const),
    type: fc.constantFrom(
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'text/html',
      'application/octet-stream',
      'image/png',
    ),
  }),
  fc.record({
    kind: fc.constant('badParam' as const),
    value: badIdArb,
    which: fc.nat({ max: 3 }),
  }),
  fc.record({
    kind: fc.constant('badQuery' as const),
    key: fc.stringMatching(/^[a-z_]{1,12}$/),
    value: fc.string({ maxLength: 20 }),
  }),
);

async function send(route: RouteEntry, m: Mutation) {
  const unsafe = route.method !== 'GET';
  const headers: Record<string, string> = {
    cookie: `soviet_session=${session.token}; soviet_csrf=${session.csrfToken}`,
    'x-csrf-token': session.csrfToken,
    origin: ORIGIN,
  };
  const names = paramsOf(route.url);
  let url = fill(route.url);
  let payload: string | undefined;
  switch (m.kind) {
    case 'badParam': {
      const name = names[m.which % Math.max(1, names.length)];
      url = name === undefined ? `${url}/${m.value}` : fill(route.url, { name, value: m.value });
      break;
    }
    case 'badQuery': {
      // A known parameter keeps its name only if the value is wrong for it.
      const known = ['index', 'size', 'from', 'to', 'limit'].includes(m.key);
      url = `${url}${url.includes('?') ? '&' : '?'}${m.key}=${encodeURIComponent(known ? `x${m.value}` : m.value)}`;
      break;
    }
    case 'wrongType':
      payload = JSON.stringify(m.value);
      headers['content-type'] = 'application/json';
      break;
    case 'unknownField':
      payload = JSON.stringify({ [`${m.key}_unknown`]: m.value });
      headers['content-type'] = 'application/json';
      break;
    case 'hugeString':
      payload = JSON.stringify({ name: 'n'.repeat(m.size), text: 't', token: 'x' });
      headers['content-type'] = 'application/json';
      break;
    case 'brokenJson':
      payload = m.text;
      headers['content-type'] = 'application/json';
      break;
    case 'contentType':
      payload = 'name=x&text=y';
      headers['content-type'] = m.type;
      break;
  }
  if (!unsafe && payload !== undefined) {
    // A GET takes no body: carry the junk in an unknown query parameter instead.
    url = `${url}${url.includes('?') ? '&' : '?'}junk=${encodeURIComponent(payload.slice(0, 2000))}`;
    payload = undefined;
    delete headers['content-type'];
  }
  return world.app.inject({
    method: route.method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('bad input', () => {
  it('refuses thousands of malformed requests with catalogued 4xx errors and changes nothing', async () => {
    const before = await fingerprint();
    const seen = new Map<string, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10_000 }), mutationArb, async (pick, mutation) => {
        const route = routes[pick % routes.length] as RouteEntry;
        const res = await send(route, mutation);
        sent++;
        const where = `${route.method} ${route.url} ${JSON.stringify(mutation).slice(0, 200)}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        const body = res.json() as {
          error?: { code?: string; message?: string; requestId?: string };
        };
        const code = body.error?.code ?? '';
        expect(catalogue[code]?.status, `${where}: ${res.body}`).toBe(res.statusCode);
        expect(body.error?.requestId).toBe(res.headers['x-request-id']);
        expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
        seen.set(code, (seen.get(code) ?? 0) + 1);
      }),
      { numRuns: 3000 },
    );
    expect(sent).toBe(3000);
    // Every kind of refusal was met: validation, the envelope, unknown paths and ids.
    expect([...seen.keys()]).toEqual(
      expect.arrayContaining([
        'BAD_REQUEST',
        'BODY_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'NOT_FOUND',
      ]),
    );
    expect(await fingerprint()).toBe(before);
  }, 600_000);
});
