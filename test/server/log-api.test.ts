import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  fromBase64,
  nodeTreeHasher,
  parseCheckpoint,
  parseNote,
  verifyConsistency,
  verifyInclusion,
} from '../../src/record/index.js';
import { buildApp } from '../../src/server/build-app.js';
import type { CounterCommand, CounterEvent, CounterState } from '../support/counter-domain.js';
import { type CounterStore, openTestStore, type TestStore } from '../support/test-store.js';

const T0 = Date.UTC(2026, 6, 1);
const NOW = T0 + 42_000;
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;
let store: CounterStore;
let app: FastifyInstance;
const base = '/api/v1/orgs/acme/log';

beforeAll(async () => {
  handle = await openTestStore();
  store = handle.store;
  app = await buildApp({ store, clock: () => NOW });
  await store.createOrganisation('acme', T0);
  // 300 entries: one full level-0 tile and a partial one.
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      store.execute('acme', { kind: 'burst', counter: 'x', count: 10 }, { now: T0 + i }),
    ),
  );
});
afterAll(async () => {
  await app.close();
  await handle.dispose();
});

function errorOf(body: string) {
  return (JSON.parse(body) as { error: { code: string; message: string; requestId: string } })
    .error;
}

describe('GET /api/v1/health', () => {
  it('reports the backend and the server time', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      backend: handle.target.backend,
      time: new Date(NOW).toISOString(),
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the tlog-tiles read API', () => {
  it('serves the checkpoint as text with a short cache lifetime', async () => {
    const res = await app.inject({ method: 'GET', url: `${base}/checkpoint` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=2, must-revalidate');
    expect(res.body).toBe((await store.head('acme')).checkpoint);
    expect(parseCheckpoint(parseNote(res.body).text)).toMatchObject({
      origin: 'soviet.localhost/acme',
      size: 300,
    });
  });

  it('serves full tiles as immutable and partial tiles briefly', async () => {
    const full = await app.inject({ method: 'GET', url: `${base}/tile/0/000` });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('application/octet-stream');
    expect(full.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(full.rawPayload.length).toBe(256 * 32);
    const partial = await app.inject({ method: 'GET', url: `${base}/tile/0/001.p/44` });
    expect(partial.statusCode).toBe(200);
    expect(partial.headers['cache-control']).toBe('public, max-age=60');
    expect(partial.rawPayload.length).toBe(44 * 32);
    const bundle = await app.inject({ method: 'GET', url: `${base}/tile/entries/000` });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // 256 entries, each a 2-byte length then that many bytes.
    let p = 0;
    let n = 0;
    const bytes = bundle.rawPayload;
    while (p < bytes.length) {
      p += 2 + bytes.readUInt16BE(p);
      n += 1;
    }
    expect([p, n]).toEqual([bytes.length, 256]);
  });

  it('answers 404 with a catalogued error for tiles the log does not have', async () => {
    for (const url of [
      `${base}/tile/0/001`,
      `${base}/tile/0/001.p/45`,
      `${base}/tile/1/000`,
      `${base}/tile/0/1`,
      `${base}/tile/entries/000.p/256`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      const error = errorOf(res.body);
      expect(error.code).toBe('LOG_BAD_TILE');
      expect(error.requestId).toBe(res.headers['x-request-id']);
    }
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/orgs/nobody/log/checkpoint' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown.body)).toMatchObject({
      code: 'ORG_NOT_FOUND',
      message: 'There is no organisation called "nobody".',
    });
    const nowhere = await app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(nowhere.statusCode).toBe(404);
    expect(errorOf(nowhere.body).code).toBe('NOT_FOUND');
  });
});

describe('proof endpoints', () => {
  it('gives inclusion and consistency proofs that verify against the signed roots', async () => {
    const org = await store.organisation('acme');
    const rows = await store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    const checkpoints = await store.db
      .selectFrom('log_checkpoints')
      .select(['size', 'checkpoint'])
      .where('org_id', '=', org.id)
      .where('size', '>', 0)
      .orderBy('size')
      .execute();
    const head = parseCheckpoint(parseNote((await store.head('acme')).checkpoint).text);
    for (const c of checkpoints) {
      const cp = parseCheckpoint(parseNote(c.checkpoint).text);
      const index = cp.size - 1;
      const res = await app.inject({
        method: 'GET',
        url: `${base}/proof/inclusion?index=${index}&size=${cp.size}`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { index: number; size: number; proof: string[] };
      expect(body).toMatchObject({ index, size: cp.size });
      const proof = body.proof.map((h) => fromBase64(h) as Uint8Array);
      const leaf = nodeTreeHasher.hashLeaf(rows[index]?.entry ?? new Uint8Array());
      expect(verifyInclusion(index, cp.size, leaf, proof, cp.rootHash, nodeTreeHasher)).toEqual({
        ok: true,
      });

      const cons = await app.inject({
        method: 'GET',
        url: `${base}/proof/consistency?from=${cp.size}&to=${head.size}`,
      });
      expect(cons.statusCode).toBe(200);
      const consProof = (cons.json() as { proof: string[] }).proof.map(
        (h) => fromBase64(h) as Uint8Array,
      );
      expect(
        verifyConsistency(
          cp.size,
          head.size,
          cp.rootHash,
          head.rootHash,
          consProof,
          nodeTreeHasher,
        ),
      ).toEqual({
        ok: true,
      });
    }
  });

  it('refuses malformed or impossible proof requests with 400 and no coercion', async () => {
    const cases: [string, string][] = [
      ['proof/inclusion?index=abc&size=3', 'BAD_REQUEST'],
      ['proof/inclusion?index=01&size=3', 'BAD_REQUEST'],
      ['proof/inclusion?index=1', 'BAD_REQUEST'],
      ['proof/inclusion?index=1&size=3&extra=1', 'BAD_REQUEST'],
      ['proof/inclusion?index=5&size=5', 'LOG_BAD_PROOF_REQUEST'],
      ['proof/inclusion?index=0&size=301', 'LOG_BAD_PROOF_REQUEST'],
      ['proof/consistency?from=0&to=5', 'LOG_BAD_PROOF_REQUEST'],
      ['proof/consistency?from=-1&to=5', 'BAD_REQUEST'],
    ];
    for (const [path, code] of cases) {
      const res = await app.inject({ method: 'GET', url: `${base}/${path}` });
      expect(res.statusCode, path).toBe(400);
      const error = errorOf(res.body);
      expect(error.code, path).toBe(code);
      expect(error.message).not.toMatch(/\n\s+at /);
    }
    const both = errorOf(
      (await app.inject({ method: 'GET', url: `${base}/proof/inclusion?index=x&size=y` })).body,
    );
    // allErrors: every problem is reported, not only the first.
    expect(both.message).toContain('index');
    expect(both.message).toContain('size');
  });
});

describe('errors', () => {
  it('answers an unexpected failure with 500 INTERNAL and the request id, never a stack', async () => {
    const broken = Object.create(store) as CounterStore;
    broken.head = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    const logged: unknown[] = [];
    const brokenApp = await buildApp({
      store: broken,
      clock: () => NOW,
      logger: {
        level: 'error',
        stream: { write: (line: string) => logged.push(JSON.parse(line)) },
      },
    } as Parameters<typeof buildApp>[0]);
    try {
      const res = await brokenApp.inject({ method: 'GET', url: `${base}/checkpoint` });
      expect(res.statusCode).toBe(500);
      const error = errorOf(res.body);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toBe(
        `Something went wrong on the server. It has been logged with request id ${error.requestId}.`,
      );
      expect(res.body).not.toContain('disk on fire');
      expect(res.body).not.toContain('/secret/path');
      expect(logged).toContainEqual(expect.objectContaining({ requestId: error.requestId }));
    } finally {
      await brokenApp.close();
    }
  });
});

describe('soviet verify against the running server', () => {
  it('verifies the log over HTTP, then names the entry that was altered in the database', async () => {
    const server = await buildApp({ store, clock: Date.now });
    const dir = mkdtempSync(join(tmpdir(), 'soviet-verify-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const { origin } = await store.organisation('acme');
      const key = await store.verifierKey('acme');
      const args = [
        'verify',
        `${address}${base}`,
        '--origin',
        origin,
        '--key',
        key,
        '--state-file',
        join(dir, 'state.json'),
      ];
      expect(await main(args)).toBe(0);
      expect(stdout.mock.calls.map((c) => String(c[0])).join('')).toContain('verified');

      const org = await store.organisation('acme');
      await sql`update log_entries set entry = overlay(entry placing '\\x7a'::bytea from 30 for 1) where org_id = ${org.id} and seq = 257`.execute(
        store.db,
      );
      stderr.mockClear();
      expect(await main(args)).toBe(1);
      const said = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(said).toMatch(/VERIFY_ENTRY_MISMATCH: Entry 257 \(in tile\/entries\/001\.p\/44\)/);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
