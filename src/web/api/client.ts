import { ApiError, BAD_RESPONSE, errorFromBody, NETWORK } from './api-error.js';

/**
 * Where the CSRF token that state-changing requests must carry comes from (sent as a
 * header, `x-csrf-token` by default): a cookie the server sets (the double-submit
 * pattern; Soviet's server sets `soviet_csrf`), a JSON endpoint answering the token in
 * a field (Soviet's `GET /session` answers `csrfToken`), or nowhere (an API without
 * CSRF protection, e.g. a read-only mirror).
 */
export type CsrfSource =
  | { readonly kind: 'cookie'; readonly cookie: string; readonly header?: string }
  | {
      readonly kind: 'endpoint';
      readonly path: string;
      /** The answer's field holding the token; default `csrfToken`. */
      readonly field?: string;
      readonly header?: string;
    }
  | { readonly kind: 'none' };

export interface ApiClientOptions {
  /** Default `/api/v1`: the API is served by the same server as the app. */
  readonly baseUrl?: string;
  readonly csrf?: CsrfSource;
  /** Injected for tests; default the global fetch. */
  readonly fetch?: typeof fetch;
  /** Reads `document.cookie`; injected for tests. */
  readonly cookies?: () => string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The methods that change state, and so carry the CSRF token (RFC 9110 §9.2.1: the others are safe). */
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const DEFAULT_CSRF: CsrfSource = { kind: 'cookie', cookie: 'soviet_csrf' };
const CSRF_HEADER = 'x-csrf-token';
const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Reads one cookie's value from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return undefined;
}

const documentCookies = (): string =>
  (globalThis as { document?: { cookie?: string } }).document?.cookie ?? '';

/**
 * The client of Soviet's HTTP API (JSON under `/api/v1`, cookie sessions). Every method
 * resolves with the parsed answer or rejects with an {@link ApiError}: the server's
 * catalogue code and sentence, `NETWORK` when the server cannot be reached, or
 * `BAD_RESPONSE` when an answer breaks the API's conventions. Never a raw error.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly csrf: CsrfSource;
  private readonly fetcher: typeof fetch;
  private readonly cookies: () => string;
  private csrfToken: Promise<string | undefined> | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/+$/, '');
    this.csrf = options.csrf ?? DEFAULT_CSRF;
    const f = options.fetch ?? globalThis.fetch;
    this.fetcher = (input, init) => f(input, init);
    this.cookies = options.cookies ?? documentCookies;
  }

  /** The absolute path of an API path (`/orgs/acme` → `/api/v1/orgs/acme`). */
  url(path: string): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.json<T>('DELETE', path);
  }

  /** A text resource, e.g. a signed checkpoint (`text/plain`). */
  async text(path: string): Promise<string> {
    const response = await this.send('GET', path, undefined, 'text/plain');
    return response.text();
  }

  /** A binary resource, e.g. a tlog-tiles tile or entry bundle. */
  async bytes(path: string): Promise<Uint8Array> {
    const response = await this.send('GET', path, undefined, 'application/octet-stream');
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Forgets the cached CSRF token (after logging in or out, when the server rotates it). */
  resetCsrf(): void {
    this.csrfToken = undefined;
  }

  private async json<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body, 'application/json');
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, BAD_RESPONSE, 'The answer is not JSON.', undefined, {
        status: response.status,
      });
    }
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const unsafe = UNSAFE.has(method);
    if (unsafe) {
      const token = await this.token();
      if (token !== undefined) headers[this.csrfHeader()] = token;
      // Safe retries (docs/api.md, "Safe retries"): one key per request (commands,
      // founding, accepting an invitation, the account's changes), so that sending it
      // again runs it at most once; routes that need none (logging in or out) ignore it.
      headers[IDEMPOTENCY_HEADER] = `"${globalThis.crypto.randomUUID()}"`;
    }
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), init).catch((error: unknown) => {
        // The answer was lost (the request may have run): a state-changing request is
        // sent once more with the same key, which the server answers at most once.
        if (unsafe) return this.fetcher(this.url(path), init);
        throw error;
      });
    } catch (error) {
      throw new ApiError(
        0,
        NETWORK,
        error instanceof Error ? error.message : String(error),
        undefined,
      );
    }
    if (response.ok) return response;
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    throw errorFromBody(response.status, parsed);
  }

  private csrfHeader(): string {
    return this.csrf.kind === 'none' ? CSRF_HEADER : (this.csrf.header ?? CSRF_HEADER);
  }

  private token(): Promise<string | undefined> {
    const source = this.csrf;
    switch (source.kind) {
      case 'none':
        return Promise.resolve(undefined);
      case 'cookie':
        // Read at each request: the server may rotate the cookie at any answer.
        return Promise.resolve(readCookie(this.cookies(), source.cookie));
      case 'endpoint':
        this.csrfToken ??= this.get<Record<string, unknown>>(source.path).then(
          (answer) => {
            const token = answer?.[source.field ?? 'csrfToken'];
            return typeof token === 'string' ? token : undefined;
          },
          (error: unknown) => {
            this.csrfToken = undefined;
            throw error;
          },
        );
        return this.csrfToken;
    }
  }
}

/** The app's client: same origin, `/api/v1`, CSRF token from the `soviet_csrf` cookie. */
export const api = new ApiClient();
