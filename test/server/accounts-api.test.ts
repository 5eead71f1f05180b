import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../src/accounts/accounts.js';
import { ACCOUNT_RULE } from '../../src/accounts/login-throttle-policy.js';
import {
  type ApiWorld,
  errorOf,
  foundThroughApi,
  joinThroughApi,
  openApiWorld,
  PASSWORD,
} from './api-world.js';

/**
 * Accounts and sessions over HTTP: founding and accepting an invitation create accounts;
 * login rotates the session; logout, logout everywhere, password change and inactivity
 * end sessions; failed logins slow down and the owner is told.
 */
let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
  await foundThroughApi(world, { slug: 'acme', username: 'ann' });
});
afterAll(async () => world?.dispose());

describe('accounts', () => {
  it('creates an account by founding and logs it in; the session lists the membership', async () => {
    const { client, memberId } = await foundThroughApi(world, { slug: 'beta', username: 'Bea.Ty' });
    const session = await client.get('/api/v1/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      account: { username: 'bea.ty' },
      memberships: [{ org: 'beta', memberId }],
      notices: [],
    });
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('lets one account belong to several organisations, but be one member in each', async () => {
    const ann = world.client();
    await ann.login('ann', PASSWORD);
    const founded = await ann.post('/api/v1/orgs', {
      name: 'Gamma',
      slug: 'gamma',
      founderName: 'Ann',
      founderCouncil: 'Yard',
      councils: { name: 'Congress', children: [{ name: 'Yard' }] },
    });
    expect(founded.statusCode).toBe(201);
    const invite = await ann.post('/api/v1/orgs/gamma/invitations', {});
    const token = (invite.json() as { invitation: { token: string } }).invitation.token;
    const again = await ann.post('/api/v1/orgs/gamma/invitations/accept', { token, name: 'Ann 2' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('ALREADY_A_MEMBER');
    const session = (await ann.get('/api/v1/session')).json() as {
      memberships: { org: string }[];
    };
    expect(session.memberships.map((m) => m.org)).toEqual(['acme', 'gamma']);
  });

  it('refuses weak passwords and taken usernames, and keeps no half-made account', async () => {
    const client = world.client();
    const base = {
      name: 'Delta',
      slug: 'delta',
      founderName: 'Dee',
      founderCouncil: 'Yard',
      councils: { name: 'Congress', children: [{ name: 'Yard' }] },
    };
    const weak = await client.post('/api/v1/orgs', {
      ...base,
      account: { username: 'dee', password: 'password1234' },
    });
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak).code).toBe('WEAK_PASSWORD');
    const taken = await client.post('/api/v1/orgs', {
      ...base,
      account: { username: 'ANN', password: PASSWORD },
    });
    expect(errorOf(taken).code).toBe('USERNAME_TAKEN');
    // A founding the rules refuse takes neither the username nor the slug.
    const refused = await client.post('/api/v1/orgs', {
      ...base,
      founderCouncil: 'Nowhere',
      account: { username: 'dee', password: PASSWORD },
    });
    expect(errorOf(refused).code).toBe('BAD_FOUNDING');
    const ok = await client.post('/api/v1/orgs', {
      ...base,
      account: { username: 'dee', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('changes the password, closing every other session', async () => {
    const { client: first } = await joinThroughApi(
      world,
      'acme',
      await annClient(),
      'carl',
      'Carl',
    );
    const second = world.client();
    await second.login('carl', PASSWORD);
    const wrong = await first.put('/api/v1/account/password', {
      currentPassword: 'not my password at all',
      newPassword: 'another long passphrase here',
    });
    expect(errorOf(wrong).code).toBe('WRONG_PASSWORD');
    const weak = await first.put('/api/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'carlcarlcarlcarl',
    });
    expect(errorOf(weak).code).toBe('WEAK_PASSWORD');
    const changed = await first.put('/api/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long passphrase here',
    });
    expect(changed.statusCode).toBe(200);
    expect((await first.get('/api/v1/orgs/acme/me')).statusCode).toBe(200);
    const stale = await second.get('/api/v1/orgs/acme/me');
    expect(stale.statusCode).toBe(401);
    expect(errorOf(stale).code).toBe('SESSION_EXPIRED');
    expect(
      (await world.client().post('/api/v1/session', { username: 'carl', password: PASSWORD }))
        .statusCode,
    ).toBe(401);
    await world.client().login('carl', 'another long passphrase here');
  });

  it('logs out here, or everywhere', async () => {
    const a = await annClient();
    const b = await annClient();
    const out = await a.delete('/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect(a.cookies.has('soviet_session')).toBe(false);
    expect((await a.get('/api/v1/orgs/acme/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/orgs/acme/me')).statusCode).toBe(200);
    const c = await annClient();
    const everywhere = await c.delete('/api/v1/account/sessions');
    expect(everywhere.statusCode).toBe(200);
    expect((everywhere.json() as { closed: number }).closed).toBeGreaterThanOrEqual(2);
    expect((await b.get('/api/v1/orgs/acme/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/orgs/acme/me')).statusCode).toBe(401);
  });

  it('ends a session after inactivity, and keeps a used one alive', async () => {
    const idle = world.store.db; // the sessions table is shared by every process
    const client = await annClient();
    const policy = { idleMs: 2 * 3_600_000 };
    world.clock.advance(policy.idleMs - 60_000);
    expect((await client.get('/api/v1/orgs/acme/me')).statusCode).toBe(200);
    world.clock.advance(policy.idleMs - 60_000);
    expect((await client.get('/api/v1/orgs/acme/me')).statusCode).toBe(200);
    world.clock.advance(policy.idleMs);
    const expired = await client.get('/api/v1/orgs/acme/me');
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('SESSION_EXPIRED');
    // The expired session is gone from the database, not only refused.
    const token = client.cookies.get('soviet_session') as string;
    const rows = await sql`select 1 from sessions where token_hash = ${tokenHash(token)}`.execute(
      idle,
    );
    expect(rows.rows).toHaveLength(0);
  });

  it('slows repeated failed logins exponentially and tells the owner at the next login', async () => {
    await joinThroughApi(world, 'acme', await annClient(), 'dora', 'Dora');
    const attacker = world.client();
    const codes: string[] = [];
    for (let i = 0; i < ACCOUNT_RULE.free + 2; i++) {
      const res = await attacker.post('/api/v1/session', {
        username: 'dora',
        password: `guess number ${i}`,
      });
      codes.push(errorOf(res).code);
    }
    expect(codes).toEqual([
      ...Array(ACCOUNT_RULE.free + 1).fill('LOGIN_FAILED'),
      'LOGIN_THROTTLED',
    ]);
    // Even the right password waits out the delay: the delay is per account.
    const blocked = await world
      .client()
      .post('/api/v1/session', { username: 'dora', password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).message).toMatch(/wait 1 seconds/);
    world.clock.advance(1_000);
    const dora = world.client();
    const session = await dora.login('dora', PASSWORD);
    expect(session).toMatchObject({
      notices: [{ kind: 'failed-logins', data: { count: ACCOUNT_RULE.free + 1 }, seenAt: null }],
    });
    // An unknown username is answered exactly like a wrong password.
    const unknown = await world
      .client()
      .post('/api/v1/session', { username: 'nobody', password: PASSWORD });
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(unknown).code).toBe('LOGIN_FAILED');
    const seen = await dora.post('/api/v1/account/notices/seen');
    expect(seen.statusCode).toBe(204);
    expect(((await dora.get('/api/v1/session')).json() as { notices: unknown[] }).notices).toEqual(
      [],
    );
    const all = (await dora.get('/api/v1/account/notices')).json() as {
      notices: { seenAt: number }[];
    };
    expect(all.notices).toHaveLength(1);
    expect(all.notices[0]?.seenAt).toBe(world.clock.now);
  });
});

async function annClient() {
  const client = world.client();
  await client.login('ann', PASSWORD);
  return client;
}
