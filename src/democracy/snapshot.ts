import { PMap } from './pmap.js';
import type { OrgState } from './state.js';

/**
 * A plain, JSON-able picture of a state, with every persistent map turned into an
 * object in key order: two states are the same organisation exactly when their
 * snapshots are deeply equal (replay equals the live state; `soviet fsck`).
 */
export function snapshot(state: OrgState): unknown {
  return plain(state);
}

function plain(value: unknown): unknown {
  if (value instanceof PMap) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value.entries()) out[k] = plain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort())
      out[k] = plain((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}
