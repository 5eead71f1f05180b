import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../src/accounts/accounts.js';
import {
  type ApiWorld,
  type CallOptions,
  errorOf,
  foundThroughApi,
  joinThroughApi,
  ORIGIN,
  openApiWorld,
  PASSWORD,
} from './api-world.js';

/**
 * Session fixation, CSRF (Origin and token), rate limits, cookie attributes and security
 * headers (OWASP Session Management and CSRF Prevention cheat sheets).
 */
let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
  await foundThroughApi(world, { slug: 'acme', username: 'ann' });
});
afterAll(async () => world?.dispose());

describe('session fixation', () => {
  it('gives a new session id at login and closes the one the browser had', async () => {
    const victim = world.client();
    await victim.login('ann', PASSWORD);
    const planted = victim.cookies.get('soviet_session') as string;
    // The attacker knows `planted` (e.g. set it in the victim's browser); the victim logs in again.
    await victim.login('ann', PASSWORD);
    const fresh = victim.cookies.get('soviet_session') as string;
    expect(fresh).not.toBe(planted);
    const attacker = world.client();
    attacker.cookies.set('soviet_session', planted);
    const res = await attacker.get('/api/v1/orgs/acme/me');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('SESSION_EXPIRED');
  });

  it('never accepts a session id the server did not issue', async () => {
    const attacker = world.client();
    attacker.cookies.set('soviet_session', 'A'.repeat(43));
    expect((await attacker.get('/api/v1/orgs/acme/me')).statusCode).toBe(401);
    const login = await attacker.login('ann', PASSWORD);
    expect(login.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(attacker.cookies.get('soviet_session')).not.toBe('A'.repeat(43));
  });

  it('stores only the hash of the session token', async () => {
    const client = world.client();
    await client.login('ann', PASSWORD);
    const token = client.cookies.get('soviet_session') as string;
    const rows = await world.store.db
      .withTables<{ sessions: { token_hash: Uint8Array } }>()
      .selectFrom('sessions')
      .select('token_hash')
      .execute();
    const hashes = rows.map((r) => Buffer.from(r.token_hash).toString('hex'));
    expect(hashes).toContain(Buffer.from(tokenHash(token)).toString('hex'));
    expect(hashes).not.toContain(Buffer.from(token).toString('hex'));
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without Origin or Referer, or from elsewhere', async () => {
    const ann = world.client();
    await ann.login('ann', PASSWORD);
    const cases: CallOptions[] = [
      { noOrigin: true },
      { headers: { origin: 'https://evil.example' } },
      { headers: { origin: 'null' } },
      { noOrigin: true, headers: { referer: 'https://evil.example/page' } },
      { headers: { origin: 'http://localhost.evil.example' } },
    ];
    for (const options of cases) {
      const res = await ann.post('/api/v1/orgs/acme/invitations', {}, options);
      expect(res.statusCode, JSON.stringify(options)).toBe(403);
      expect(errorOf(res).code).toBe('CSRF_ORIGIN');
    }
    // The Referer of this site stands in for a missing Origin.
    const viaReferer = await ann.post(
      '/api/v1/orgs/acme/invitations',
      {},
      {
        noOrigin: true,
        headers: { referer: `${ORIGIN}/orgs/acme` },
      },
    );
    expect(viaReferer.statusCode).toBe(201);
  });

  it('refuses a missing or wrong token, before and after login', async () => {
    const ann = world.client();
    await ann.login('ann', PASSWORD);
    for (const csrf of [null, '', 'x'.repeat(43), ann.csrf?.slice(0, -1) ?? '']) {
      const res = await ann.post('/api/v1/orgs/acme/invitations', {}, { csrf });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('CSRF_TOKEN');
    }
    // Before login the double-submit cookie must match the header.
    const stranger = world.client();
    await stranger.get('/api/v1/session');
    const forged = await stranger.post(
      '/api/v1/session',
      { username: 'ann', password: PASSWORD },
      {
        csrf: 'y'.repeat(43),
      },
    );
    expect(errorOf(forged).code).toBe('CSRF_TOKEN');
    const bare = world.client();
    const noCookie = await bare.post(
      '/api/v1/session',
      { username: 'ann', password: PASSWORD },
      {
        csrf: 'y'.repeat(43),
      },
    );
    expect(errorOf(noCookie).code).toBe('CSRF_TOKEN');
  });

  it("binds the token to the session: another session's token does not work", async () => {
    const a = world.client();
    const b = world.client();
    await a.login('ann', PASSWORD);
    await b.login('ann', PASSWORD);
    const res = await a.post('/api/v1/orgs/acme/invitations', {}, { csrf: b.csrf ?? '' });
    expect(errorOf(res).code).toBe('CSRF_TOKEN');
    expect(a.csrf).not.toBe(b.csrf);
  });

  it('rotates the CSRF token at login', async () => {
    const client = world.client();
    await client.get('/api/v1/session');
    const before = client.csrf;
    await client.login('ann', PASSWORD);
    expect(client.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.csrf).not.toBe(before);
  });

  it('accepts only the configured origins when the operator names them', async () => {
    const named = await openApiWorld({ security: { origins: ['https://soviet.example'] } });
    try {
      const client = named.client();
      // The request's own origin (http://localhost) is not the named one.
      const foreign = await client.post('/api/v1/session', { username: 'x', password: 'y' });
      expect(errorOf(foreign).code).toBe('CSRF_ORIGIN');
      const own = await client.post(
        '/api/v1/session',
        { username: 'nobody', password: 'y' },
        {
          headers: { origin: 'https://soviet.example' },
        },
      );
      expect(errorOf(own).code).toBe('LOGIN_FAILED');
    } finally {
      await named.dispose();
    }
  });

  it('lets safe methods through without a token', async () => {
    const ann = world.client();
    await ann.login('ann', PASSWORD);
    expect((await ann.get('/api/v1/orgs/acme/me', { noOrigin: true })).statusCode).toBe(200);
  });
});

describe('cookies and headers', () => {
  it('sets the session cookie HttpOnly and SameSite, Secure only over TLS', async () => {
    const client = world.client();
    await client.get('/api/v1/session');
    const res = await client.post('/api/v1/session', { username: 'ann', password: PASSWORD });
    const cookies = res.cookies as {
      name: string;
      httpOnly?: boolean;
      sameSite?: string;
      secure?: boolean;
      path?: string;
    }[];
    const session = cookies.find((c) => c.name === 'soviet_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy();
    const csrf = cookies.find((c) => c.name === 'soviet_csrf');
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
  });

  it('marks cookies Secure behind a TLS proxy when the proxy is trusted', async () => {
    const tls = await openApiWorld({ security: { trustProxy: true } });
    try {
      await foundThroughApi(tls, { slug: 'tls', username: 'tess' }).catch(() => undefined);
      const res = await tls.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
      });
      const csrf = (res.cookies as { name: string; secure?: boolean }[]).find(
        (c) => c.name === 'soviet_csrf',
      );
      expect(csrf?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
      // Without trust, the same header is ignored.
      const plain = await world.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
      });
      const plainCsrf = (plain.cookies as { name: string; secure?: boolean }[]).find(
        (c) => c.name === 'soviet_csrf',
      );
      expect(plainCsrf?.secure).toBeFalsy();
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await tls.dispose();
    }
  });

  it('sends security headers with a strict CSP on every answer, errors included', async () => {
    for (const url of ['/api/v1/health', '/api/v1/orgs/acme', '/api/v1/nothing-here']) {
      const res = await world.app.inject({ method: 'GET', url });
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('rate limits', () => {
  let limited: ApiWorld;
  beforeAll(async () => {
    limited = await openApiWorld({
      security: {
        rateLimits: {
          login: { max: 3, windowMs: 60_000 },
          invitation: { max: 2, windowMs: 60_000 },
          ballot: { max: 2, windowMs: 60_000 },
          founding: { max: 2, windowMs: 60_000 },
        },
      },
    });
  });
  afterAll(async () => limited?.dispose());

  it('limits founding, invitation acceptance per address and ballots per account', async () => {
    const { client: ann } = await foundThroughApi(limited, { slug: 'lim', username: 'ann' });
    const bob = await joinThroughApi(limited, 'lim', ann, 'bob', 'Bob');
    await joinThroughApi(limited, 'lim', ann, 'cyd', 'Cyd');
    const third = await ann.post('/api/v1/orgs/lim/invitations', {});
    const token = (third.json() as { invitation: { token: string } }).invitation.token;
    const res = await limited.client().post('/api/v1/orgs/lim/invitations/accept', {
      token,
      name: 'Di',
      account: { username: 'dil', password: PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(errorOf(res).code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Ballots: the limit counts per account, so another voter is not affected. (The
    // election is still in nominations: each ballot is refused by the rules, and still
    // counts against the limit, which comes first.)
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await bob.client.post('/api/v1/orgs/lim/elections/e1/ballots', { ranking: ['m1'] }))
          .statusCode,
      );
    expect(statuses).toEqual([409, 409, 429]);
    const annVote = await ann.post('/api/v1/orgs/lim/elections/e1/ballots', { ranking: ['m1'] });
    expect(annVote.statusCode).toBe(409);
    // Founding: the second one from this address is the limit, the third is refused.
    const again = await limited.client().post('/api/v1/orgs', {
      name: 'X',
      slug: 'x-org',
      founderName: 'X',
      founderCouncil: 'Y',
      councils: { name: 'C', children: [{ name: 'Y' }] },
      account: { username: 'xavier', password: PASSWORD },
    });
    expect(again.statusCode).toBe(201);
    const refused = await limited.client().post('/api/v1/orgs', {
      name: 'Z',
      slug: 'z-org',
      founderName: 'Z',
      founderCouncil: 'Y',
      councils: { name: 'C', children: [{ name: 'Y' }] },
      account: { username: 'zelda', password: PASSWORD },
    });
    expect(errorOf(refused).code).toBe('RATE_LIMITED');
  });

  it('limits login attempts per address', async () => {
    const client = limited.client();
    await client.get('/api/v1/session');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.post('/api/v1/session', { username: 'zed', password: PASSWORD });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
