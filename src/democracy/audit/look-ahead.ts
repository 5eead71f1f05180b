import type { DemocracyEvent } from '../events/index.js';
import { PMap } from '../pmap.js';
import { ID_PREFIX, type OrgState, type PublishedBallot } from '../state.js';
import { type PublishedBudgetBallot, TREASURY_ID_PREFIX } from '../treasury-state.js';

/**
 * What the recount (recount.ts) reads ahead in the log before the rules run.
 *
 * - **Sealed ballots.** A secret box's ballots are sealed until it closes, and only the
 *   closing publishes them (RECORD.md, "Secret ballots on a public record"): the server
 *   counts from the sealed ballots, anyone else from the published ones. So that the
 *   very code that closed the box runs again, each secret box (and budget round) is
 *   given, as its sealed ballots, the ballots the log publishes for it; the close then
 *   publishes and counts them exactly as it did, and the recount checks separately that
 *   as many were published as were cast.
 * - **Seeds.** A draw is seeded from the log's signed checkpoint at the close (RULES.md,
 *   Elections), which the closing entries record (`BallotBoxClosed.seed`,
 *   `BudgetRoundClosed.seed`); the deadline is re-run with that seed.
 */
export class LookAhead {
  private readonly ballots = new Map<string, PublishedBallot[]>();
  private readonly budgetBallots = new Map<string, PublishedBudgetBallot[]>();
  /** For each index, the index of the first event at or after it that records a seed (-1: none). */
  private readonly nextSeed: Int32Array;

  constructor(private readonly events: readonly DemocracyEvent[]) {
    for (const e of events) {
      if (e.kind === 'BallotsPublished') push(this.ballots, e.boxId, e.ballots);
      else if (e.kind === 'BudgetBallotsPublished') push(this.budgetBallots, e.roundId, e.ballots);
    }
    this.nextSeed = new Int32Array(events.length + 1);
    this.nextSeed[events.length] = -1;
    for (let i = events.length - 1; i >= 0; i--)
      this.nextSeed[i] = seedOf(events[i]) === undefined ? (this.nextSeed[i + 1] ?? -1) : i;
  }

  /** The seed recorded by the first seeding event at or after `p`, if any. */
  seedFrom(p: number): string | undefined {
    const i = this.nextSeed[p] ?? -1;
    return i < 0 ? undefined : seedOf(this.events[i]);
  }

  /** How many ballots the log publishes for a secret box. */
  publishedCount(boxId: string): number {
    return this.ballots.get(boxId)?.length ?? 0;
  }

  /** How many ballots the log publishes for a budget round. */
  budgetPublishedCount(roundId: string): number {
    return this.budgetBallots.get(roundId)?.length ?? 0;
  }

  /**
   * The state with the boxes and rounds opened since `before` (by their counters) holding
   * the ballots the log publishes for them as their sealed ballots. O(ballots) per box.
   */
  unseal(before: OrgState, after: OrgState): OrgState {
    let state = after;
    for (let n = before.counters.box + 1; n <= after.counters.box; n++) {
      const id = `${ID_PREFIX.box}${n}`;
      const box = state.boxes.get(id);
      const published = this.ballots.get(id);
      if (!box?.secret || !published) continue;
      const sealed = PMap.of(published.map((b) => [b.receipt, b.ballot] as const));
      state = { ...state, boxes: state.boxes.set(id, { ...box, sealed }) };
    }
    const t = state.treasury;
    for (let n = before.treasury.counters.round + 1; n <= t.counters.round; n++) {
      const id = `${TREASURY_ID_PREFIX.round}${n}`;
      const round = t.rounds.get(id);
      const published = this.budgetBallots.get(id);
      if (!round || !published) continue;
      const sealed = PMap.of(
        published.map(
          (b) =>
            [
              b.receipt,
              { projects: b.projects, ...(b.points ? { points: b.points } : {}) },
            ] as const,
        ),
      );
      state = {
        ...state,
        treasury: { ...state.treasury, rounds: t.rounds.set(id, { ...round, sealed }) },
      };
    }
    return state;
  }
}

function push<T>(map: Map<string, T[]>, key: string, items: readonly T[]): void {
  const list = map.get(key);
  if (list) list.push(...(Array.isArray(items) ? items : []));
  else map.set(key, Array.isArray(items) ? [...items] : []);
}

/** The seed an event records, if it is a closing that seeds a draw. */
export function seedOf(e: DemocracyEvent | undefined): string | undefined {
  if (e?.kind !== 'BallotBoxClosed' && e?.kind !== 'BudgetRoundClosed') return undefined;
  return typeof e.seed === 'string' ? e.seed : undefined;
}
