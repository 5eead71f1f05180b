import { describe, expect, it } from 'vitest';
import { hrefOf, parseLocation } from '../../src/web/router/route.js';

describe('routes', () => {
  it('parse paths and queries, tolerating a trailing slash', () => {
    expect(parseLocation('/').path).toBe('/');
    expect(parseLocation('').path).toBe('/');
    expect(parseLocation('/count/').path).toBe('/count');
    const route = parseLocation('/record', '?org=acme&vkey=a%2Bb');
    expect(route.path).toBe('/record');
    expect(route.query.get('org')).toBe('acme');
    expect(route.query.get('vkey')).toBe('a+b');
  });

  it('build links that parse back to the same route', () => {
    const href = hrefOf('/record', { org: 'acme', vkey: 'soviet.localhost/acme+1234abcd+AQ==' });
    const q = href.indexOf('?');
    const route = parseLocation(href.slice(0, q), href.slice(q));
    expect(route.path).toBe('/record');
    expect(route.query.get('vkey')).toBe('soviet.localhost/acme+1234abcd+AQ==');
    expect(hrefOf('/')).toBe('/');
  });
});
