import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DAY } from '../../src/democracy/index.js';
import { buildApp } from '../../src/server/build-app.js';
import {
  DEFAULT_SECURITY,
  type SecurityConfig,
} from '../../src/server/security/security-config.js';
import { createSovietService, type SovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export { DAY };

/** The origin `app.inject` requests come from (its default Host is localhost:80). */
export const ORIGIN = 'http://localhost';

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }
}

/** Security for tests: no rate limits unless asked, no web app. */
export const TEST_SECURITY: SecurityConfig = {
  ...DEFAULT_SECURITY,
  rateLimits: false,
  webRoot: null,
};

export interface ApiWorld {
  readonly app: FastifyInstance;
  readonly store: DemocracyStore;
  readonly service: SovietService;
  readonly clock: FakeClock;
  readonly handle: TestStore<unknown, unknown, unknown>;
  /** A client with its own cookie jar (a browser). */
  client(): ApiClient;
  dispose(): Promise<void>;
}

/**
 * The API over a fresh democracy store on the backend the environment selects (PGlite,
 * or PostgreSQL with DATABASE_URL), with a fake clock.
 */
export async function openApiWorld(
  options: { security?: Partial<SecurityConfig>; logger?: unknown } = {},
): Promise<ApiWorld> {
  const handle = await openTestStore({ domain: democracyDomain, migrations });
  const store = handle.store as DemocracyStore;
  const clock = new FakeClock();
  const service = createSovietService({ store, clock: clock.read });
  const app = await buildApp({
    store,
    clock: clock.read,
    service,
    security: { ...TEST_SECURITY, ...options.security },
    ...(options.logger ? { logger: options.logger as never } : {}),
  });
  await app.ready();
  return {
    app,
    store,
    service,
    clock,
    handle: handle as unknown as TestStore<unknown, unknown, unknown>,
    client: () => new ApiClient(app),
    async dispose() {
      await app.close();
      await handle.dispose();
    },
  };
}

export interface CallOptions {
  readonly body?: unknown;
  /** Raw payload instead of JSON (with its own content type). */
  readonly payload?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Leave out the Origin header. */
  readonly noOrigin?: boolean;
  /** Leave out (or override) the CSRF header. */
  readonly csrf?: string | null;
}

/**
 * A browser-like client of the app: it keeps the cookies the server sets, sends this
 * site's Origin, and echoes the CSRF cookie in `x-csrf-token` on state-changing
 * requests, as the web client does (src/web/api/client.ts).
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  get csrf(): string | undefined {
    return this.cookies.get('soviet_csrf');
  }

  async call(method: string, url: string, options: CallOptions = {}) {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && options.csrf === undefined && !this.csrf)
      await this.call('GET', '/api/v1/session');
    const headers: Record<string, string> = { ...options.headers };
    if (!options.noOrigin && unsafe && headers.origin === undefined) headers.origin = ORIGIN;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (unsafe && csrf !== null && csrf !== undefined) headers['x-csrf-token'] = csrf;
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined;
    if (options.payload !== undefined) {
      payload = options.payload;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    this.absorb(res);
    return res;
  }

  get(url: string, options?: CallOptions) {
    return this.call('GET', url, options);
  }
  post(url: string, body?: unknown, options?: CallOptions) {
    return this.call('POST', url, { ...options, ...(body === undefined ? {} : { body }) });
  }
  put(url: string, body?: unknown, options?: CallOptions) {
    return this.call('PUT', url, { ...options, ...(body === undefined ? {} : { body }) });
  }
  delete(url: string, options?: CallOptions) {
    return this.call('DELETE', url, options);
  }

  /** Logs in (or throws with the answer). */
  async login(username: string, password: string) {
    const res = await this.post('/api/v1/session', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${res.statusCode}: ${res.body}`);
    return res.json() as { csrfToken: string; memberships: { org: string; memberId: string }[] };
  }

  private absorb(res: LightMyRequestResponse): void {
    for (const c of res.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= 0);
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** The error body of an answer. */
export function errorOf(res: LightMyRequestResponse): {
  code: string;
  message: string;
  requestId: string;
} {
  return (res.json() as { error: { code: string; message: string; requestId: string } }).error;
}

export const PASSWORD = 'a fairly long passphrase of words';

/** Founds an organisation through the API with a new account; returns the client logged in as the founder. */
export async function foundThroughApi(
  world: ApiWorld,
  input: {
    slug: string;
    username: string;
    founderName?: string;
    councils?: unknown;
    founderCouncil?: string;
  },
) {
  const client = world.client();
  const res = await client.post('/api/v1/orgs', {
    name: `Org ${input.slug}`,
    slug: input.slug,
    founderName: input.founderName ?? 'Ann',
    founderCouncil: input.founderCouncil ?? 'Docks',
    councils: input.councils ?? {
      name: 'Congress',
      children: [{ name: 'Docks' }, { name: 'Mills' }],
    },
    account: { username: input.username, password: PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`founding ${res.statusCode}: ${res.body}`);
  const body = res.json() as { memberId: string };
  return { client, memberId: body.memberId };
}

/** `inviter` invites and a new person joins with a new account; returns their client and member id. */
export async function joinThroughApi(
  world: ApiWorld,
  org: string,
  inviter: ApiClient,
  username: string,
  name: string,
) {
  const invited = await inviter.post(`/api/v1/orgs/${org}/invitations`, {});
  if (invited.statusCode !== 201) throw new Error(`invite ${invited.statusCode}: ${invited.body}`);
  const token = (invited.json() as { invitation: { token: string } }).invitation.token;
  const client = world.client();
  const res = await client.post(`/api/v1/orgs/${org}/invitations/accept`, {
    token,
    name,
    account: { username, password: PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`accept ${res.statusCode}: ${res.body}`);
  return { client, memberId: (res.json() as { memberId: string }).memberId };
}
