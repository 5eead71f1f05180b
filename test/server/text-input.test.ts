import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  type ApiWorld,
  errorOf,
  foundThroughApi,
  openApiWorld,
} from './api-world.js';

/**
 * Text the database cannot hold, at the edge (issue 14): U+0000, lone surrogates and
 * invalid UTF-8 are refused with a catalogued 400, and a body in any charset but UTF-8
 * with a 415, before any command runs; nothing is written.
 */
let world: ApiWorld;
let ann: ApiClient;
let motionsUrl: string;

beforeAll(async () => {
  world = await openApiWorld();
  ({ client: ann } = await foundThroughApi(world, { slug: 'guild', username: 'ann' }));
  const org = (await ann.get('/api/v1/orgs/guild')).json() as {
    tree: { children: { id: string; name: string }[] };
  };
  const docks = org.tree.children.find((c) => c.name === 'Docks')?.id as string;
  motionsUrl = `/api/v1/orgs/guild/councils/${docks}/motions`;
}, 120_000);
afterAll(async () => world?.dispose());

const motion = (text: string) =>
  JSON.stringify({ title: 'A motion', text, body: { kind: 'ordinary' } });

async function logSize(): Promise<number> {
  return (await world.store.head('guild')).size;
}

async function refused(payload: string | Buffer, contentType: string, status: number) {
  const before = await logSize();
  const res = await ann.post(motionsUrl, undefined, { payload, contentType });
  expect(res.statusCode, res.body).toBe(status);
  expect(await logSize()).toBe(before);
  return errorOf(res).code;
}

describe('text the database cannot hold', () => {
  it('refuses U+0000 in any string with TEXT_NOT_STORABLE', async () => {
    expect(await refused(motion('before\u0000after'), 'application/json', 400)).toBe(
      'TEXT_NOT_STORABLE',
    );
  });

  it('refuses a lone surrogate, escaped or not', async () => {
    expect(await refused(motion('half \ud800 a pair'), 'application/json', 400)).toBe(
      'TEXT_NOT_STORABLE',
    );
    const escaped = '{"title":"A motion","text":"\\udc00","body":{"kind":"ordinary"}}';
    expect(await refused(escaped, 'application/json', 400)).toBe('TEXT_NOT_STORABLE');
  });

  it('refuses U+0000 in a field name', async () => {
    const key = '{"title":"A motion","text":"t","body":{"kind":"ordinary"},"\\u0000":1}';
    expect(await refused(key, 'application/json', 400)).toBe('TEXT_NOT_STORABLE');
  });

  it('refuses invalid UTF-8 instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"title":"A motion","text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('","body":{"kind":"ordinary"}}'),
    ]);
    expect(await refused(bytes, 'application/json', 400)).toBe('TEXT_NOT_STORABLE');
  });
});

describe('the charset of a body', () => {
  it('refuses a body declared in another charset with UNSUPPORTED_CHARSET', async () => {
    const utf16 = Buffer.from(motion('hello'), 'utf16le');
    expect(await refused(utf16, 'application/json; charset=utf-16', 415)).toBe(
      'UNSUPPORTED_CHARSET',
    );
    expect(
      await refused(Buffer.from(motion('café'), 'latin1'), 'application/json;charset=latin1', 415),
    ).toBe('UNSUPPORTED_CHARSET');
  });

  it('accepts UTF-8, declared or not, and keeps the text exactly', async () => {
    for (const contentType of ['application/json', 'application/json; charset=UTF-8']) {
      const res = await ann.post(motionsUrl, undefined, {
        payload: motion('café 👩‍🔧 ok'),
        contentType,
      });
      expect(res.statusCode, res.body).toBe(201);
      const { motionId } = res.json() as { motionId: string };
      const page = (await ann.get(`/api/v1/orgs/guild/motions/${motionId}`)).json() as {
        text: string;
      };
      expect(page.text).toBe('café 👩‍🔧 ok');
    }
  });
});
