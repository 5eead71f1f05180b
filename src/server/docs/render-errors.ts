import { catalogue } from '../../errors/catalogue.js';

/**
 * docs/errors.md, generated from the error catalogue (src/errors/catalogue.ts, every
 * context's `errors.ts`); test/server/docs.test.ts keeps the file equal to this.
 * Regenerate: `node --import tsx scripts/generate-api-docs.ts`.
 */
export function renderErrorCatalogue(): string {
  const lines = [
    '# Error catalogue',
    '',
    '<!-- Generated from src/errors/catalogue.ts by renderErrorCatalogue() (src/server/docs/render-errors.ts); test/server/docs.test.ts keeps it in sync. Regenerate with `node --import tsx scripts/generate-api-docs.ts`. -->',
    '',
    'Every error Soviet reports has a stable code, an HTTP status and a sentence a member',
    'understands (`{placeholders}` are filled in). Over HTTP the answer is always',
    '',
    '```json',
    '{ "error": { "code": "NOT_A_MEMBER", "message": "You are not a member of this organisation.", "requestId": "…" } }',
    '```',
    '',
    'with the request id also in the `x-request-id` header; the command line prints',
    '`soviet: CODE: sentence`. No answer ever carries a stack trace: an unexpected failure',
    'is `INTERNAL`, logged on the server under the request id it names.',
    '',
    'A code names one meaning forever: codes are never renamed or reused.',
    '',
    '| code | HTTP status | message |',
    '| --- | --- | --- |',
  ];
  for (const [code, spec] of Object.entries(catalogue))
    lines.push(`| \`${code}\` | ${spec.status} | ${spec.message.replace(/\|/g, '\\|')} |`);
  lines.push('');
  return lines.join('\n');
}
