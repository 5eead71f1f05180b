import { expect } from 'vitest';
import { type RecountResult, recount } from '../../src/democracy/audit/index.js';
import {
  type DemocracyEvent,
  envelopeOf,
  eventOf,
  evolve,
  initialState,
  type OrgState,
  publicPart,
  snapshot,
} from '../../src/democracy/index.js';

/** The log as anyone reads it: each event through its entry's JSON, without its secret. */
export function publishedLog(log: readonly DemocracyEvent[]): DemocracyEvent[] {
  return log.map((e) => publicPart(eventOf(JSON.parse(JSON.stringify(envelopeOf(e))))));
}

/**
 * Recounts the published log and expects every decision to match (showing the first
 * that does not), and the state the recount ends in to be the public replay's (which the
 * page comparison of `soviet verify --replay` relies on), but for the sealed ballots the
 * recount gives each secret box from its published ones.
 */
export function expectRecountClean(log: readonly DemocracyEvent[]): RecountResult {
  const events = publishedLog(log);
  const result = recount(events);
  expect(result.ok ? null : result.discrepancy).toBeNull();
  if (result.ok) {
    let replayed = initialState();
    for (const e of events) replayed = evolve(replayed, e);
    expect(unsealed(result.state)).toEqual(unsealed(replayed));
  }
  return result;
}

/** A state's snapshot without the sealed ballots of boxes and rounds. */
function unsealed(state: OrgState): unknown {
  const snap = snapshot(state) as {
    boxes: Record<string, { sealed: unknown }>;
    treasury: { rounds: Record<string, { sealed: unknown }> };
  };
  for (const box of Object.values(snap.boxes)) box.sealed = null;
  for (const round of Object.values(snap.treasury.rounds)) round.sealed = null;
  return snap;
}
