import type { FastifyInstance } from 'fastify';
import type { Access } from './security/access.js';

/** One route as the route table lists it. */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  /** Hidden from the OpenAPI document (the web app's files, the document itself). */
  readonly hidden: boolean;
}

const NO_QUERY = { type: 'object', properties: {}, additionalProperties: false } as const;

/** swagger-ui's own pages and assets: public, and not part of the API it documents. */
const DOCS = '/api/docs';

/**
 * Records every route as it is added, and refuses to start when an API route does not
 * declare who may call it (`config.access`, security/access.ts): a route nobody thought
 * about is a route anybody can call. The authorisation matrix test and the
 * documentation test iterate this table, so a new route without an entry fails them.
 */
export function trackRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: Access };
    if (route.url === DOCS || route.url.startsWith(`${DOCS}/`)) {
      route.config = { ...config, access: 'public' };
      config.access = 'public';
    }
    if (route.url.startsWith('/api/') && config.access === undefined)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    // No unknown query parameters either: a route without a query schema takes none.
    if (route.url.startsWith('/api/v1/') && route.schema?.querystring === undefined)
      route.schema = { ...route.schema, querystring: NO_QUERY };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        access: config.access ?? 'public',
        hidden:
          Boolean((route.schema as { hide?: boolean } | undefined)?.hide) ||
          route.url.startsWith(DOCS),
      });
    }
  });
}
