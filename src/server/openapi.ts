import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Access } from './security/access.js';

/** The OpenAPI security requirement of each access level (security/access.ts). */
const SECURITY: Readonly<Record<Access, readonly Record<string, string[]>[]>> = {
  public: [],
  account: [{ session: [] }],
  member: [{ session: [] }],
  // A member's session, a granted read token, or nothing when the record is public.
  record: [{ session: [] }, { readToken: [] }, {}],
  // The member's RFC 9421 signature over the body: no session, no CSRF token.
  signed: [{ actSignature: [] }],
};

/**
 * The API's OpenAPI 3.1 document, generated from the routes' TypeBox schemas (the single
 * source of validation, types and documentation): served at `/api/openapi.json` and
 * browsable at `/api/docs`. Register before the routes (the document collects them as
 * they are added). Non-API routes (the web app) are hidden.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Soviet API',
        version,
        description: [
          'Council democracy on a publicly verifiable record. Every command and view of the',
          'democracy core (RULES.md) as JSON under `/api/v1`; the record of each organisation',
          'as C2SP tlog-tiles under `/api/v1/orgs/{org}/log/`.',
          '',
          'Sessions are cookies (`soviet_session`, HttpOnly). Every state-changing request',
          'must carry an `Origin` (or `Referer`) of this site and the `x-csrf-token` header:',
          'the `soviet_csrf` cookie, or `csrfToken` from `GET /api/v1/session`.',
          '',
          "Who may read an organisation's record (its entries, tiles, proofs and the pages",
          "computed from them) is its constitution's `recordVisibility`: `members` (the default:",
          "a member's session, or `Authorization: Bearer <read token>` granted by motion) or",
          '`public`. Checkpoints are always public. Names are personal data: the log holds only',
          'member ids and salted commitments; views show names by role (docs/design/record.md).',
          '',
          'Every error is `{ "error": { "code", "message", "requestId" } }` with a stable code',
          'from the catalogue (docs/errors.md).',
        ].join('\n'),
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'soviet_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          actSignature: {
            type: 'apiKey',
            in: 'header',
            name: 'Signature',
            description:
              'An HTTP Message Signature (RFC 9421) by one of the member\'s registered Ed25519 keys over the method and Content-Digest (RFC 9530) of the act\'s canonical JSON; see "Signed acts" in docs/api.md.',
          },
          readToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A read token the organisation granted by a readAccess motion (record reads only).',
          },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      if (!url.startsWith('/api/'))
        return { schema: { ...schema, hide: true } as FastifySchema, url };
      const access = (route.config as { access?: Access } | undefined)?.access ?? 'public';
      const unsafe =
        access !== 'signed' && ![route.method].flat().every((m) => m === 'GET' || m === 'HEAD');
      const security = SECURITY[access].map((s) => (unsafe ? { ...s, csrf: [] } : s));
      const withCsrf = unsafe && security.length === 0 ? [{ csrf: [] }] : security;
      return {
        schema: { ...schema, security: withCsrf, 'x-access': access } as FastifySchema,
        url,
      };
    },
  });
  app.get(
    '/api/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return app.swagger();
    },
  );
}

/** The browsable reference at `/api/docs` (swagger-ui; its assets under the same prefix). */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true, url: '/api/openapi.json', validatorUrl: null } as Record<
      string,
      unknown
    >,
    staticCSP: false,
  });
}
