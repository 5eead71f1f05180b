import type { FastifyServerOptions } from 'fastify';

/**
 * What the server's logs may hold (docs/design/rules.md, "Members' privacy": no
 * personal data in server logs). Pino's default serializers would log a request's
 * remote address and headers, and an error's message, which for a database error can
 * quote the value that broke it (a name, a username). So:
 *
 * - a request is its id, method and path (no query string, no address, no headers);
 * - a response is its status;
 * - an error is its class, its stable code (a catalogued code, or PostgreSQL's SQLSTATE)
 *   and its stack frames, never its message. The request id ties a log line to the
 *   answer the person saw.
 */
export const PRIVATE_SERIALIZERS = {
  req(request: { id?: unknown; method?: unknown; url?: unknown }) {
    const url = typeof request.url === 'string' ? request.url : '';
    return { id: request.id, method: request.method, path: url.split('?')[0] };
  },
  res(reply: { statusCode?: unknown }) {
    return { statusCode: reply.statusCode };
  },
  err(error: unknown) {
    if (!(error instanceof Error)) return { type: typeof error };
    const code = (error as { code?: unknown }).code;
    return {
      type: error.constructor.name,
      ...(typeof code === 'string' ? { code } : {}),
      // The frames only: the first line of a stack repeats the message.
      stack: (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)),
    };
  },
};

/** The app's logger option with the private serializers (no logger stays no logger). */
export function privateLogger(
  logger: FastifyServerOptions['logger'] | undefined,
): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : (logger as Record<string, unknown>);
  const serializers = (options.serializers ?? {}) as Record<string, unknown>;
  return {
    ...options,
    serializers: { ...serializers, ...PRIVATE_SERIALIZERS },
  } as unknown as FastifyServerOptions['logger'];
}
