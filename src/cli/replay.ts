import type { BlobLoader } from '../democracy/audit/index.js';
import type { OrgState } from '../democracy/index.js';
import { canonicalJson, type JsonValue } from '../record/canonical-json.js';
import { recordError } from '../record/errors.js';
import { NO_NAMES } from '../service/views/names.js';
import { organisationView } from '../service/views/organisation-view.js';
import { blobRefOf } from '../store/large-entry.js';

/**
 * Step 4 of RECORD.md "Verification" for `soviet verify --replay` against a Soviet
 * server: the organisation page the replayed log gives (service/views/organisation-view.ts,
 * a pure function of the state) compared with the page the server shows. The replay is
 * public-only: it has no event's secret part (who voted, the sealed ballots), which the
 * organisation page does not show. (The recount of the same log: recount.ts.)
 */

/** Where a Soviet server serves an organisation, from the URL of its log. */
export interface ReplaySource {
  readonly org: string;
  /** `…/api/v1/orgs/<org>`: the organisation page. */
  readonly pageUrl: URL;
}

const LOG_URL = /^(.*\/api\/v1\/orgs\/([a-z0-9][a-z0-9-]{0,62}))\/log\/?$/;

/** The organisation behind `http(s)://host/api/v1/orgs/<org>/log`; VERIFY_SOURCE_INVALID otherwise. */
export function replaySourceOf(source: string): ReplaySource {
  const refuse = () =>
    recordError('VERIFY_SOURCE_INVALID', {
      source,
      reason:
        '--replay on a server needs the URL of an organisation\'s log, such as "http://host/api/v1/orgs/<org>/log" (or give a directory written by soviet export)',
    });
  if (!/^https?:\/\//i.test(source)) throw refuse();
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw refuse();
  }
  const m = LOG_URL.exec(url.pathname);
  if (!m || url.search !== '' || url.hash !== '') throw refuse();
  return { org: m[2] as string, pageUrl: new URL(m[1] as string, url) };
}

/** GETs a URL as JSON: the status and the parsed body (undefined when it is not JSON). */
export type JsonGetter = (url: URL) => Promise<{ status: number; body: unknown }>;

export const fetchJson: JsonGetter = (url) => jsonGetter(undefined)(url);

/**
 * A JsonGetter that presents a read token (`Authorization: Bearer`, docs/design/record.md
 * "Who may read the record") when the record is kept to members.
 */
export const jsonGetter =
  (token: string | undefined): JsonGetter =>
  async (url) => {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch (error) {
      throw recordError('VERIFY_FETCH_FAILED', { path: url.href, reason: reasonOf(error) });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  };

/**
 * Blob data from the server's record page (`…/record?from=<index>&limit=1`), which gives
 * an entry's data in full: its canonical JSON is what the entry logs by SHA-256
 * (checked by the reader, democracy/audit/logged-events.ts).
 */
export function serverBlobs(source: ReplaySource, getJson: JsonGetter = fetchJson): BlobLoader {
  return (index, ref) => blobContent(index, ref, source, getJson);
}

async function blobContent(
  index: number,
  ref: { sha256: string; size: number },
  source: ReplaySource,
  getJson: JsonGetter,
): Promise<Uint8Array> {
  const url = new URL(`${source.pageUrl.pathname}/record?from=${index}&limit=1`, source.pageUrl);
  const missing = (reason: string) =>
    recordError('VERIFY_BLOB_MISSING', { index, sha256: ref.sha256, reason });
  const { status, body } = await getJson(url);
  if (status !== 200) throw missing(`${url.href} answers HTTP ${status}`);
  const entry = (body as { entries?: { seq?: unknown; data?: unknown }[] } | undefined)
    ?.entries?.[0];
  if (!entry || entry.seq !== index) throw missing(`${url.href} does not give entry ${index}`);
  const data = entry.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw missing(`${url.href} gives no data for entry ${index}`);
  }
  if (blobRefOf(data as never)) throw missing(`${url.href} gives only the reference`);
  return new TextEncoder().encode(canonicalJson(data as JsonValue));
}

/** The first place where two JSON values differ; `logValue`/`serverValue` as JSON text. */
export interface Difference {
  readonly path: string;
  readonly logValue: string;
  readonly serverValue: string;
}

const MISSING = Symbol('missing');

/**
 * Compares the page the log gives with the server's, on the fields the log's page has
 * (a server may add fields; they are not the view's). Objects are walked in the log's
 * key order, arrays by index then length, and leaves compared as canonical JSON (RFC 8785).
 */
export function firstDifference(log: unknown, server: unknown, path = ''): Difference | undefined {
  const differ = (at: string, a: unknown, b: unknown): Difference => ({
    path: at === '' ? '(the page)' : at,
    logValue: shown(a),
    serverValue: shown(b),
  });
  if (isObject(log)) {
    if (!isObject(server)) return differ(path, log, server);
    for (const [key, value] of Object.entries(log)) {
      const at = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}${path === '' ? '' : '.'}${key}`
        : `${path}[${JSON.stringify(key)}]`;
      const found = firstDifference(value, key in server ? server[key] : MISSING, at);
      if (found) return found;
    }
    return undefined;
  }
  if (Array.isArray(log)) {
    if (!Array.isArray(server)) return differ(path, log, server);
    for (let i = 0; i < Math.min(log.length, server.length); i++) {
      const found = firstDifference(log[i], server[i], `${path}[${i}]`);
      if (found) return found;
    }
    if (log.length !== server.length) {
      return {
        path: `${path === '' ? '(the page)' : path}.length`,
        logValue: String(log.length),
        serverValue: String(server.length),
      };
    }
    return undefined;
  }
  if (server === MISSING || !sameLeaf(log, server)) return differ(path, log, server);
  return undefined;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === MISSING) return 'nothing';
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

/** What the page comparison found: if any, the first difference. */
export interface PageComparison {
  readonly difference?: Difference;
  /** Set when the log founds no organisation and the server shows none either. */
  readonly unfounded?: boolean;
}

/**
 * Compares the organisation page the replayed `state` gives with the server's
 * `GET …/api/v1/orgs/<org>` (VERIFY_FETCH_FAILED when it cannot be read).
 */
export async function compareWithServer(
  state: OrgState,
  source: ReplaySource,
  getJson: JsonGetter = fetchJson,
): Promise<PageComparison> {
  const { status, body } = await getJson(source.pageUrl);
  if (state.org === null) {
    if (status === 200) {
      return {
        difference: {
          path: '(the page)',
          logValue: 'no organisation (the log founds none)',
          serverValue: shown(body),
        },
      };
    }
    return { unfounded: true };
  }
  if (status !== 200 || body === undefined) {
    throw recordError('VERIFY_FETCH_FAILED', {
      path: source.pageUrl.href,
      reason: status !== 200 ? `HTTP ${status}` : 'the answer is not JSON',
    });
  }
  // The view as it travels: plain JSON, as the server serialises it.
  // Names are not on the log (record.md, "Personal data"): compare everything but them.
  const mine = JSON.parse(
    JSON.stringify(organisationView({ ...state, names: NO_NAMES })),
  ) as unknown;
  const difference = firstDifference(withoutNames(mine), withoutNames(body));
  return difference ? { difference } : {};
}
/**
 * A view with every person's name left out (a member reference is `{ id, name, erased }`):
 * what a replay of the log, which holds no names, can be compared on.
 */
export function withoutNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNames);
  if (value === null || typeof value !== 'object') return value;
  const isPerson = 'id' in value && 'erased' in value && 'name' in value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(isPerson && key === 'name'))
      .map(([key, v]) => [key, withoutNames(v)]),
  );
}
