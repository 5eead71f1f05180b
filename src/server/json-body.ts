import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverError } from './errors.js';

/**
 * U+0000, or a UTF-16 surrogate without its pair: text PostgreSQL cannot store (its text
 * and jsonb types refuse U+0000, and a lone surrogate has no UTF-8 form), issue 14.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when `text` holds something the database cannot store. */
export function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The JSON body parser of every route, in place of Fastify's default (issue 14: bad text
 * must be refused at the edge, never break an append or be stored as U+FFFD):
 * - a body declared in any charset but UTF-8 (RFC 8259 §8.1) is refused, 415
 *   UNSUPPORTED_CHARSET;
 * - bytes that are not valid UTF-8 are refused, 400 TEXT_NOT_STORABLE (never decoded
 *   to U+FFFD);
 * - any string or field name holding U+0000 or a lone surrogate (both can be written as
 *   JSON escapes) is refused, 400 TEXT_NOT_STORABLE.
 * Parsing itself is Fastify's (prototype poisoning refused).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.decorateRequest(RAW_BODY, null);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type'] ?? '');
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(serverError('UNSUPPORTED_CHARSET', { charset }), undefined);
      return;
    }
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch {
      done(serverError('TEXT_NOT_STORABLE', { reason: 'the body is not valid UTF-8' }), undefined);
      return;
    }
    // The exact bytes, for a signed act's Content-Digest (RFC 9530): kept by reference.
    (request as unknown as Record<string, unknown>)[RAW_BODY] = body;
    parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const bad = findUnstorable(value);
      if (bad) done(serverError('TEXT_NOT_STORABLE', { reason: bad }), undefined);
      else done(null, value);
    });
  });
}

const RAW_BODY = 'rawBody';

/** The exact bytes of a request's JSON body (empty when it had none). */
export function rawBodyOf(request: FastifyRequest): Uint8Array {
  const raw = (request as unknown as Record<string, unknown>)[RAW_BODY];
  return raw instanceof Uint8Array ? raw : new Uint8Array();
}

/** The charset parameter of a Content-Type header, lower-cased, if it has one. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
  return match ? (match[1] ?? '').toLowerCase() : undefined;
}

/** Where the first unstorable string of a parsed JSON value is, or undefined. */
function findUnstorable(value: unknown, path = 'body'): string | undefined {
  if (typeof value === 'string') {
    return isUnstorable(value) ? `${path} holds U+0000 or a lone surrogate` : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isUnstorable(key)) return `a field name in ${path} holds U+0000 or a lone surrogate`;
      const found = findUnstorable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
