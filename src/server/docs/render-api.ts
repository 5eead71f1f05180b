import type { FastifyInstance } from 'fastify';

interface Operation {
  readonly summary?: string;
  /** Who may call it (security/access.ts), set by openapi.ts. */
  readonly 'x-access'?: string;
}

/** The OpenAPI document of a built app, as committed in docs/openapi.json (stable key order). */
export function renderOpenApi(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}

/**
 * docs/api.md: an index of the API generated from the same OpenAPI document (the
 * schemas are in docs/openapi.json and browsable at `/api/docs` on a running server).
 */
export function renderApiIndex(document: {
  readonly info: { readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
}): string {
  const lines = [
    '# The Soviet HTTP API',
    '',
    "<!-- Generated from the routes' schemas by renderApiIndex() (src/server/docs/render-api.ts); test/server/docs.test.ts keeps it in sync. Regenerate with `node --import tsx scripts/generate-api-docs.ts`. -->",
    '',
    `Version ${document.info.version}. The full reference, with every request and answer`,
    'schema, is the OpenAPI 3.1 document served at `/api/openapi.json` (committed as',
    '[openapi.json](openapi.json)) and browsable at `/api/docs` on a running server. The',
    'schemas are the ones the server validates with, so the two cannot disagree.',
    '',
    '- JSON under `/api/v1`; strict: unknown fields, wrong types and oversized values are',
    '  refused (`BAD_REQUEST`, naming every problem), never coerced or dropped.',
    '- Sessions are cookies (`soviet_session`, HttpOnly, SameSite=Lax, Secure over TLS),',
    '  opened by logging in, founding an organisation or accepting an invitation.',
    "- Every state-changing request needs this site's `Origin` (or `Referer`) and the",
    '  `x-csrf-token` header: the `soviet_csrf` cookie, also given as `csrfToken` by',
    '  `GET /api/v1/session`.',
    '- Errors: `{ "error": { "code", "message", "requestId" } }`, codes in',
    '  [errors.md](errors.md).',
    '- Access: `public` (anyone), `account` (logged in), `member` (an active member of the',
    '  organisation in the path; what a member may do there is then up to the rules).',
    '',
    '| method | path | access | what |',
    '| --- | --- | --- | --- |',
  ];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      lines.push(
        `| ${method.toUpperCase()} | \`${path}\` | ${op['x-access'] ?? 'public'} | ${op.summary ?? ''} |`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
