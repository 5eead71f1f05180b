/**
 * Matches a path against a pattern with `:name` segments
 * (`/orgs/:org/councils/:id` against `/orgs/acme/councils/c2` → `{ org: 'acme', id: 'c2' }`),
 * or undefined when it does not match. Segments are decoded; a segment that is not valid
 * percent-encoding does not match.
 */
export function matchPath(
  pattern: string,
  path: string,
): Readonly<Record<string, string>> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return undefined;
      }
    } else if (w !== h) return undefined;
  }
  return params;
}

/** The path of an organisation's page, or of a page under it (`orgPath('acme', 'councils', 'c2')`). */
export function orgPath(org: string, ...rest: string[]): string {
  return ['/orgs', org, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}
