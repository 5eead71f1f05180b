/**
 * Where the frozen event catalogue lives and how the code's side of it is gathered: the
 * I/O around the pure checks of frozen-catalogue.ts, shared by the test and the script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { EventKind } from '../../src/democracy/events/index.js';
import { eventVersion } from '../../src/democracy/events/versions.js';
import { ENTRY_VERSION } from '../../src/record/entry.js';
import { describeLiveEvents } from './describe-events.js';
import type { FrozenCatalogue, LiveCatalogue } from './frozen-catalogue.js';

export const FROZEN_CATALOGUE = new URL(
  '../../src/democracy/events/frozen-catalogue.json',
  import.meta.url,
);

/** The file's preamble, written once when it is created; entries follow. */
export const ABOUT: readonly string[] = [
  'The frozen event catalogue: every (type, version) of democracy event ever written, with its fields. Append-only (docs/design/record.md, "Entries").',
  'fields: every field of the event but `kind` (its type), `?` when optional, described from the TypeScript declarations (scripts/event-catalogue/describe-events.ts). `secret` is kept privately by the store and `personal` goes to the member directory: neither is logged.',
  'entryFormat: the entry format `v` this version is written from. digest: SHA-256(previous digest || RFC 8785 JSON of the entry without digest).',
  'Append new types and versions with `npm run events:freeze`; never edit an entry. test/democracy/frozen-catalogue.test.ts holds the code to it.',
];

export function readFrozenCatalogue(): FrozenCatalogue {
  return JSON.parse(readFileSync(FROZEN_CATALOGUE, 'utf8')) as FrozenCatalogue;
}

export function writeFrozenCatalogue(catalogue: FrozenCatalogue): void {
  writeFileSync(FROZEN_CATALOGUE, `${JSON.stringify(catalogue, null, 2)}\n`);
}

/** The code's events (through the compiler: about a second), versions and entry format. */
export function liveCatalogue(): LiveCatalogue {
  return {
    events: describeLiveEvents(),
    versionOf: (type) => eventVersion(type as EventKind),
    entryFormat: ENTRY_VERSION,
  };
}
