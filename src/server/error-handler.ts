import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogue } from '../errors/catalogue.js';
import { formatMessage } from '../errors/define-errors.js';
import { SovietError } from '../errors/soviet-error.js';

/** The body of every error response: a stable code, a sentence, and the request id. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly requestId: string;
    readonly params?: Readonly<Record<string, string | number | boolean>>;
  };
}

/**
 * The values of the placeholders that the code's catalogue sentence shows, so a client can
 * translate the sentence: only keys the sentence names (a value the sentence does not
 * show is not shown here either), and only strings, numbers and booleans.
 */
function publicParams(
  code: string,
  params: Readonly<Record<string, unknown>>,
): Record<string, string | number | boolean> | undefined {
  const shown = new Set(
    [...(catalogue[code]?.message ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  );
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (!shown.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = value;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  params?: Readonly<Record<string, unknown>>,
) {
  const shown = params ? publicParams(code, params) : undefined;
  const body: ErrorBody = {
    error: { code, message, requestId: request.id, ...(shown ? { params: shown } : {}) },
  };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function sentence(code: string, params: Record<string, unknown>): string {
  return formatMessage(catalogue[code]?.message ?? code, params);
}

/**
 * One error handler for the whole API (Fastify "Errors"): a SovietError answers with its
 * catalogue status and sentence; Fastify's own client errors (a failed schema, bad JSON,
 * a body too large) with BAD_REQUEST or their status; anything else is a bug: 500
 * INTERNAL, logged with the request id, and never a stack trace in the response.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SovietError | Error, request, reply) => {
    if (error instanceof SovietError) {
      const spec = catalogue[error.code];
      if (spec) return send(reply, request, spec.status, error.code, error.message, error.params);
      request.log.error(
        { err: error, requestId: request.id },
        'SovietError with an uncatalogued code',
      );
      return send(reply, request, 500, 'INTERNAL', sentence('INTERNAL', { requestId: request.id }));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      // Ajv with allErrors: name every field that is wrong, e.g. `querystring.size must
      // match pattern …; querystring has an unknown field "extra"`.
      const context = fastifyError.validationContext ?? 'request';
      const reason = fastifyError.validation
        .map((v) => {
          const where = `${context}${v.instancePath.replaceAll('/', '.')}`;
          const extra = (v.params as { additionalProperty?: unknown }).additionalProperty;
          if (v.keyword === 'additionalProperties' && typeof extra === 'string') {
            return `${where} has an unknown field "${extra}"`;
          }
          return `${where} ${v.message ?? 'is invalid'}`;
        })
        .join('; ');
      return send(reply, request, 400, 'BAD_REQUEST', sentence('BAD_REQUEST', { reason }));
    }
    const status = fastifyError.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's envelope errors (body size, media type) have codes of their own.
      if (status === 413)
        return send(
          reply,
          request,
          413,
          'BODY_TOO_LARGE',
          sentence('BODY_TOO_LARGE', {
            limit: request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit,
          }),
        );
      if (status === 415)
        return send(
          reply,
          request,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          sentence('UNSUPPORTED_MEDIA_TYPE', {}),
        );
      const code = status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      const message =
        code === 'NOT_FOUND'
          ? sentence(code, {})
          : sentence(code, { reason: lowerFirst(fastifyError.message) });
      return send(reply, request, status, code, message);
    }
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL', sentence('INTERNAL', { requestId: request.id }));
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'NOT_FOUND', sentence('NOT_FOUND', {})),
  );
}

function lowerFirst(text: string): string {
  return text.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

/**
 * Errors Fastify's router raises before any route or hook runs (a malformed URL, a path
 * parameter longer than the router takes): answered like every other bad request, with a
 * catalogued code and the request id (Fastify's own answer would carry neither).
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const reason =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a part of the address is too long'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'the address is not valid'
        : lowerFirst(error.message);
  reply.header('x-request-id', request.id);
  void send(reply, request, 400, 'BAD_REQUEST', sentence('BAD_REQUEST', { reason }));
}
