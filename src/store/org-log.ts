import type { Kysely } from 'kysely';
import { SovietError } from '../errors/soviet-error.js';
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

  /**
   * Commits one batch and answers its commands. Isolation (issue 14): when the
   * transaction fails, nothing of it was written, so the batch is split in halves and
   * each is tried again on its own: a command that cannot be appended (e.g. text the
   * database refuses) fails alone, and the others commit and are answered. A failure
   * after the commit is never retried (the events are in the log).
   */
  private async commitBatch(batch: readonly Pending<C, E, X>[]): Promise<void> {
    const refusals = new Map<Pending<C, E, X>, unknown>();
    const caught: { memory?: Memory<S> } = {};
    let outcome: { memory: Memory<S>; decided: Decided<C, E, X>[] };
    try {
      outcome = await this.appendTransaction(batch, refusals, caught);
    } catch (error) {
      // Rolled back: nothing of this batch was written. What we caught up on had been
      // committed by another process, so it may stay.
      if (caught.memory) this.memory = caught.memory;
      if (batch.length > 1 && !isInconsistency(error)) {
        const half = Math.ceil(batch.length / 2);
        await this.commitBatch(batch.slice(0, half));
        await this.commitBatch(batch.slice(half));
        return;
      }
      for (const pending of batch) pending.reject(refusals.get(pending) ?? error);
      return;
    }
    try {
      await this.step('committed');
    } catch (error) {
      for (const pending of batch) pending.reject(refusals.get(pending) ?? error);
      return;
    }
    // Committed: only now does memory change, and are the commands answered.
    this.memory = outcome.memory;
    const { checkpoint, tree } = outcome.memory;
    for (const d of outcome.decided) {
      d.pending.resolve({ events: d.events, firstSeq: d.firstSeq, size: tree.size, checkpoint });
    }
    for (const [pending, error] of refusals) pending.reject(error);
  }

  private async step(name: AppendStep | 'committed'): Promise<void> {
    if (this.deps.failpoint) await this.deps.failpoint(name, this.deps.org.slug);
  }

  /**
   * The append transaction of one batch: decides each command against the state that
   * includes the earlier ones (a refusal goes to `refusals` and writes nothing), then
   * writes everything and the signed checkpoint. Memory is not touched.
   */
  private appendTransaction(
    batch: readonly Pending<C, E, X>[],
    refusals: Map<Pending<C, E, X>, unknown>,
    caught: { memory?: Memory<S> },
  ): Promise<{ memory: Memory<S>; decided: Decided<C, E, X>[] }> {
    const { db, domain, org, signer } = this.deps;
    const step = (name: AppendStep) => this.step(name);
    return db.transaction().execute(async (tx) => {
      const head = await this.readHead(tx, true);
      await step('head-locked');
      const base =
        this.memory.loaded && head.size === this.memory.tree.size
          ? this.memory
          : await this.catchUp(tx, this.memory, head);
      caught.memory = base;

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
      await writeDirectory(tx, org.id, entries);
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

      for (const d of decided) {
        const { alsoWrite } = d.pending.ctx;
        if (alsoWrite)
          await alsoWrite(tx, {
            events: d.events,
            firstSeq: d.firstSeq,
            size: tree.size,
            checkpoint,
          });
      }

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
   * (appended by another process, or all of them on first use: the start-up check) and
   * evolves them. Issue 14: the entries it reads are checked against the last signed
   * checkpoint, cheaply (hashing, no second replay): each leaf hash is recomputed from
   * the entry's bytes and must equal the stored one, the root folded from them must be
   * the checkpoint's, and the checkpoint's signature must verify. A log that fails is
   * refused with LOG_ALTERED, and stays refused (memory is not loaded).
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
    const altered = (reason: string) => storeError('LOG_ALTERED', { org: org.slug, reason });
    let signed: Checkpoint;
    try {
      signed = this.openOwnCheckpoint(head.checkpoint);
    } catch (error) {
      throw altered(error instanceof Error ? error.message : String(error));
    }
    let state = memory.loaded ? memory.state : domain.initial();
    let tree = memory.loaded ? memory.tree : EMPTY_TREE_STATE;
    let root = memory.loaded ? memory.root : nodeTreeHasher.emptyRoot();
    const fold = (leaves: { computed: Uint8Array; stored: Uint8Array }[]) => {
      const at = leaves.findIndex((l) => !sameBytes(l.computed, l.stored));
      if (at >= 0) throw altered(`entry ${tree.size + at} does not match its leaf hash`);
      const appended = appendLeaves(
        tree,
        leaves.map((l) => l.computed),
        nodeTreeHasher,
      );
      tree = appended.state;
      root = appended.root;
    };
    for await (const chunk of readLoggedEnvelopes(db, org.id, from, head.size, fold)) {
      for (const logged of chunk) state = domain.evolve(state, domain.revive(logged));
    }
    if (signed.size !== head.size || !sameBytes(signed.rootHash, root)) {
      throw altered('the root of the stored entries is not the signed one');
    }
    const stored = stateRoot(
      { size: head.size, frontier: decodeFrontier(head.compact_range) },
      nodeTreeHasher,
    );
    if (!sameBytes(stored, root)) throw altered('the stored head is not the signed one');
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** A log that does not match its signed checkpoint: retrying a part of the batch cannot help. */
function isInconsistency(error: unknown): boolean {
  return (
    error instanceof SovietError &&
    (error.code === 'LOG_INCONSISTENT' || error.code === 'LOG_ALTERED')
  );
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

/**
 * The private member directory's part of a commit (docs/design/record.md, "Personal
 * data"): the personal facts the entries commit to, and the erasures they record, in
 * the same transaction as the entries, so that no name is ever acknowledged without its
 * entry nor survives the entry that erases it.
 */
async function writeDirectory(
  tx: Kysely<StoreDatabase>,
  orgId: number,
  entries: readonly PreparedEntry[],
): Promise<void> {
  const rows = entries.flatMap((e) =>
    (e.personal ?? []).map((p) => ({ org_id: orgId, seq: e.seq, ...p })),
  );
  if (rows.length > 0)
    await insertChunks(rows, (chunk) => tx.insertInto('personal_data').values(chunk).execute());
  const erased = entries.flatMap((e) => e.erases ?? []);
  if (erased.length > 0) {
    await tx
      .deleteFrom('personal_data')
      .where('org_id', '=', orgId)
      .where('subject', 'in', erased)
      .execute();
    await tx
      .deleteFrom('name_choices')
      .where('org_id', '=', orgId)
      .where('member_id', 'in', erased)
      .execute();
  }
}
