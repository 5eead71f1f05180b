import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/errors/catalogue.js';
import { formatMessage } from '../../src/errors/define-errors.js';
import { type ApiWorld, openApiWorld } from './api-world.js';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(async () => {
  await world.dispose();
});

describe('error answers carry the values of their sentence', () => {
  it('gives the placeholders, so a client can say the sentence in the member’s language', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/api/v1/orgs/no-such-union' });
    expect(res.statusCode).toBe(404);
    const { error } = res.json() as {
      error: { code: string; message: string; params?: Record<string, unknown> };
    };
    expect(error.code).toBe('ORG_NOT_FOUND');
    expect(error.params).toEqual({ org: 'no-such-union' });
    // The sentence and the values agree: the template filled with them is the message.
    expect(formatMessage(catalogue.ORG_NOT_FOUND?.message ?? '', error.params)).toBe(error.message);
  });

  it('leaves params out when the sentence has no placeholder', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/api/v1/no/such/route' });
    expect(res.statusCode).toBe(404);
    const { error } = res.json() as { error: Record<string, unknown> };
    expect(error.code).toBe('NOT_FOUND');
    expect(error).not.toHaveProperty('params');
  });
});
