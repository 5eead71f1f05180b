import type { LotDrawn } from './report.js';
import type { Lot } from './seeded-lot.js';

/** Where a count records the lots it draws. */
export interface LotBook {
  readonly lot: Lot;
  readonly drawn: LotDrawn[];
  readonly ids: readonly string[];
}

/**
 * Settles a tie the way the Scottish rules do (SSI 2007/42 Sch. 1 rule 49(2)–(3) for the
 * order of surpluses, rule 51(2) for exclusion): look at the most recent preceding
 * stage at which the tied candidates had unequal votes, and keep those with the most
 * (`prefer: 'highest'`) or fewest (`'lowest'`) votes there. When that still leaves
 * several (three or more were tied and two stay level there), look further back among
 * those. Candidates equal at every stage are separated by lot, drawn from the seeded
 * stream among the tied candidates in candidate order, and recorded.
 *
 * @param tied candidate indices, at least one, tied at the current stage
 * @param history votes of every candidate at the end of each stage before this one, oldest first
 */
export function breakTie(
  tied: readonly number[],
  history: readonly (readonly number[])[],
  prefer: 'highest' | 'lowest',
  book: LotBook,
  purpose: LotDrawn['purpose'],
  stage: number,
): number {
  let set = [...tied].sort((a, b) => a - b);
  for (let s = history.length - 1; s >= 0 && set.length > 1; s--) {
    const votes = history[s] as readonly number[];
    let best = votes[set[0] as number] as number;
    for (const c of set) {
      const v = votes[c] as number;
      if (prefer === 'highest' ? v > best : v < best) best = v;
    }
    const narrowed = set.filter((c) => votes[c] === best);
    if (narrowed.length < set.length) set = narrowed;
  }
  if (set.length === 1) return set[0] as number;
  return drawLot(set, book, purpose, stage);
}

/** Draws one of `among` (sorted by candidate index) by lot and records the draw. */
export function drawLot(
  among: readonly number[],
  book: LotBook,
  purpose: LotDrawn['purpose'],
  stage: number,
): number {
  const sorted = [...among].sort((a, b) => a - b);
  const chosen = book.lot.pick(sorted);
  book.drawn.push({
    kind: 'LotDrawn',
    stage,
    purpose,
    among: sorted.map((c) => book.ids[c] as string),
    chosen: book.ids[chosen] as string,
  });
  return chosen;
}
