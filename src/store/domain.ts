import type { Kysely } from 'kysely';
import type { JsonObject, JsonValue } from '../record/index.js';
import type { StoreDatabase } from './schema.js';

/**
 * How one event appears on the record. `type` names a catalogue event type (never
 * renamed or reused, RECORD.md "Entries"); `actor` is the acting member's id, or
 * `"system"`; `data` is published. `secret` is kept by the server and never published (e.g.
 * who voted, RECORD.md "Secret ballots"), but is needed to replay the event.
 */
export interface Envelope {
  readonly type: string;
  readonly actor: string;
  readonly data: JsonObject;
  readonly secret?: JsonValue;
  /**
   * Personal facts the entry commits to (docs/design/record.md, "Personal data"): written
   * to the private directory in the entry's transaction, never logged, never replayed.
   */
  readonly personal?: readonly PersonalRecord[];
  /** Subjects whose directory rows this event erases (crypto-shredding), in its transaction. */
  readonly erases?: readonly string[];
}

/** A personal fact about `subject`, with the salt of the entry's commitment to it. */
export interface PersonalRecord {
  readonly subject: string;
  readonly field: string;
  readonly value: string;
  readonly salt: string;
}

/** An envelope as read back from the log, with the place and time the store gave it. */
export interface LoggedEnvelope extends Envelope {
  readonly seq: number;
  /** Unix time in milliseconds: the `now` of the command that produced the event. */
  readonly time: number;
}

/** A tree head: a size and its RFC 6962 root hash. */
export interface TreeHead {
  readonly size: number;
  readonly root: Uint8Array;
}

/**
 * What the caller of `store.execute` supplies with a command: the time, plus whatever
 * the domain needs from outside (e.g. the acting member, fresh entropy), `X`.
 */
export type ExecuteContext<X extends object = object> = X & {
  /** Unix time in milliseconds (from the caller's clock: the pure core reads no clock). */
  readonly now: number;
  /**
   * What the caller must store with the command's events, atomically (e.g. an
   * idempotency record with its answer, the founder's account link): called inside the
   * append transaction that commits them, after the checkpoint is signed, with the
   * acknowledgement the caller will get; never for a refused command. If it throws, the
   * transaction rolls back and the command fails alone (the rest of its batch is retried
   * without it).
   */
  readonly alsoWrite?: AlsoWrite;
};

/** See `ExecuteContext.alsoWrite`. */
export type AlsoWrite = (tx: Kysely<StoreDatabase>, executed: Executed<unknown>) => Promise<void>;

/** What `decide` may know beyond the state: the caller's context, and the log. */
export type DecideContext<X extends object = object> = ExecuteContext<X> & {
  readonly org: string;
  /** The log just before this command's events (earlier commands of its batch included). */
  readonly head: TreeHead;
  /** The latest signed checkpoint before this command's batch (e.g. a seed for draws). */
  readonly signed: TreeHead;
};

/** Where an event lands, for projections. */
export interface ProjectionContext {
  readonly orgId: number;
  readonly org: string;
  readonly seq: number;
  readonly time: number;
}

/**
 * A domain the store can run: the pure decide/evolve core plus how its events are
 * logged and projected. The store is generic over it (ARCHITECTURE.md "One command
 * becomes one transaction").
 *
 * Contracts:
 * - `decide` is pure: it returns the events of `command` against `state` (possibly
 *   none) or throws a SovietError refusal. It must not mutate `state`.
 * - `evolve` is pure and total over events `decide` produced: it returns the next state
 *   and must not mutate its input (the store keeps the old state until commit).
 * - `revive(envelope(e) + seq/time)` must give back an event equal to `e` for replay:
 *   the log (plus private data) is the source of truth and the tables are projections.
 * - `project` (or `projectBatch`) writes the projection rows inside the append transaction `tx`
 *   (never another connection). Every projection table listed in `projectionTables` has
 *   an `org_id` column; `soviet fsck` rebuilds those rows from the log and compares.
 *   Use `tx.withTables<YourTables>()` to type the domain's own tables.
 */
export interface Domain<S, C, E, X extends object = object> {
  readonly name: string;
  initial(): S;
  decide(state: S, command: C, ctx: DecideContext<X>): readonly E[];
  evolve(state: S, event: E): S;
  envelope(event: E): Envelope;
  revive(logged: LoggedEnvelope): E;
  project?(tx: Kysely<StoreDatabase>, event: E, at: ProjectionContext): Promise<void>;
  /**
   * Optional, for speed: projects consecutive events at once (a batch's worth), e.g. with
   * one multi-row statement per table instead of one per event. It must write exactly
   * what `project` on each event in order would; fsck replays in other groupings and
   * compares. When present the store calls it instead of `project`.
   */
  projectBatch?(
    tx: Kysely<StoreDatabase>,
    items: readonly { readonly event: E; readonly at: ProjectionContext }[],
  ): Promise<void>;
  readonly projectionTables?: readonly string[];
}

/** The acknowledgement of a committed command. */
export interface Executed<E> {
  readonly events: readonly E[];
  /** The sequence number of the first event (when there are events). */
  readonly firstSeq: number;
  /** The log size after the commit that included this command. */
  readonly size: number;
  /** The checkpoint signed by that commit. */
  readonly checkpoint: string;
}
