import { EVENT_CATALOGUE } from '../../democracy/index.js';
import type { JsonObject } from '../../record/index.js';

/** One entry of the log as anyone may read it: never the private part of an event. */
export interface RecordEntry {
  readonly seq: number;
  /** ISO 8601, as logged. */
  readonly time: string;
  readonly type: string;
  /** The acting member, or "system" (the server, and every secret ballot). */
  readonly actor: string;
  readonly data: JsonObject;
  /** The catalogue's meaning of the type (docs/events.md). */
  readonly meaning: string;
}

/**
 * An organisation's record (RECORD.md): how to verify it and a page of its entries.
 * `soviet verify <server>/api/v1/orgs/<org>/log --origin <origin> --key <vkey>` checks it.
 */
export interface RecordView {
  readonly org: string;
  readonly origin: string;
  readonly vkey: string;
  readonly size: number;
  /** The latest signed checkpoint (C2SP tlog-checkpoint as a signed note). */
  readonly checkpoint: string;
  /** Entries [from, from + entries.length), oldest first. */
  readonly from: number;
  readonly entries: readonly RecordEntry[];
}

const MEANINGS: ReadonlyMap<string, string> = new Map(
  EVENT_CATALOGUE.flatMap(({ meanings }) => Object.entries(meanings)),
);

export function meaningOf(type: string): string {
  return MEANINGS.get(type) ?? '';
}
