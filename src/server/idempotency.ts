import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../store/schema.js';
import { serverError } from './errors.js';

/**
 * Safe retries (issue 14): the `Idempotency-Key` request header, as the IETF httpapi
 * draft "The Idempotency-Key HTTP Header Field" specifies it:
 * - the key is a Structured Field String (`"…"`, RFC 8941; a bare token is accepted too),
 *   of 1 to 255 printable ASCII characters, unique per request the client means;
 * - keys are scoped to the account;
 * - the first answer to a key is stored IN THE SAME TRANSACTION as the command's entries
 *   (the store's `alsoWrite`), so a retry after a crash or a restart gets that answer
 *   (same status, same body) and the command never runs twice;
 * - the same key with another request (method, path or body) is refused, 422
 *   IDEMPOTENCY_KEY_REUSED; a key whose first request is still running, 409
 *   IDEMPOTENCY_KEY_IN_FLIGHT;
 * - a refusal writes nothing, so it is not stored: a retry runs the command again;
 * - keys are kept for {@link IDEMPOTENCY_RETENTION_MS}; an older key counts as new.
 *
 * Members' privacy (docs/design/record.md, "Personal data"): a row holds the request's
 * fingerprint (a SHA-256, never the body; passwords are left out of it altogether) and
 * the answer, which the routes keep free of names, usernames, passwords and session or
 * CSRF tokens (founding and acceptance store only what the log says and rebuild the
 * rest at a replay: routes/keyed-account.ts). Rows belong to an account and go with it
 * (erasure deletes the account, and its keys by cascade).
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** How long a key's answer is kept: a day, as the draft suggests. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

const QUOTED = /^"([\x20-\x21\x23-\x5b\x5d-\x7e]{1,255})"$/;
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:/]{1,255}$/;

type IdempotencyTables = {
  idempotency_keys: {
    account_id: number;
    key: string;
    fingerprint: Uint8Array;
    status: number;
    response: string;
    created_at: number;
  };
};

/** A request that carries a key: who sends it, the key, and what the request is. */
export interface IdempotentRequest {
  readonly accountId: number;
  readonly key: string;
  readonly fingerprint: Uint8Array;
}

/** The stored first answer to a key. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** What a request's key and fingerprint are computed from. */
export interface KeyedRequestParts {
  readonly headers: Record<string, unknown>;
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/** The request's key (undefined without the header), or IDEMPOTENCY_KEY_INVALID. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const header = headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return undefined;
  const text = typeof header === 'string' ? header.trim() : '';
  const key = QUOTED.exec(text)?.[1] ?? (TOKEN.test(text) ? text : undefined);
  if (key === undefined) throw serverError('IDEMPOTENCY_KEY_INVALID');
  return key;
}

/** Fields never hashed into a fingerprint: a fast hash of a password could be brute-forced. */
const PASSWORD_FIELD = /password/i;

/**
 * SHA-256 of the method, the path and the body as parsed, without any password field:
 * founding and acceptance check the password itself (argon2, throttled) at a replay.
 */
export function fingerprintOf(request: Omit<KeyedRequestParts, 'headers'>): Uint8Array {
  const body = JSON.stringify(request.body ?? null, (field, value) =>
    PASSWORD_FIELD.test(field) ? undefined : value,
  );
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest();
}

/** The request's key and fingerprint for `accountId`, or undefined without the header. */
export function idempotentRequest(
  request: KeyedRequestParts,
  accountId: number,
): IdempotentRequest | undefined {
  const key = idempotencyKeyOf(request.headers);
  if (key === undefined) return undefined;
  return { accountId, key, fingerprint: fingerprintOf(request) };
}

/** Writes a key's first answer inside the transaction that makes the change. */
export type AnswerRecorder = (tx: Kysely<StoreDatabase>, answer: StoredAnswer) => Promise<void>;

/**
 * The keys of one server process: which are in flight here, and the stored answers.
 * (Across processes, the primary key on (account, key) lets only one first request
 * commit; the other's command then fails and its retry finds the stored answer.)
 */
export class IdempotencyKeys {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly clock: () => number,
  ) {}

  /**
   * Runs `first` once per key: replays the stored answer of an earlier request with the
   * same key and fingerprint, refuses a different request (422) or one still in flight
   * (409). `first` gets the writer it must hand to the command's append transaction.
   */
  async run(
    request: IdempotentRequest,
    first: (record: AnswerRecorder) => Promise<StoredAnswer>,
  ): Promise<StoredAnswer> {
    return this.hold(`${request.accountId}|${request.key}`, async () => {
      const stored = await this.stored(request);
      if (stored) return stored;
      return first((tx, answer) => this.record(tx, request, answer));
    });
  }

  /**
   * `run` for a change made outside the log, which must be idempotent by nature (setting
   * a preference, marking notices seen): the answer is recorded after the change, not in
   * its transaction, so a crash between the two makes the retry change it again, to the
   * same effect and with the same answer.
   */
  runIdempotent(
    request: IdempotentRequest,
    change: () => Promise<StoredAnswer>,
  ): Promise<StoredAnswer> {
    return this.run(request, async (record) => {
      const answer = await change();
      await record(this.db, answer);
      return answer;
    });
  }

  /** `runIdempotent` for a request that carries a key; without one, just the change. */
  changeOnce(
    request: KeyedRequestParts,
    accountId: number,
    change: () => Promise<StoredAnswer>,
  ): Promise<StoredAnswer> {
    const keyed = idempotentRequest(request, accountId);
    return keyed ? this.runIdempotent(keyed, change) : change();
  }

  /**
   * Runs `work` while holding `scope` (`<account>|<key>`, or another name for the same
   * request before its account exists): a second request with it, in this process,
   * meanwhile is refused with IDEMPOTENCY_KEY_IN_FLIGHT (409).
   */
  async hold<T>(scope: string, work: () => Promise<T>): Promise<T> {
    if (this.inFlight.has(scope)) throw serverError('IDEMPOTENCY_KEY_IN_FLIGHT');
    this.inFlight.add(scope);
    try {
      return await work();
    } finally {
      this.inFlight.delete(scope);
    }
  }

  /** The first answer to this key, undefined when there is none, or IDEMPOTENCY_KEY_REUSED. */
  async stored(request: IdempotentRequest): Promise<StoredAnswer | undefined> {
    const db = this.db.withTables<IdempotencyTables>();
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'status', 'response', 'created_at'])
      .where('account_id', '=', request.accountId)
      .where('key', '=', request.key)
      .executeTakeFirst();
    if (!row || Number(row.created_at) < this.clock() - IDEMPOTENCY_RETENTION_MS) return undefined;
    if (!Buffer.from(row.fingerprint).equals(Buffer.from(request.fingerprint)))
      throw serverError('IDEMPOTENCY_KEY_REUSED');
    return { status: row.status, body: JSON.parse(row.response) };
  }

  /** Inside the append transaction: the first answer (an expired row is replaced). */
  async record(
    tx: Kysely<StoreDatabase>,
    request: IdempotentRequest,
    answer: StoredAnswer,
  ): Promise<void> {
    const row = {
      account_id: request.accountId,
      key: request.key,
      fingerprint: request.fingerprint,
      status: answer.status,
      response: JSON.stringify(answer.body),
      created_at: this.clock(),
    };
    const written = await tx
      .withTables<IdempotencyTables>()
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'key'])
          .doUpdateSet({ ...row })
          .where('idempotency_keys.created_at', '<', this.clock() - IDEMPOTENCY_RETENTION_MS),
      )
      .executeTakeFirst();
    // Another process committed this key first: this command rolls back, and a retry
    // gets the stored answer.
    if (Number(written.numInsertedOrUpdatedRows ?? 0n) === 0)
      throw serverError('IDEMPOTENCY_KEY_IN_FLIGHT');
  }
}
