/**
 * A failure the API reported, or a failure to reach it. The server answers every error
 * as `{ error: { code, message, requestId } }` (src/server/error-handler.ts): `code` is a
 * stable catalogue code (docs/errors.md), `message` the catalogue's English sentence with
 * its placeholders filled. `params`, when the server sends them, fill the translated
 * sentence instead.
 *
 * Two codes are the client's own, never the server's: `NETWORK` (no answer at all) and
 * `BAD_RESPONSE` (an answer that does not follow the API's conventions).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly params: Readonly<Record<string, unknown>> | undefined = undefined,
  ) {
    super(message);
  }
}

export const NETWORK = 'NETWORK';
export const BAD_RESPONSE = 'BAD_RESPONSE';

interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly requestId?: string;
    readonly params?: Record<string, unknown>;
  };
}

/** True when `body` has the shape of the server's error answers. */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, requestId, params } = error as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (requestId === undefined || typeof requestId === 'string') &&
    (params === undefined || (typeof params === 'object' && params !== null))
  );
}

/** The ApiError of a failed response's body (already parsed, or undefined when not JSON). */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, requestId, params } = body.error;
    return new ApiError(status, code, message, requestId, params);
  }
  return new ApiError(status, BAD_RESPONSE, `HTTP ${status}`, undefined, { status });
}
