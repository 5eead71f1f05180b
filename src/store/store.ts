import type { Kysely } from 'kysely';
import {
  consistencyProof,
  inclusionProof,
  nodeEd25519,
  nodeTreeHasher,
  parseTilePath,
  signCheckpoint,
  type TileRef,
} from '../record/index.js';
import type { Domain, ExecuteContext, Executed } from './domain.js';
import { storeError } from './errors.js';
import type { Failpoint } from './failpoint.js';
import { type InstanceKey, logSigner } from './instance-key.js';
import { readTile, stratumReader } from './log-reader.js';
import { type Organisation, OrgLog } from './org-log.js';
import type { StoreDatabase } from './schema.js';

export type { Organisation } from './org-log.js';

/** Which database a store runs on. */
export type Backend = 'pglite' | 'postgres';

/** The head of an organisation's log as stored: size, root and latest signed checkpoint. */
export interface LogHead {
  readonly size: number;
  readonly root: Uint8Array;
  readonly checkpoint: string;
}

/** A tlog-tiles resource read from the store. */
export interface TileResource {
  readonly ref: TileRef;
  readonly bytes: Uint8Array;
  /** Full tiles never change (cacheable forever); partial ones are superseded. */
  readonly immutable: boolean;
}

export interface StoreParts<S, C, E, X extends object> {
  readonly db: Kysely<StoreDatabase>;
  readonly backend: Backend;
  readonly domain: Domain<S, C, E, X>;
  readonly key: InstanceKey;
  readonly originPrefix: string;
  readonly failpoint?: Failpoint | undefined;
  readonly maxBatch: number;
  /** Frees the database and the data directory. */
  readonly shutdown: () => Promise<void>;
  /** Where the data is, for messages: the PGlite directory or the PostgreSQL host. */
  readonly location: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The store: organisations, their verifiable logs, and the domain's state and
 * projections, over Kysely on PGlite or PostgreSQL. Obtain one with `openStore`.
 *
 * Every method may be called concurrently. Commands to one organisation are sequenced
 * and batched (org-log.ts); reads go to the database, so that several processes sharing
 * one PostgreSQL serve the same log.
 */
export class Store<S, C, E, X extends object = object> {
  readonly db: Kysely<StoreDatabase>;
  readonly backend: Backend;
  readonly domain: Domain<S, C, E, X>;
  readonly location: string;
  private readonly logs = new Map<string, OrgLog<S, C, E, X>>();
  private readonly orgs = new Map<string, Organisation>();
  private closed = false;

  constructor(private readonly parts: StoreParts<S, C, E, X>) {
    this.db = parts.db;
    this.backend = parts.backend;
    this.domain = parts.domain;
    this.location = parts.location;
  }

  /**
   * Creates an organisation and its empty log, signed at size 0. Throws ORG_BAD_SLUG or
   * ORG_EXISTS. `now` is Unix time in milliseconds.
   */
  async createOrganisation(slug: string, now: number): Promise<Organisation> {
    this.assertOpen();
    if (!SLUG.test(slug)) throw storeError('ORG_BAD_SLUG', { org: slug });
    const origin = `${this.parts.originPrefix}/${slug}`;
    const { signer } = logSigner(this.parts.key, origin);
    const emptyRoot = nodeTreeHasher.emptyRoot();
    const checkpoint = signCheckpoint(
      { origin, size: 0, rootHash: emptyRoot, extensions: [] },
      [signer],
      nodeEd25519,
    );
    const org = await this.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('organisations')
        .values({ slug, origin, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning(['id', 'slug', 'origin', 'created_at'])
        .executeTakeFirst();
      if (!inserted) return undefined;
      await tx
        .insertInto('log_heads')
        .values({
          org_id: inserted.id,
          size: 0,
          root: emptyRoot,
          compact_range: new Uint8Array(0),
          checkpoint,
          updated_at: now,
        })
        .execute();
      await tx
        .insertInto('log_checkpoints')
        .values({ org_id: inserted.id, size: 0, checkpoint, created_at: now })
        .execute();
      return toOrganisation(inserted);
    });
    if (!org) throw storeError('ORG_EXISTS', { org: slug });
    this.orgs.set(slug, org);
    return org;
  }

  /** The organisation called `slug`; throws ORG_NOT_FOUND. */
  async organisation(slug: string): Promise<Organisation> {
    this.assertOpen();
    const known = this.orgs.get(slug);
    if (known) return known;
    if (!SLUG.test(slug)) throw storeError('ORG_NOT_FOUND', { org: slug });
    const row = await this.db
      .selectFrom('organisations')
      .select(['id', 'slug', 'origin', 'created_at'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!row) throw storeError('ORG_NOT_FOUND', { org: slug });
    const org = toOrganisation(row);
    this.orgs.set(slug, org);
    return org;
  }

  /** Every organisation, oldest first. */
  async organisations(): Promise<Organisation[]> {
    this.assertOpen();
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'slug', 'origin', 'created_at'])
      .orderBy('id')
      .execute();
    return rows.map(toOrganisation);
  }

  /**
   * Decides `command` against the organisation's state and appends its events, their
   * projections, tiles and a new signed checkpoint in one transaction (shared with the
   * commands that arrive meanwhile). Resolves once committed; rejects with the domain's
   * refusal (nothing written) or with the failure that rolled the transaction back.
   */
  async execute(slug: string, command: C, ctx: ExecuteContext<X>): Promise<Executed<E>> {
    return (await this.log(slug)).execute(command, ctx);
  }

  /** The organisation's domain state as of its log's head. */
  async state(slug: string): Promise<S> {
    return (await this.log(slug)).state();
  }

  /** The organisation's domain state with the log size it reflects (for fsck). */
  async snapshot(slug: string): Promise<{ readonly state: S; readonly size: number }> {
    return (await this.log(slug)).snapshot();
  }

  /** The `vkey` that verifies the organisation's checkpoints (C2SP signed-note). */
  async verifierKey(slug: string): Promise<string> {
    const org = await this.organisation(slug);
    return logSigner(this.parts.key, org.origin).vkey;
  }

  /** The stored head of the organisation's log. */
  async head(slug: string): Promise<LogHead> {
    const org = await this.organisation(slug);
    const row = await this.db
      .selectFrom('log_heads')
      .select(['size', 'root', 'checkpoint'])
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (!row) throw storeError('ORG_NOT_FOUND', { org: slug });
    return { size: Number(row.size), root: row.root, checkpoint: row.checkpoint };
  }

  /**
   * A tlog-tiles resource by its path relative to the log (`tile/0/x001/234.p/5`,
   * `tile/entries/000`). Throws LOG_BAD_TILE for a path that is not a tile of this log.
   */
  async tile(slug: string, path: string): Promise<TileResource> {
    const org = await this.organisation(slug);
    let ref: TileRef;
    try {
      ref = parseTilePath(path);
    } catch {
      throw storeError('LOG_BAD_TILE', { path });
    }
    const { size } = await this.head(slug);
    const bytes = await readTile(this.db, org.id, size, ref, path);
    return { ref, bytes, immutable: ref.width === 256 };
  }

  /**
   * The RFC 9162 §2.1.3.1 inclusion proof of entry `index` in the tree of `size`
   * entries, for any size up to the current one. Throws LOG_BAD_PROOF_REQUEST.
   */
  async inclusionProof(slug: string, index: number, size: number): Promise<Uint8Array[]> {
    const org = await this.organisation(slug);
    const head = await this.head(slug);
    if (!(index >= 0 && index < size && size <= head.size)) {
      throw storeError('LOG_BAD_PROOF_REQUEST', {
        what: `entry ${index} in a tree of size ${size}`,
        reason: `the entry must be below the size, and the size at most ${head.size}`,
      });
    }
    return inclusionProof(index, size, stratumReader(this.db, org.id), nodeTreeHasher);
  }

  /** The RFC 9162 §2.1.4.1 consistency proof from size `from` to size `to`. */
  async consistencyProof(slug: string, from: number, to: number): Promise<Uint8Array[]> {
    const org = await this.organisation(slug);
    const head = await this.head(slug);
    if (!(from >= 1 && from <= to && to <= head.size)) {
      throw storeError('LOG_BAD_PROOF_REQUEST', {
        what: `sizes ${from} to ${to}`,
        reason: `the sizes must satisfy 1 ≤ from ≤ to ≤ ${head.size}`,
      });
    }
    return consistencyProof(from, to, stratumReader(this.db, org.id), nodeTreeHasher);
  }

  /** The parts fsck and export need. */
  internals(): StoreParts<S, C, E, X> {
    return this.parts;
  }

  /**
   * Waits for every queued command to be answered, then closes the database and frees
   * the data directory. Later calls throw STORE_CLOSED. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.logs.values()].map((log) => log.idle()));
    await this.parts.shutdown();
  }

  private async log(slug: string): Promise<OrgLog<S, C, E, X>> {
    this.assertOpen();
    const existing = this.logs.get(slug);
    if (existing) return existing;
    const org = await this.organisation(slug);
    let log = this.logs.get(slug);
    if (!log) {
      log = new OrgLog({
        db: this.db,
        domain: this.domain,
        org,
        signer: logSigner(this.parts.key, org.origin).signer,
        failpoint: this.parts.failpoint,
        maxBatch: this.parts.maxBatch,
      });
      this.logs.set(slug, log);
    }
    return log;
  }

  private assertOpen(): void {
    if (this.closed) throw storeError('STORE_CLOSED');
  }
}

function toOrganisation(row: {
  id: number;
  slug: string;
  origin: string;
  created_at: number;
}): Organisation {
  return { id: row.id, slug: row.slug, origin: row.origin, createdAt: Number(row.created_at) };
}
