import { expect } from 'vitest';
import { type RecountResult, recount } from '../../src/democracy/audit/index.js';
import { type DemocracyEvent, envelopeOf, eventOf, publicPart } from '../../src/democracy/index.js';

/** The log as anyone reads it: each event through its entry's JSON, without its secret. */
export function publishedLog(log: readonly DemocracyEvent[]): DemocracyEvent[] {
  return log.map((e) => publicPart(eventOf(JSON.parse(JSON.stringify(envelopeOf(e))))));
}

/** Recounts the published log and expects every decision to match (showing the first that does not). */
export function expectRecountClean(log: readonly DemocracyEvent[]): RecountResult {
  const result = recount(publishedLog(log));
  expect(result.ok ? null : result.discrepancy).toBeNull();
  return result;
}
