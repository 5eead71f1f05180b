import { describe, expect, it } from 'vitest';
import { SovietError } from '../../src/errors/soviet-error.js';
import { ApiError } from '../../src/web/api/api-error.js';
import { ApiClient, readCookie } from '../../src/web/api/client.js';
import { errorText, type MessageSource } from '../../src/web/api/error-text.js';
import { de } from '../../src/web/i18n/locales/de.js';
import { en } from '../../src/web/i18n/locales/en.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that records each request and answers from a function. */
function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const request: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    };
    seen.push(request);
    return answer(request);
  }) as typeof fetch;
  return { fetcher, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client', () => {
  it('gets JSON under /api/v1 with the session cookie, and posts JSON with the CSRF token', async () => {
    const { fetcher, seen } = fakeFetch(() => json(200, { ok: true }));
    const client = new ApiClient({
      fetch: fetcher,
      cookies: () => 'other=1; soviet_csrf=tok%2Ben; x=2',
    });
    expect(await client.get('/orgs/acme')).toEqual({ ok: true });
    await client.post('/orgs/acme/motions', { title: 'Strike' });
    expect(seen[0]).toMatchObject({ url: '/api/v1/orgs/acme', method: 'GET' });
    expect(seen[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(seen[1]).toMatchObject({
      url: '/api/v1/orgs/acme/motions',
      method: 'POST',
      body: '{"title":"Strike"}',
    });
    expect(seen[1]?.headers['x-csrf-token']).toBe('tok+en');
    expect(seen[1]?.headers['content-type']).toBe('application/json');
  });

  it('sends a fresh Idempotency-Key with each state-changing request, and retries a lost one with the same key', async () => {
    let failNext = true;
    const { fetcher, seen } = fakeFetch((r) => {
      if (r.method === 'POST' && failNext) {
        failNext = false;
        throw new TypeError('Failed to fetch');
      }
      return json(201, { ok: true });
    });
    const client = new ApiClient({ fetch: fetcher, cookies: () => 'soviet_csrf=t' });
    expect(await client.post('/orgs/acme/motions', { title: 'Strike' })).toEqual({ ok: true });
    await client.post('/orgs/acme/motions', { title: 'Strike' });
    await client.get('/orgs/acme');
    const keys = seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^"[0-9a-f-]{36}"$/);
    // The lost request was sent again with its key; the next request has a new one.
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).toBeUndefined();
  });

  it('sends a key with founding, accepting an invitation and the account routes too, resending a lost founding with its key', async () => {
    let lost = true;
    const { fetcher, seen } = fakeFetch((r) => {
      if (r.url === '/api/v1/orgs' && lost) {
        lost = false;
        throw new TypeError('Failed to fetch');
      }
      return r.method === 'DELETE' ? new Response(null, { status: 204 }) : json(201, {});
    });
    const client = new ApiClient({ fetch: fetcher, cookies: () => 'soviet_csrf=t' });
    await client.post('/orgs', { slug: 'acme', account: { username: 'ann', password: 'p' } });
    await client.post('/orgs/acme/invitations/accept', { token: 't', name: 'Bob' });
    await client.put('/orgs/acme/me/name-visibility', { public: true });
    await client.post('/account/notices/seen');
    await client.post('/session', { username: 'ann', password: 'p' });
    await client.delete('/session');
    const keys = seen.map((r) => r.headers['idempotency-key']);
    for (const key of keys) expect(key).toMatch(/^"[0-9a-f-]{36}"$/);
    // The lost founding was resent with its own key (the server answers it once).
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(keys.length - 1);
  });

  it('can take the CSRF token from an endpoint, once', async () => {
    const { fetcher, seen } = fakeFetch((r) =>
      r.url.endsWith('/session/csrf') ? json(200, { token: 'abc' }) : json(200, {}),
    );
    const client = new ApiClient({
      fetch: fetcher,
      csrf: { kind: 'endpoint', path: '/session/csrf', field: 'token', header: 'x-token' },
    });
    await client.post('/a', {});
    await client.delete('/b');
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/session/csrf', '/api/v1/a', '/api/v1/b']);
    expect(seen[1]?.headers['x-token']).toBe('abc');
    expect(seen[2]?.headers['x-token']).toBe('abc');
  });

  it('turns the server error body into an ApiError with its code, sentence and request id', async () => {
    const { fetcher } = fakeFetch(() =>
      json(404, {
        error: {
          code: 'ORG_NOT_FOUND',
          message: 'There is no organisation called "zzz".',
          requestId: 'r-1',
        },
      }),
    );
    const error = await new ApiClient({ fetch: fetcher })
      .get<never>('/orgs/zzz')
      .catch((e: unknown) => e as ApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'ORG_NOT_FOUND', requestId: 'r-1' });
    expect(error.message).toBe('There is no organisation called "zzz".');
  });

  it('reports an unreachable server as NETWORK and a foreign answer as BAD_RESPONSE', async () => {
    const down = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(new ApiClient({ fetch: down.fetcher }).get('/x')).rejects.toMatchObject({
      code: 'NETWORK',
    });
    const proxy = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(new ApiClient({ fetch: proxy.fetcher }).get('/x')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 502,
    });
    const notJson = fakeFetch(() => new Response('hello', { status: 200 }));
    await expect(new ApiClient({ fetch: notJson.fetcher }).get('/x')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it("reads the server's own session answer by default", async () => {
    const { fetcher, seen } = fakeFetch((r) =>
      r.url.endsWith('/session') ? json(200, { account: null, csrfToken: 'xyz' }) : json(201, {}),
    );
    const client = new ApiClient({ fetch: fetcher, csrf: { kind: 'endpoint', path: '/session' } });
    await client.post('/orgs', { slug: 'acme' });
    expect(seen[1]?.headers['x-csrf-token']).toBe('xyz');
  });

  it('reads text and bytes resources', async () => {
    const { fetcher } = fakeFetch((r) =>
      r.url.endsWith('checkpoint')
        ? new Response('origin\n1\nAAAA\n')
        : new Response(Uint8Array.of(0, 2, 65, 66)),
    );
    const client = new ApiClient({ fetch: fetcher });
    expect(await client.text('/orgs/a/log/checkpoint')).toBe('origin\n1\nAAAA\n');
    expect([...(await client.bytes('/orgs/a/log/tile/entries/000.p/1'))]).toEqual([0, 2, 65, 66]);
  });

  it('reads cookies', () => {
    expect(readCookie('a=1; b=two', 'b')).toBe('two');
    expect(readCookie('a=1', 'b')).toBeUndefined();
  });
});

/** A message source over one locale's resources, filling `{placeholders}` like i18next. */
function source(resources: Record<string, unknown>): MessageSource {
  const raw = (key: string) => {
    let node: unknown = resources;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string' ? node : undefined;
  };
  return {
    raw,
    format: (key, params) =>
      (raw(key) ?? key).replace(/\{(\w+)\}/g, (w, name: string) =>
        name in params ? String(params[name]) : w,
      ),
  };
}

describe('error sentences', () => {
  it('translates a catalogue code when its placeholders have values', () => {
    const error = new SovietError('BLT_BAD_BALLOT', 'Line {line} …: {reason}.', {
      line: 12,
      reason: 'the weight is missing',
    });
    expect(errorText(error, source(de)).message).toBe(
      'Zeile 12 der Stimmzetteldatei ist kein gültiger Stimmzettel: the weight is missing.',
    );
  });

  it("falls back to the server's sentence when the values are missing or the code is unknown", () => {
    const missing = new ApiError(404, 'ORG_NOT_FOUND', 'There is no organisation called "x".', 'r');
    expect(errorText(missing, source(de)).message).toBe('There is no organisation called "x".');
    const unknown = new ApiError(409, 'MOTION_ALREADY_SECONDED', 'Already seconded.', 'r');
    expect(errorText(unknown, source(de))).toEqual({
      code: 'MOTION_ALREADY_SECONDED',
      message: 'Already seconded.',
      requestId: 'r',
    });
  });

  it('translates a sentence that needs only the request id', () => {
    const bug = new ApiError(500, 'INTERNAL', 'Something went wrong… r-9.', 'r-9');
    expect(errorText(bug, source(de)).message).toBe(
      'Auf dem Server ist etwas schiefgegangen. Es wurde mit der Anfrage-ID r-9 protokolliert.',
    );
  });

  it('never shows a raw error', () => {
    expect(errorText(new TypeError('x is undefined'), source(en)).message).toBe(
      en.problems.unexpected,
    );
    expect(errorText('a string', source(en)).message).toBe(en.problems.unexpected);
    const down = new ApiError(0, 'NETWORK', 'Failed to fetch', undefined);
    expect(errorText(down, source(en)).message).toBe(en.problems.network);
  });
});
