import { describe, expect, it } from 'vitest';
import { matchPath, orgPath } from '../../src/web/router/match.js';

describe('matchPath', () => {
  it('reads named segments, decoded', () => {
    expect(matchPath('/orgs/:org/councils/:id', '/orgs/dock%20ers/councils/c2')).toEqual({
      org: 'dock ers',
      id: 'c2',
    });
    expect(matchPath('/orgs/:org', '/orgs/acme')).toEqual({ org: 'acme' });
    expect(matchPath('/', '/')).toEqual({});
  });

  it('refuses other lengths, other literals and broken percent-encoding', () => {
    expect(matchPath('/orgs/:org', '/orgs/acme/record')).toBeUndefined();
    expect(matchPath('/orgs/:org/motions/:id', '/orgs/acme/councils/c2')).toBeUndefined();
    expect(matchPath('/orgs/:org', '/orgs/%E0%A4%A')).toBeUndefined();
  });

  it('round-trips with orgPath, whatever the segments hold', () => {
    for (const [org, id] of [
      ['acme', 'mo7'],
      ['a/b', 'x?y'],
      ['ünïcode', '#1'],
    ] as const) {
      expect(matchPath('/orgs/:org/motions/:id', orgPath(org, 'motions', id))).toEqual({ org, id });
    }
  });
});
