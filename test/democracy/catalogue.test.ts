import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventCatalogue } from '../../src/democracy/events/render-catalogue.js';
import { democracyErrors, EVENT_CATALOGUE, EVENT_KINDS } from '../../src/democracy/index.js';
import { catalogue } from '../../src/errors/catalogue.js';

describe('Record: event types are a catalogue whose names and meanings never change', () => {
  it('docs/events.md is the rendered catalogue', () => {
    const doc = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
    expect(doc, 'regenerate docs/events.md (see render-catalogue.ts)').toBe(renderEventCatalogue());
  });

  it('each type is listed once, with a meaning', () => {
    const all = EVENT_CATALOGUE.flatMap(({ meanings }) => Object.entries(meanings));
    expect(new Set(all.map(([k]) => k)).size).toBe(all.length);
    expect(EVENT_KINDS.size).toBe(all.length);
    for (const [kind, meaning] of all) {
      expect(kind).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(meaning.length).toBeGreaterThan(20);
    }
  });

  it('the democracy errors are in the one catalogue', () => {
    for (const code of Object.keys(democracyErrors)) expect(catalogue[code]).toBeDefined();
  });
});
