/**
 * Routes are plain paths (`/record?org=acme`): the server answers every path outside
 * `/api/` with the app's index.html (src/server/static-web.ts), and the app picks the
 * page from the path, so links can be shared and bookmarked.
 */
export interface Route {
  /** The path, always starting with `/`, without a trailing slash (`/` for the root). */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** The route of a location's path and query string. */
export function parseLocation(pathname: string, search = ''): Route {
  const trimmed = pathname.replace(/\/+$/, '');
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return {
    path: path === '' ? '/' : path,
    query: new URLSearchParams(search.startsWith('?') ? search.slice(1) : search),
  };
}

/** The `href` of a route: `hrefOf('/record', { org: 'acme' })` → `/record?org=acme`. */
export function hrefOf(path: string, query: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${path}${search ? `?${search}` : ''}`;
}
