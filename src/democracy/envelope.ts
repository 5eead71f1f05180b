import { democracyError } from './errors.js';
import { type DemocracyEvent, EVENT_KINDS } from './events/index.js';
import type { PersonalFact } from './personal.js';

/** A JSON value, as an entry's data and secret hold it (RFC 8785 input). */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [key: string]: Json };

/**
 * How an event is written on the record: `type` is its catalogue kind, `actor` the
 * member who acted in public (null for the system, and for a secret ballot, whose voter
 * is private), `data` the public fields, `secret` what the store keeps privately
 * (RECORD.md, "Secret ballots on a public record"). Shaped like the store's `Envelope`.
 */
export interface EventEnvelope {
  readonly type: string;
  readonly actor: string | null;
  readonly data: Json;
  readonly secret?: Json;
  /** Personal facts for the private member directory (personal.ts): never logged. */
  readonly personal?: readonly PersonalFact[];
}

export function envelopeOf(event: DemocracyEvent): EventEnvelope {
  const { kind, secret, personal, ...data } = event as DemocracyEvent & {
    secret?: unknown;
    personal?: readonly PersonalFact[];
  };
  const actor = 'by' in event && typeof event.by === 'string' ? event.by : null;
  return {
    type: kind,
    actor,
    data: data as unknown as Json,
    ...(secret === undefined ? {} : { secret: secret as Json }),
    ...(personal === undefined ? {} : { personal }),
  };
}

/**
 * The event back from its envelope (a replay from the log, with or without the private
 * secrets). Refuses an unknown type: the catalogue never loses a name.
 */
export function eventOf(envelope: EventEnvelope): DemocracyEvent {
  if (!EVENT_KINDS.has(envelope.type))
    throw democracyError('BAD_COMMAND', { reason: `unknown event type ${envelope.type}` });
  const data = envelope.data as Record<string, unknown>;
  const event: Record<string, unknown> = { kind: envelope.type, ...data };
  if (envelope.secret !== undefined) event.secret = envelope.secret;
  return event as unknown as DemocracyEvent;
}

/** The public part of an event: what anyone with the log sees. */
export function publicPart(event: DemocracyEvent): DemocracyEvent {
  return withoutPersonal(withoutSecret(event));
}

function withoutSecret(event: DemocracyEvent): DemocracyEvent {
  if (!('secret' in event) || event.secret === undefined) return event;
  const { secret: _secret, ...rest } = event;
  return rest as DemocracyEvent;
}

/** The event as a replay of the log gives it back: without its directory facts. */
export function withoutPersonal(event: DemocracyEvent): DemocracyEvent {
  if (!('personal' in event) || event.personal === undefined) return event;
  const { personal: _personal, ...rest } = event;
  return rest as DemocracyEvent;
}
