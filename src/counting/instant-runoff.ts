import type { BallotTree } from './ballot-tree.js';
import { ELECTED, EXCLUDED, HOPEFUL, PileSet } from './pile-set.js';
import type { CandidateEvent, CountStage, StageAction } from './report.js';
import type { TransferCountResult } from './scottish-stv.js';
import { breakTie, type LotBook } from './tie-break.js';

/**
 * Instant-runoff voting (one seat), in whole votes. Each round counts every ballot for
 * its highest-ranked continuing candidate. A candidate with more than half of the votes
 * still in the count (ballots whose rankings are used up no longer count) wins; so does
 * the last candidate left. Otherwise the candidate with fewest votes is excluded and
 * their ballots go to the next continuing preference; a tie for fewest is settled like
 * the Scottish rule 51(2) (fewest at the most recent round where they differed), else by
 * lot. One candidate is excluded per round (no batch elimination): batch elimination, where
 * a jurisdiction uses it, never changes the winner.
 *
 * A ballot that reaches a rank marked for two or more candidates (an overvote in a US
 * cast-vote record) is exhausted there, as in San Francisco's and Burlington's rules.
 */
export function countInstantRunoff(
  tree: BallotTree,
  ids: readonly string[],
  withdrawn: readonly number[],
  book: LotBook,
): TransferCountResult {
  const n = ids.length;
  const piles = new PileSet(tree, n);
  for (const w of withdrawn) piles.status[w] = EXCLUDED;
  const totalVotes = piles.firstPreferences(1);
  const stages: CountStage[] = [];
  const history: number[][] = [];
  const elected: number[] = [];
  let previous = new Float64Array(n);

  const record = (action: StageAction, events: CandidateEvent[]): void => {
    const votes = Array.from(piles.votes);
    stages.push({
      number: stages.length + 1,
      action,
      votes,
      transfers: votes.map((v, c) => v - (previous[c] as number)),
      nonTransferable: piles.nonTransferable,
      lostToRounding: 0,
      total: totalVotes,
      quota: null,
      events,
    });
    history.push(votes);
    previous = Float64Array.from(votes);
  };

  /** Elects a majority winner (or the last one standing) into `events`; true when done. */
  const decide = (events: CandidateEvent[]): boolean => {
    const continuing: number[] = [];
    let inCount = 0;
    for (let c = 0; c < n; c++)
      if (piles.status[c] === HOPEFUL) {
        continuing.push(c);
        inCount += piles.votes[c] as number;
      }
    for (const c of continuing)
      if ((piles.votes[c] as number) * 2 > inCount) {
        piles.status[c] = ELECTED;
        elected.push(c);
        events.push({ kind: 'Elected', candidate: ids[c] as string, reason: 'majority' });
        return true;
      }
    if (continuing.length === 1) {
      const c = continuing[0] as number;
      piles.status[c] = ELECTED;
      elected.push(c);
      events.push({ kind: 'Elected', candidate: ids[c] as string, reason: 'last-seats' });
      return true;
    }
    return continuing.length === 0;
  };

  const first: CandidateEvent[] = [];
  let done = decide(first);
  record({ kind: 'FirstPreferences' }, first);
  while (!done) {
    const stage = stages.length + 1;
    const continuing: number[] = [];
    for (let c = 0; c < n; c++) if (piles.status[c] === HOPEFUL) continuing.push(c);
    let low = continuing[0] as number;
    for (const c of continuing)
      if ((piles.votes[c] as number) < (piles.votes[low] as number)) low = c;
    const tied = continuing.filter((c) => piles.votes[c] === piles.votes[low]);
    const out = tied.length > 1 ? breakTie(tied, history, 'lowest', book, 'exclude', stage) : low;
    const events: CandidateEvent[] = [
      { kind: 'Excluded', candidate: ids[out] as string, reason: 'lowest' },
    ];
    piles.status[out] = EXCLUDED;
    piles.transfer(out, (v) => v);
    piles.votes[out] = 0;
    done = decide(events);
    record({ kind: 'Exclusion', candidates: [ids[out] as string] }, events);
  }
  return { totalVotes, quota: null, elected, stages };
}
