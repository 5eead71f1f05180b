import type { Kysely } from 'kysely';
import {
  appendLeaves,
  assertConsistentBeforeSigning,
  type Checkpoint,
  consistencyProof,
  EMPTY_TREE_STATE,
  type NoteSigner,
  nodeEd25519,
  nodeTreeHasher,
  openCheckpoint,
  type StratumHash,
  signCheckpoint,
  stateRoot,
  type TreeState,
  verifierOf,
} from '../record/index.js';
import type { Domain, ExecuteContext, Executed, ProjectionContext, TreeHead } from './domain.js';
import { storeError } from './errors.js';
import type { AppendStep, Failpoint } from './failpoint.js';
import { stratumReader } from './log-reader.js';
import { type PreparedEntry, prepareEntry } from './logged-entry.js';
import { readLoggedEnvelopes } from './read-events.js';
import type { StoreDatabase } from './schema.js';

/** An organisation: its log's identity. */
export interface Organisation {
  readonly id: number;
  /** The name in URLs and commands. */
  readonly slug: string;
  /** The C2SP checkpoint origin and signing key name of its log. */
  readonly origin: string;
  readonly createdAt: number;
}

/** What this process knows of a log, as of its last commit or catch-up. */
interface Memory<S> {
  readonly loaded: boolean;
  readonly state: S;
  readonly tree: TreeState;
  readonly root: Uint8Array;
  /** The latest signed checkpoint (note text) and its tree head. */
  readonly checkpoint: string;
  readonly signed: TreeHead;
}

interface Pending<C, E, X extends object> {
  readonly command: C;
  readonly ctx: ExecuteContext<X>;
  resolve(result: Executed<E>): void;
  reject(error: unknown): void;
}

interface Decided<C, E, X extends object> {
  readonly pending: Pending<C, E, X>;
  readonly events: readonly E[];
  readonly firstSeq: number;
}

export interface OrgLogDeps<S, C, E, X extends object> {
  readonly db: Kysely<StoreDatabase>;
  readonly domain: Domain<S, C, E, X>;
  readonly org: Organisation;
  readonly signer: NoteSigner;
  readonly failpoint?: Failpoint | undefined;
  /** The most commands one transaction takes. */
  readonly maxBatch: number;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1000;

/**
 * The append path of one organisation's log, generic over the domain.
 *
 * Sequencing: every change to this log in this process runs on one lane, one at a time.
 * Commands that arrive while a commit is in flight queue up and share the next
 * transaction (group commit): each is decided in order against the state that includes
 * the earlier ones' events; a refused one is answered with its refusal and writes
 * nothing, while the rest commit. Across processes (several servers on one PostgreSQL)
 * the transaction locks the head row (`SELECT … FOR UPDATE`), and a process whose memory
 * is behind the head catches up by reading and evolving the missing events first.
 *
 * Atomicity (RECORD.md "Invariants"): the events' entries, blobs, private data and
 * projections, the new stratum hashes, the signed checkpoint and the head are written in
 * one transaction; memory changes only after it commits. A checkpoint is signed only
 * after checking its consistency with the last one, by a proof read from the stored tree.
 */
export class OrgLog<S, C, E, X extends object> {
  private memory: Memory<S>;
  private queue: Pending<C, E, X>[] = [];
  private scheduled = false;
  private lane: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OrgLogDeps<S, C, E, X>) {
    this.memory = {
      loaded: false,
      state: deps.domain.initial(),
      tree: EMPTY_TREE_STATE,
      root: nodeTreeHasher.emptyRoot(),
      checkpoint: '',
      signed: { size: 0, root: nodeTreeHasher.emptyRoot() },
    };
  }

  /** Decides and appends one command; resolves after its transaction commits. */
  execute(command: C, ctx: ExecuteContext<X>): Promise<Executed<E>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ command, ctx, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        void this.serial(() => this.drain());
      }
    });
  }

  /** The state as of the log's current head (catching up with other processes first). */
  async state(): Promise<S> {
    return (await this.snapshot()).state;
  }

  /** The state as of the log's current head, with the log size it reflects. */
  snapshot(): Promise<{ readonly state: S; readonly size: number }> {
    return this.serial(async () => {
      const head = await this.readHead(this.deps.db, false);
      if (!this.memory.loaded || head.size !== this.memory.tree.size) {
        this.memory = await this.catchUp(this.deps.db, this.memory, head);
      }
      return { state: this.memory.state, size: this.memory.tree.size };
    });
  }

  /** Resolves when every queued command has been answered. */
  idle(): Promise<void> {
    return this.serial(async () => {});
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lane.then(task, task);
    this.lane = run.catch(() => {});
    return run;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.deps.maxBatch);
        await this.commitBatch(batch);
      }
    } finally {
      this.scheduled = false;
    }
  }

  private async commitBatch(batch: readonly Pending<C, E, X>[]): Promise<void> {
    const { db, domain, org, signer } = this.deps;
    const step = async (name: AppendStep | 'committed') => {
      if (this.deps.failpoint) await this.deps.failpoint(name, org.slug);
    };
    const refusals = new Map<Pending<C, E, X>, unknown>();
    let caughtUp: Memory<S> | undefined;
    try {
      const outcome = await db.transaction().execute(async (tx) => {
        const head = await this.readHead(tx, true);
        await step('head-locked');
        const base =
          this.memory.loaded && head.size === this.memory.tree.size
            ? this.memory
            : await this.catchUp(tx, this.memory, head);
        caughtUp = base;

        // Decide each command in order against the state including the earlier ones.
        let state = base.state;
        let tree = base.tree;
        let root = base.root;
        const entries: PreparedEntry[] = [];
        const projections: { event: E; seq: number; time: number }[] = [];
        const strata: StratumHash[] = [];
        const decided: Decided<C, E, X>[] = [];
        for (const pending of batch) {
          try {
            const events = domain.decide(state, pending.command, {
              ...pending.ctx,
              org: org.slug,
              head: { size: tree.size, root },
              signed: base.signed,
            });
            let next = state;
            const prepared: PreparedEntry[] = [];
            events.forEach((event, i) => {
              next = domain.evolve(next, event);
              prepared.push(prepareEntry(domain.envelope(event), tree.size + i, pending.ctx.now));
            });
            const appended = appendLeaves(
              tree,
              prepared.map((p) => p.leafHash),
              nodeTreeHasher,
            );
            decided.push({
              pending,
              events,
              firstSeq: tree.size,
            });
            events.forEach((event, i) => {
              projections.push({ event, seq: tree.size + i, time: pending.ctx.now });
            });
            entries.push(...prepared);
            strata.push(...appended.completed.filter((h) => h.stratum > 0));
            state = next;
            tree = appended.state;
            root = appended.root;
          } catch (error) {
            refusals.set(pending, error);
          }
        }
        if (entries.length === 0) {
          return { memory: base, decided };
        }

        await insertChunks(entries, (chunk) =>
          tx
            .insertInto('log_entries')
            .values(
              chunk.map((e) => ({
                org_id: org.id,
                seq: e.seq,
                entry: e.bytes,
                leaf_hash: e.leafHash,
              })),
            )
            .execute(),
        );
        await step('entries-written');

        const blobs = entries.flatMap((e) => (e.blob ? [e.blob] : []));
        if (blobs.length > 0) {
          await insertChunks(blobs, (chunk) =>
            tx
              .insertInto('blobs')
              .values(chunk.map((b) => ({ org_id: org.id, sha256: b.sha256, content: b.content })))
              .onConflict((oc) => oc.columns(['org_id', 'sha256']).doNothing())
              .execute(),
          );
        }
        await step('blobs-written');

        const secrets = entries.flatMap((e) => (e.secret === undefined ? [] : [e]));
        if (secrets.length > 0) {
          await insertChunks(secrets, (chunk) =>
            tx
              .insertInto('private_data')
              .values(chunk.map((e) => ({ org_id: org.id, seq: e.seq, data: e.secret as string })))
              .execute(),
          );
        }
        await step('private-written');

        await project(
          domain,
          tx,
          projections.map(({ event, seq, time }) => ({
            event,
            at: { orgId: org.id, org: org.slug, seq, time },
          })),
        );
        await step('projected');

        if (strata.length > 0) {
          await insertChunks(strata, (chunk) =>
            tx
              .insertInto('log_strata')
              .values(
                chunk.map((h) => ({
                  org_id: org.id,
                  level: h.stratum,
                  idx: h.index,
                  hash: h.hash,
                })),
              )
              .execute(),
          );
        }
        await step('strata-written');

        // Never sign two inconsistent checkpoints: prove the new tree extends the last
        // signed one, from the hashes now stored (not from the frontier we just used).
        const previous = this.openOwnCheckpoint(base.checkpoint);
        const next: Checkpoint = {
          origin: org.origin,
          size: tree.size,
          rootHash: root,
          extensions: [],
        };
        const proof =
          previous.size === 0
            ? []
            : await consistencyProof(
                previous.size,
                tree.size,
                stratumReader(tx, org.id),
                nodeTreeHasher,
              );
        try {
          assertConsistentBeforeSigning(previous, next, proof, nodeTreeHasher);
        } catch (error) {
          throw storeError('LOG_INCONSISTENT', {
            org: org.slug,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        const checkpoint = signCheckpoint(next, [signer], nodeEd25519);
        const now = batch[batch.length - 1]?.ctx.now ?? 0;
        await tx
          .insertInto('log_checkpoints')
          .values({ org_id: org.id, size: tree.size, checkpoint, created_at: now })
          .execute();
        await step('checkpoint-written');

        await tx
          .updateTable('log_heads')
          .set({
            size: tree.size,
            root,
            compact_range: encodeFrontier(tree.frontier),
            checkpoint,
            updated_at: now,
          })
          .where('org_id', '=', org.id)
          .execute();
        await step('head-written');

        const memory: Memory<S> = {
          loaded: true,
          state,
          tree,
          root,
          checkpoint,
          signed: { size: tree.size, root },
        };
        return { memory, decided };
      });
      await step('committed');
      // Committed: only now does memory change, and are the commands answered.
      this.memory = outcome.memory;
      const { checkpoint, tree } = outcome.memory;
      for (const d of outcome.decided) {
        d.pending.resolve({ events: d.events, firstSeq: d.firstSeq, size: tree.size, checkpoint });
      }
      for (const [pending, error] of refusals) pending.reject(error);
    } catch (error) {
      // Rolled back: nothing of this batch was written. What we caught up on had been
      // committed by another process, so it may stay.
      if (caughtUp) this.memory = caughtUp;
      for (const pending of batch) pending.reject(refusals.get(pending) ?? error);
    }
  }

  private openOwnCheckpoint(text: string): Checkpoint {
    return openCheckpoint(text, verifierOf(this.deps.signer), nodeEd25519, this.deps.org.origin)
      .checkpoint;
  }

  private async readHead(db: Kysely<StoreDatabase>, lock: boolean): Promise<HeadRow> {
    let query = db
      .selectFrom('log_heads')
      .select(['size', 'root', 'compact_range', 'checkpoint'])
      .where('org_id', '=', this.deps.org.id);
    if (lock) query = query.forUpdate();
    const head = await query.executeTakeFirst();
    if (!head) throw storeError('ORG_NOT_FOUND', { org: this.deps.org.slug });
    return { ...head, size: Number(head.size) };
  }

  /**
   * Brings memory up to the stored head: reads the entries this process has not seen
   * (appended by another process, or all of them on first use) and evolves them.
   */
  private async catchUp(
    db: Kysely<StoreDatabase>,
    memory: Memory<S>,
    head: HeadRow,
  ): Promise<Memory<S>> {
    const { domain, org } = this.deps;
    const from = memory.loaded ? memory.tree.size : 0;
    if (from > head.size) {
      throw storeError('LOG_INCONSISTENT', {
        org: org.slug,
        reason: `this process has seen ${from} entries but the database holds ${head.size}`,
      });
    }
    let state = memory.loaded ? memory.state : domain.initial();
    for await (const chunk of readLoggedEnvelopes(db, org.id, from, head.size)) {
      for (const logged of chunk) state = domain.evolve(state, domain.revive(logged));
    }
    const tree: TreeState = { size: head.size, frontier: decodeFrontier(head.compact_range) };
    const root = stateRoot(tree, nodeTreeHasher);
    const signed = this.openOwnCheckpoint(head.checkpoint);
    if (signed.size !== head.size || !Buffer.from(signed.rootHash).equals(Buffer.from(root))) {
      throw storeError('LOG_INCONSISTENT', {
        org: org.slug,
        reason: 'the stored head does not match its signed checkpoint',
      });
    }
    return {
      loaded: true,
      state,
      tree,
      root,
      checkpoint: head.checkpoint,
      signed: { size: head.size, root },
    };
  }
}

interface HeadRow {
  readonly size: number;
  readonly root: Uint8Array;
  readonly compact_range: Uint8Array;
  readonly checkpoint: string;
}

/** The frontier as stored in `log_heads.compact_range`: 32-byte hashes, concatenated. */
export function encodeFrontier(frontier: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(frontier.length * 32);
  frontier.forEach((hash, i) => {
    out.set(hash, i * 32);
  });
  return out;
}

export function decodeFrontier(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i + 32 <= bytes.length; i += 32) out.push(bytes.slice(i, i + 32));
  return out;
}

/** Runs the domain's projections of consecutive events: batched when it can, else one by one. */
export async function project<E>(
  domain: Pick<Domain<unknown, unknown, E>, 'project' | 'projectBatch'>,
  tx: Kysely<StoreDatabase>,
  items: readonly { readonly event: E; readonly at: ProjectionContext }[],
): Promise<void> {
  if (items.length === 0) return;
  if (domain.projectBatch) {
    await domain.projectBatch(tx, items);
  } else if (domain.project) {
    for (const { event, at } of items) await domain.project(tx, event, at);
  }
}

async function insertChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}
