import {
  type ActProof,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  envelopeOf,
  eventOf,
  evolve,
  initialState,
  type OrgState,
} from '../democracy/index.js';
import { type JsonObject, type JsonValue, SYSTEM_ACTOR, toHex } from '../record/index.js';
import type { Domain, Envelope, LoggedEnvelope } from './domain.js';
import { projectDemocracyBatch } from './projections/project-batch.js';
import { projectDemocracyEvent } from './projections/project-event.js';
import { DEMOCRACY_TABLES } from './projections/tables.js';
import { TREASURY_TABLES } from './projections/treasury-tables.js';
import type { Store } from './store.js';

/**
 * What the caller of `store.execute` brings to a democracy command besides the time:
 * the acting member (or `'system'` for `AdvanceTime`) and fresh randomness for ballot
 * receipts and invitation tokens (≥ 128 bits, hex; democracy/secrets.ts).
 */
export interface DemocracyContext {
  readonly actor: string;
  readonly entropy: string;
  /** The member's signed act, its signature checked by the service (democracy/acts.ts). */
  readonly act?: ActProof;
}

/** A store running the democracy domain. */
export type DemocracyStore = Store<OrgState, DemocracyCommand, DemocracyEvent, DemocracyContext>;

/**
 * The democracy domain (src/democracy) on the store (ARCHITECTURE.md, "One command
 * becomes one transaction"):
 *
 * - `decide` runs the pure core with the caller's actor and entropy, and as `seed` the
 *   hex root of the log's latest SIGNED checkpoint before the command's batch (RULES.md,
 *   Elections: "a draw seeded from the log's signed checkpoint at the close of voting"),
 *   which anyone holding that checkpoint can reproduce.
 * - `envelope` logs each event as `{ type, actor, data }`, with the event's `secret`
 *   (who cast a secret ballot, the receipt, the ballot) kept by the store in private
 *   data, never in the entry (RECORD.md, "Secret ballots on a public record"). Events
 *   with no public actor (the system, a secret ballot) are logged with actor `system`.
 * - `revive` gives the event back from the entry and its private part: replaying the
 *   log reproduces the state exactly.
 * - `project` writes the SQL projections (store/projections) in the same transaction;
 *   `projectBatch` writes the same rows with fewer statements for a commit's worth.
 */
export const democracyDomain: Domain<OrgState, DemocracyCommand, DemocracyEvent, DemocracyContext> =
  {
    name: 'democracy',
    initial: initialState,
    decide(state, command, ctx) {
      return decide(state, command, {
        now: ctx.now,
        actor: ctx.actor,
        entropy: ctx.entropy,
        seed: toHex(ctx.signed.root),
        ...(ctx.act ? { act: ctx.act } : {}),
      });
    },
    evolve,
    envelope(event): Envelope {
      const e = envelopeOf(event);
      return {
        type: e.type,
        actor: e.actor ?? SYSTEM_ACTOR,
        data: e.data as JsonObject,
        ...(e.secret === undefined ? {} : { secret: e.secret as JsonValue }),
        ...(e.personal === undefined ? {} : { personal: e.personal }),
        ...(event.kind === 'MemberErased' ? { erases: [event.memberId] } : {}),
      };
    },
    revive(logged: LoggedEnvelope): DemocracyEvent {
      return eventOf({
        type: logged.type,
        actor: logged.actor,
        data: logged.data,
        ...(logged.secret === undefined ? {} : { secret: logged.secret }),
      });
    },
    project: projectDemocracyEvent,
    projectBatch: projectDemocracyBatch,
    projectionTables: [...DEMOCRACY_TABLES, ...TREASURY_TABLES],
  };
