import type { FastifyInstance } from 'fastify';
import { SIGNED_ACTS_GUIDE } from './signed-acts-guide.js';

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
    '- Bodies are JSON in UTF-8 (RFC 8259 §8.1): another declared charset is refused',
    '  (`UNSUPPORTED_CHARSET`, 415), and so is text the database cannot hold: invalid',
    '  UTF-8, U+0000 or a lone surrogate in any string or field name (`TEXT_NOT_STORABLE`).',
    '- Safe retries: every command (a state-changing request of a member), founding an',
    '  organisation, accepting an invitation, marking notices seen and choosing name',
    '  visibility accept an `Idempotency-Key` header (IETF httpapi draft "The',
    '  Idempotency-Key HTTP Header Field"), a quoted string of 1 to 255 printable ASCII',
    '  characters such as `"8e03978e-40d5-43e8-bc93-6894a57f9324"`, unique per request.',
    '  Keys belong to the account (for a founding or an acceptance without a session, to',
    '  the account it creates) and are kept 24 hours. The first answer is stored in the',
    "  change's own transaction, so a retry with the same key and the same request",
    '  (method, path, body) gets that answer again, even after a crash or a restart, and',
    '  the change is made once; the same key with another request is refused',
    '  (`IDEMPOTENCY_KEY_REUSED`, 422), and so is a retry while the first is still running',
    '  (`IDEMPOTENCY_KEY_IN_FLIGHT`, 409). A refusal is not stored: retrying it runs the',
    '  request again. A founding or acceptance that created its account is replayed with',
    "  a session of the retry's own, opened by logging in with the request's password",
    '  (checked and throttled like any login: `LOGIN_FAILED`). Kept per key: a SHA-256 of',
    '  the request without its passwords, and the answer without names, usernames,',
    '  passwords or tokens (the account and CSRF token of a replay are its own).',
    '- Need no key, and ignore one: logging in (a retry logs in again, checked and',
    '  throttled like every attempt; a session is never stored to be handed out again) and',
    '  logging out (closing a closed session changes nothing). Logging out everywhere,',
    '  changing the password and erasing the account close the session they are sent',
    '  with, so a retry of one whose answer was lost is answered `UNAUTHENTICATED` (401)',
    '  and changes nothing more: log in again (with the new password). An erasure keeps',
    '  no answer: it deletes the account and every key with it.',
    '  The web app sends a key with each state-changing request and resends a request',
    '  whose answer was lost.',
    "- Every state-changing request needs this site's `Origin` (or `Referer`) and the",
    '  `x-csrf-token` header: the `soviet_csrf` cookie, also given as `csrfToken` by',
    '  `GET /api/v1/session`.',
    '- Errors: `{ "error": { "code", "message", "requestId" } }`, codes in',
    '  [errors.md](errors.md).',
    '- Access: `public` (anyone), `account` (logged in), `member` (an active member of the',
    '  organisation in the path; what a member may do there is then up to the rules),',
    '  `record` (who may read the record), `signed` (a member\'s signed act: see "Signed acts").',
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
  lines.push('', ...SIGNED_ACTS_GUIDE);
  return lines.join('\n');
}
