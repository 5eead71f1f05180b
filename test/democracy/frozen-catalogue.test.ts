import { beforeAll, describe, expect, it } from 'vitest';
import {
  liveCatalogue,
  readFrozenCatalogue,
} from '../../scripts/event-catalogue/catalogue-files.js';
import type { LiveEvent } from '../../scripts/event-catalogue/describe-events.js';
import {
  appendLive,
  checkFrozen,
  type FrozenCatalogue,
  type LiveCatalogue,
} from '../../scripts/event-catalogue/frozen-catalogue.js';
import { EVENT_KINDS } from '../../src/democracy/index.js';
import { ENTRY_VERSION } from '../../src/record/entry.js';

/**
 * The event catalogue is frozen (docs/design/record.md, "Entries"): every (type, version)
 * in src/democracy/events/frozen-catalogue.json keeps its fields forever, and the code
 * declares exactly the latest of each. New types and versions are appended with
 * `npm run events:freeze`.
 */
let live: LiveCatalogue;
beforeAll(() => {
  live = liveCatalogue();
});

describe('the frozen event catalogue', () => {
  it('the code declares the frozen fields of every (type, version)', () => {
    const problems = checkFrozen(readFrozenCatalogue(), live);
    if (problems.length) expect.fail(problems.map((p) => `- ${p.message}`).join('\n'));
  });

  it('describes every type of the catalogue, with at least `at`', () => {
    expect(new Set(live.events.map((e) => e.type))).toEqual(EVENT_KINDS);
    for (const event of live.events) expect(event.fields.at, event.type).toBe('number');
  });

  it('records the entry format each version is written from', () => {
    const { entries } = readFrozenCatalogue();
    expect(entries.length).toBeGreaterThanOrEqual(EVENT_KINDS.size);
    for (const entry of entries) expect(entry.entryFormat).toBeLessThanOrEqual(ENTRY_VERSION);
  });
});

/** Named failure cases, on a small made-up catalogue (the real one holds nothing else). */
describe('what the frozen catalogue refuses', () => {
  const joined: LiveEvent = { type: 'Joined', fields: { at: 'number', memberId: 'string' } };
  const left: LiveEvent = { type: 'Left', fields: { at: 'number', memberId: 'string' } };
  const code = (events: LiveEvent[], versions: Record<string, number> = {}, format = 2) => ({
    events,
    versionOf: (type: string) => versions[type] ?? 1,
    entryFormat: format,
  });
  const frozen = appendLive({ about: [], entries: [] }, code([joined, left])).catalogue;
  const problemsOf = (catalogue: FrozenCatalogue, now: LiveCatalogue) =>
    checkFrozen(catalogue, now).map((p) => `${p.kind}: ${p.message}`);

  it('happy path: the code as frozen', () => {
    expect(problemsOf(frozen, code([joined, left]))).toEqual([]);
  });

  it('a field renamed, retyped or made optional', () => {
    const changes: LiveEvent['fields'][] = [
      { at: 'number', member: 'string' },
      { at: 'number', memberId: 'number' },
      { at: 'number', 'memberId?': 'string' },
    ];
    for (const fields of changes) {
      const [problem] = problemsOf(frozen, code([{ type: 'Joined', fields }, left]));
      expect(problem).toMatch(/^broken: Joined v1 changed its fields/);
      expect(problem).toContain('- memberId: string');
    }
  });

  it('a type removed or renamed', () => {
    const renamed = { ...left, type: 'Departed' };
    expect(problemsOf(frozen, code([joined]))).toEqual([
      expect.stringMatching(/^broken: Left is frozen but no event of the code has that type/),
    ]);
    expect(problemsOf(frozen, code([joined, renamed]))).toEqual([
      expect.stringMatching(/^broken: Left is frozen but no event/),
      expect.stringMatching(/^unfrozen: Departed v1 is not frozen yet/),
    ]);
    expect(() => appendLive(frozen, code([joined, renamed]))).toThrow(/Left is frozen/);
  });

  it('a new type is appended at version 1, leaving the others as they were', () => {
    const erased: LiveEvent = { type: 'Erased', fields: { at: 'number' } };
    expect(problemsOf(frozen, code([joined, left, erased]))).toEqual([
      expect.stringMatching(/^unfrozen: Erased v1 is not frozen yet: run npm run events:freeze/),
    ]);
    const { catalogue, added } = appendLive(frozen, code([joined, left, erased]));
    expect(added.map((e) => [e.type, e.version])).toEqual([['Erased', 1]]);
    expect(catalogue.entries.slice(0, 2)).toEqual(frozen.entries);
    expect(problemsOf(catalogue, code([joined, left, erased]))).toEqual([]);
  });

  it('a new version needs a new entry format, and the old version stays listed', () => {
    const joined2 = { ...joined, fields: { ...joined.fields, councilId: 'string' } };
    expect(() => appendLive(frozen, code([joined2, left], { Joined: 2 }))).toThrow(
      /raise ENTRY_VERSION/,
    );
    const { catalogue } = appendLive(frozen, code([joined2, left], { Joined: 2 }, 3));
    expect(catalogue.entries.map((e) => [e.type, e.version, e.entryFormat])).toEqual([
      ['Joined', 1, 2],
      ['Left', 1, 2],
      ['Joined', 2, 3],
    ]);
    expect(problemsOf(catalogue, code([joined2, left], { Joined: 2 }, 3))).toEqual([]);
    expect(problemsOf(catalogue, code([joined, left], {}, 3))).toEqual([
      expect.stringMatching(
        /^broken: Joined v1: Joined is frozen up to v2, and a version never goes back/,
      ),
    ]);
  });

  it('a new version with the same fields, or one that skips a number', () => {
    expect(problemsOf(frozen, code([joined, left], { Joined: 2 }, 3))).toEqual([
      expect.stringMatching(/^broken: Joined v2 has the fields of v1/),
    ]);
    expect(problemsOf(frozen, code([joined, left], { Joined: 3 }, 3))).toEqual([
      expect.stringMatching(/^broken: Joined v3: the next version of Joined is v2/),
    ]);
  });

  it('an old entry edited, removed or moved breaks the digest chain', () => {
    const [first, second] = frozen.entries as [
      FrozenCatalogue['entries'][0],
      FrozenCatalogue['entries'][0],
    ];
    const edited = { ...first, fields: { ...first.fields, memberId: 'number' } };
    const tampered: FrozenCatalogue[] = [
      { about: [], entries: [edited, second] },
      { about: [], entries: [second] },
      { about: [], entries: [second, first] },
    ];
    for (const catalogue of tampered)
      expect(problemsOf(catalogue, code([joined, left]))).toContainEqual(
        expect.stringMatching(/^broken: frozen entry 0 \(\w+ v1\) does not match its digest/),
      );
  });
});
