import type { EventKind } from './index.js';

/**
 * Each event type's schema version, where it is not 1. A type's fields, once on a log,
 * never change (docs/design/record.md, "Entries"): a change of fields is a new version,
 * declared here, written from a new entry format `v` (src/record/entry.ts), with the old
 * version still read by `eventOf`, and appended to the frozen catalogue
 * (src/democracy/events/frozen-catalogue.json, `npm run events:freeze`), whose test
 * (test/democracy/frozen-catalogue.test.ts) holds the code to every version it lists.
 */
export const EVENT_VERSIONS: Readonly<Partial<Record<EventKind, number>>> = {};

/** The version of `kind` that the code writes now. */
export const eventVersion = (kind: EventKind): number => EVENT_VERSIONS[kind] ?? 1;
