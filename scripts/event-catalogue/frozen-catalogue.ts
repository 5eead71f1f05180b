/**
 * The frozen event catalogue (src/democracy/events/frozen-catalogue.json): every
 * (type, version) that has ever been written, with its fields, in the order frozen. It
 * only grows (docs/design/record.md, "Entries"):
 *
 * - an existing (type, version) never changes its fields, and a type is never removed or
 *   renamed;
 * - a new type is appended at version 1; a new version n + 1 of a type is appended after
 *   version n, which stays listed forever, and is written from a later entry format `v`
 *   than version n (entries do not name their type's version: a reader tells versions
 *   apart by the entry format);
 * - each entry's `digest` chains it to the one before (SHA-256 of the previous digest
 *   and the entry's RFC 8785 canonical JSON), so an old version edited, dropped or moved
 *   is caught even though no live code describes it any more.
 *
 * Pure: `checkFrozen` compares, `appendLive` extends; the file I/O is the caller's.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/record/canonical-json.js';
import type { LiveEvent } from './describe-events.js';

export interface FrozenEntry {
  readonly type: string;
  readonly version: number;
  /** The entry format `v` (src/record/entry.ts `ENTRY_VERSION`) this version is written from. */
  readonly entryFormat: number;
  /** Field name (`?` when optional) → type; `kind` is the type itself. */
  readonly fields: Readonly<Record<string, string>>;
  readonly digest: string;
}

export interface FrozenCatalogue {
  readonly about: readonly string[];
  readonly entries: readonly FrozenEntry[];
}

/** `unfrozen`: appending fixes it (`npm run events:freeze`); `broken`: nothing may fix it but the code. */
export interface Problem {
  readonly kind: 'unfrozen' | 'broken';
  readonly message: string;
}

/** What the code says now: its events' fields, their versions, and the entry format it writes. */
export interface LiveCatalogue {
  readonly events: readonly LiveEvent[];
  readonly versionOf: (type: string) => number;
  readonly entryFormat: number;
}

export const FREEZE_COMMAND = 'npm run events:freeze';

export function digestOf(previous: string, entry: Omit<FrozenEntry, 'digest'>): string {
  const { type, version, entryFormat, fields } = entry;
  const text = canonicalJson({ type, version, entryFormat, fields });
  return createHash('sha256').update(previous).update(text).digest('hex');
}

/** Every way in which the code and the frozen catalogue disagree; none means in step. */
export function checkFrozen(frozen: FrozenCatalogue, live: LiveCatalogue): Problem[] {
  const problems = [...checkChain(frozen.entries), ...checkVersions(frozen.entries, live)];
  const liveTypes = new Set(live.events.map((e) => e.type));
  for (const type of new Set(frozen.entries.map((e) => e.type)))
    if (!liveTypes.has(type))
      problems.push(
        broken(
          `${type} is frozen but no event of the code has that type: a type is never removed or renamed (docs/design/record.md, "Entries"); restore it`,
        ),
      );
  for (const event of live.events) problems.push(...checkEvent(frozen.entries, live, event));
  return problems;
}

/**
 * The catalogue with every unfrozen (type, version) of the code appended, or an error
 * listing what appending cannot fix. Never changes an entry already there.
 */
export function appendLive(
  frozen: FrozenCatalogue,
  live: LiveCatalogue,
): { catalogue: FrozenCatalogue; added: FrozenEntry[] } {
  const problems = checkFrozen(frozen, live).filter((p) => p.kind === 'broken');
  if (problems.length) throw new Error(problems.map((p) => `- ${p.message}`).join('\n'));
  const entries = [...frozen.entries];
  const added: FrozenEntry[] = [];
  for (const event of live.events) {
    const version = live.versionOf(event.type);
    if (entries.some((e) => e.type === event.type && e.version === version)) continue;
    const body = { type: event.type, version, entryFormat: live.entryFormat, fields: event.fields };
    const entry = { ...body, digest: digestOf(entries.at(-1)?.digest ?? '', body) };
    entries.push(entry);
    added.push(entry);
  }
  return { catalogue: { about: frozen.about, entries }, added };
}

function checkChain(entries: readonly FrozenEntry[]): Problem[] {
  let previous = '';
  for (const [index, entry] of entries.entries()) {
    if (digestOf(previous, entry) !== entry.digest)
      return [
        broken(
          `frozen entry ${index} (${entry.type} v${entry.version}) does not match its digest: an entry was edited, removed or moved, and the frozen catalogue is append-only; restore it from git (after a merge, keep the other side's entries and run ${FREEZE_COMMAND} again)`,
        ),
      ];
    previous = entry.digest;
  }
  return [];
}

/** Versions of a type are 1, 2, … in file order, each from a later entry format. */
function checkVersions(entries: readonly FrozenEntry[], live: LiveCatalogue): Problem[] {
  const problems: Problem[] = [];
  const latest = new Map<string, FrozenEntry>();
  for (const entry of entries) {
    const before = latest.get(entry.type);
    const name = `${entry.type} v${entry.version}`;
    if (entry.version !== (before?.version ?? 0) + 1)
      problems.push(
        broken(`${name} is frozen out of order: expected v${(before?.version ?? 0) + 1}`),
      );
    if (before && entry.entryFormat <= before.entryFormat)
      problems.push(broken(newFormatNeeded(name, before)));
    if (entry.entryFormat > live.entryFormat)
      problems.push(
        broken(
          `${name} is written from entry format ${entry.entryFormat}, but the code writes ${live.entryFormat}`,
        ),
      );
    latest.set(entry.type, entry);
  }
  return problems;
}

function checkEvent(
  entries: readonly FrozenEntry[],
  live: LiveCatalogue,
  event: LiveEvent,
): Problem[] {
  const version = live.versionOf(event.type);
  const name = `${event.type} v${version}`;
  const frozen = entries.filter((e) => e.type === event.type);
  const latest = frozen.at(-1);
  if (latest && version < latest.version)
    return [
      broken(
        `${name}: ${event.type} is frozen up to v${latest.version}, and a version never goes back`,
      ),
    ];
  const same = frozen.find((e) => e.version === version);
  if (same) {
    const changes = fieldChanges(same.fields, event.fields);
    return changes.length ? [broken(changedMessage(name, event.type, version, changes))] : [];
  }
  const expected = (latest?.version ?? 0) + 1;
  if (version !== expected)
    return [
      broken(
        `${name}: the next version of ${event.type} is v${expected} (EVENT_VERSIONS, src/democracy/events/versions.ts)`,
      ),
    ];
  if (latest && live.entryFormat <= latest.entryFormat)
    return [broken(newFormatNeeded(name, latest))];
  if (latest && fieldChanges(latest.fields, event.fields).length === 0)
    return [
      broken(
        `${name} has the fields of v${latest.version}: a new version changes the fields (a new meaning is a new type)`,
      ),
    ];
  return [
    {
      kind: 'unfrozen',
      message: `${name} is not frozen yet: run ${FREEZE_COMMAND} and commit src/democracy/events/frozen-catalogue.json`,
    },
  ];
}

/** `- name: type` for a field gone or changed, `+ name: type` for one added or changed. */
export function fieldChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string[] {
  const changes: string[] = [];
  for (const [field, type] of Object.entries(before))
    if (after[field] !== type) changes.push(`- ${field}: ${type}`);
  for (const [field, type] of Object.entries(after))
    if (before[field] !== type) changes.push(`+ ${field}: ${type}`);
  return changes;
}

function changedMessage(name: string, type: string, version: number, changes: string[]): string {
  return [
    `${name} changed its fields, but a (type, version) on the log never changes (docs/design/record.md, "Entries"):`,
    ...changes.map((c) => `    ${c}`),
    `  Either undo the change, or make it version ${version + 1}: set ${type}: ${version + 1} in EVENT_VERSIONS (src/democracy/events/versions.ts), raise ENTRY_VERSION (src/record/entry.ts), keep eventOf reading v${version} entries (test/cli/log-v2-fixture.test.ts), then run ${FREEZE_COMMAND}.`,
  ].join('\n');
}

const newFormatNeeded = (name: string, before: FrozenEntry) =>
  `${name} must be written from a later entry format than ${before.type} v${before.version} (format ${before.entryFormat}): entries do not name their type's version, so a reader tells them apart by \`v\`; raise ENTRY_VERSION (src/record/entry.ts) first`;

const broken = (message: string): Problem => ({ kind: 'broken', message });
