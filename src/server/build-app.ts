import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Accounts } from '../accounts/accounts.js';
import { liveGrantOf } from '../democracy/index.js';
import { createSovietService, type SovietService } from '../service/index.js';
import type { DemocracyStore } from '../store/democracy-domain.js';
import type { Store } from '../store/store.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { IdempotencyKeys } from './idempotency.js';
import { installJsonBodyParser } from './json-body.js';
import { privateLogger } from './log-privacy.js';
import { registerApiDocs, registerOpenApi } from './openapi.js';
import { type RouteEntry, trackRoutes } from './route-table.js';
import { accountRoutes } from './routes/account-routes.js';
import { democracyRoutes } from './routes/democracy-routes.js';
import { healthRoutes } from './routes/health.js';
import { logRoutes } from './routes/log.js';
import { addSharedSchemas } from './schemas/shared-schemas.js';
import { installGuards } from './security/guards.js';
import { registerHelmet } from './security/helmet.js';
import { registerRateLimits } from './security/rate-limits.js';
import { type SecurityConfig, securityConfigFromEnv } from './security/security-config.js';
import { registerWebApp } from './static-web.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** The largest request body by default (a command is far smaller; founding allows more). */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/** The part of the store that the record's routes read: it does not depend on the domain. */
export type RecordStore = Pick<
  Store<unknown, unknown, unknown>,
  'db' | 'backend' | 'location' | 'head' | 'tile' | 'inclusionProof' | 'consistencyProof'
>;

/** What the record's route modules are given. */
export interface RecordDeps {
  readonly store: RecordStore;
  readonly clock: () => number;
}

/** What the app is built from: the store, a clock (Unix ms), and optionally a logger. */
export interface AppDeps<S = unknown, C = unknown, E = unknown, X extends object = object> {
  readonly store: Store<S, C, E, X>;
  readonly clock: () => number;
  /** Fastify's logger option: false (default) for tests, true or pino options for `serve`. */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * The democracy application layer. Default: created over the store when it runs the
   * democracy domain; a store running another domain serves the record and accounts only.
   */
  readonly service?: SovietService;
  /** Security settings; default: from the environment (security-config.ts). */
  readonly security?: Partial<SecurityConfig>;
  /** Random bytes for tokens (default node:crypto); tests inject. */
  readonly random?: (size: number) => Uint8Array;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, in registration order (route-table.ts). */
    readonly routeTable: readonly RouteEntry[];
    /** The Idempotency-Key store of command routes (idempotency.ts). */
    readonly idempotency: IdempotencyKeys;
  }
}

/**
 * Builds the HTTP app: the one function the server, the CLI and the tests use (tests
 * call `app.inject`, STYLE.md 13). It does not listen. One route module per area under
 * routes/; one error handler (error-handler.ts).
 *
 * Validation is strict (Ajv): no type coercion (query numbers are strings with a
 * pattern), no removal of unknown properties (they are refused), every error reported;
 * every body is limited (16 KiB unless a route says more).
 *
 * Security (docs/architecture.md, "The HTTP API, accounts and security"): Helmet's
 * headers and CSP, rate limits, and the guards every request passes before its body is
 * read: its session, CSRF on state-changing requests, and the access its route declares
 * (a route under /api/ without one is refused at start). Accounts and sessions live in
 * the store's database (src/accounts). With a democracy store (or `service`), the
 * democracy's commands and views are served under /api/v1/orgs/:org/; the OpenAPI
 * document at /api/openapi.json and /api/docs; the built web app at / when it exists.
 */
export async function buildApp<S, C, E, X extends object>(
  deps: AppDeps<S, C, E, X>,
): Promise<FastifyInstance> {
  const security: SecurityConfig = { ...securityConfigFromEnv(), ...deps.security };
  const app = Fastify({
    logger: privateLogger(deps.logger),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Fastify accepts a hop count at run time (its typings omit it).
    trustProxy: security.trustProxy as FastifyServerOptions['trustProxy'],
    bodyLimit: DEFAULT_BODY_LIMIT,
    frameworkErrors,
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        allErrors: true,
        discriminator: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Answers are plain views built for the public (src/service/views; test/server/
  // schema-types.test.ts keeps them equal to the response schemas, which document them):
  // JSON.stringify serialises them without fast-json-stringify's run-time Ajv checks of
  // every nullable branch, which cost more than the answer.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);
  installJsonBodyParser(app);
  app.decorate('idempotency', new IdempotencyKeys(deps.store.db, deps.clock));
  trackRoutes(app);

  const accounts = new Accounts({
    db: deps.store.db,
    clock: deps.clock,
    policy: security.session,
    ...(deps.random ? { random: deps.random } : {}),
  });
  const service =
    deps.service ??
    (deps.store.domain.name === 'democracy'
      ? createSovietService({
          store: deps.store as unknown as DemocracyStore,
          clock: deps.clock,
          ...(deps.random ? { random: deps.random } : {}),
        })
      : undefined);

  // Concurrent reads of one organisation's state share one catch-up (a head query):
  // under load, the guards of the requests in flight ask once, not each.
  const inflight = new Map<string, ReturnType<SovietService['state']>>();
  const sharedState = (org: string) => {
    let state = inflight.get(org);
    if (!state && service) {
      state = service.state(org).finally(() => inflight.delete(org));
      inflight.set(org, state);
    }
    return state as ReturnType<SovietService['state']>;
  };

  await app.register(cookie);
  await registerHelmet(app);
  await registerRateLimits(app);
  await registerOpenApi(app, VERSION);
  addSharedSchemas(app);
  installGuards(app, {
    accounts,
    security,
    organisation: (slug) => deps.store.organisation(slug),
    ...(service
      ? {
          memberStatus: async (org: string, memberId: string) =>
            (await sharedState(org)).members.get(memberId)?.status ?? null,
          invitationUsedBy: async (org: string, invitationId: string) =>
            (await service.state(org)).invitations.get(invitationId)?.usedBy ?? null,
          recordVisibility: async (org: string) =>
            (await sharedState(org)).constitution.recordVisibility,
          readGrant: async (org: string, tokenHash: string) =>
            liveGrantOf(await sharedState(org), tokenHash) !== null,
        }
      : {}),
  });

  const record: RecordDeps = { store: deps.store, clock: deps.clock };
  await app.register(healthRoutes, { deps: record });
  await app.register(logRoutes, { deps: record });
  await app.register(accountRoutes, { deps: { accounts, security } });
  if (service) await app.register(democracyRoutes, { deps: { service, accounts, security } });
  await registerApiDocs(app);
  await registerWebApp(app, security.webRoot, () => accounts.newToken());
  return app;
}
