import type { BallotTree } from './ballot-tree.js';
import { mulDivFloor } from './exact-arithmetic.js';
import { ELECTED, EXCLUDED, HOPEFUL, PileSet } from './pile-set.js';
import type { CandidateEvent, CountStage, StageAction } from './report.js';
import { breakTie, type LotBook } from './tie-break.js';

/** Scottish STV counts in units of 1e-5 of a vote: rule 48(3) truncates to five decimal places. */
export const SCOTTISH_SCALE = 100_000;

export interface TransferCountResult {
  readonly totalVotes: number;
  readonly quota: number | null;
  readonly elected: readonly number[];
  readonly stages: readonly CountStage[];
}

/**
 * Single transferable vote under the Scottish Local Government Elections Order 2007
 * (SSI 2007/42), Schedule 1, rules 45–52 (re-enacted as rules 46–53 of SSI 2011/399):
 *
 * - rule 45: first stage, one vote per valid paper to its first preference;
 * - rule 46: quota = ⌊valid papers / (seats + 1)⌋ + 1;
 * - rule 47: a candidate whose votes equal or exceed the quota is elected;
 * - rules 48–49: at the end of a stage, the largest surplus is transferred (one per
 *   stage): all the candidate's papers go to their next continuing preference, each at
 *   ⌊surplus × its value / the candidate's votes⌋ to five decimal places; equal surpluses
 *   go in order of the most recent preceding stage at which the candidates differed, else by lot;
 * - rules 50–51: with no surplus left, the candidate with fewest votes is excluded and
 *   all their papers transferred at the value they were received (one stage); ties as
 *   above, the lowest at the most recent differing stage, else by lot;
 * - rule 52: when the continuing candidates are as many as the seats left, they are
 *   elected and nothing more is transferred.
 *
 * All figures are whole numbers of 1e-5 votes. After a surplus transfer the elected
 * candidate is credited with the quota; what the truncation loses is reported as
 * `lostToRounding`, so every stage adds up to the valid vote.
 */
export function countScottishStv(
  tree: BallotTree,
  ids: readonly string[],
  seats: number,
  withdrawn: readonly number[],
  book: LotBook,
): TransferCountResult {
  const n = ids.length;
  const piles = new PileSet(tree, n);
  for (const w of withdrawn) piles.status[w] = EXCLUDED;
  const totalVotes = piles.firstPreferences(SCOTTISH_SCALE);
  const validPapers = totalVotes / SCOTTISH_SCALE;
  const quota = (Math.floor(validPapers / (seats + 1)) + 1) * SCOTTISH_SCALE;

  const stages: CountStage[] = [];
  const history: number[][] = [];
  const elected: number[] = [];
  /** Elected candidates whose surplus has not been transferred yet (rule 48(1)). */
  const pending: number[] = [];
  let lost = 0;
  let previous = new Float64Array(n);

  const hopeful = (): number[] => {
    const out: number[] = [];
    for (let c = 0; c < n; c++) if (piles.status[c] === HOPEFUL) out.push(c);
    return out;
  };

  /** Rule 47: elect everyone at or over the quota, in order of votes (ties as rule 49). */
  const electReached = (events: CandidateEvent[], stage: number): void => {
    let reached = hopeful().filter((c) => (piles.votes[c] as number) >= quota);
    while (reached.length > 0) {
      let top = -1;
      for (const c of reached)
        if (top === -1 || (piles.votes[c] as number) > (piles.votes[top] as number)) top = c;
      const tied = reached.filter((c) => piles.votes[c] === piles.votes[top]);
      const first =
        tied.length > 1 ? breakTie(tied, history, 'highest', book, 'elect', stage) : top;
      piles.status[first] = ELECTED;
      elected.push(first);
      if ((piles.votes[first] as number) > quota) pending.push(first);
      events.push({ kind: 'Elected', candidate: ids[first] as string, reason: 'quota' });
      reached = reached.filter((c) => c !== first);
    }
  };

  const record = (action: StageAction, events: CandidateEvent[]): void => {
    const votes = Array.from(piles.votes);
    stages.push({
      number: stages.length + 1,
      action,
      votes,
      transfers: votes.map((v, c) => v - (previous[c] as number)),
      nonTransferable: piles.nonTransferable,
      lostToRounding: lost,
      total: totalVotes,
      quota,
      events,
    });
    history.push(votes);
    previous = Float64Array.from(votes);
  };

  const first: CandidateEvent[] = [];
  electReached(first, 1);
  record({ kind: 'FirstPreferences' }, first);

  for (;;) {
    const seatsLeft = seats - elected.length;
    if (seatsLeft <= 0) break;
    const continuing = hopeful();
    if (continuing.length <= seatsLeft) {
      // Rule 52: the last vacancies are filled without further transfers. It is
      // recorded on the last stage, which it completes rather than starting a new one.
      const last = stages[stages.length - 1] as CountStage;
      const events = last.events as CandidateEvent[];
      for (const c of continuing) {
        piles.status[c] = ELECTED;
        elected.push(c);
        events.push({ kind: 'Elected', candidate: ids[c] as string, reason: 'last-seats' });
      }
      break;
    }
    const stage = stages.length + 1;
    const events: CandidateEvent[] = [];
    if (pending.length > 0) {
      // Rule 49(1)–(3): the largest surplus first.
      let top = pending[0] as number;
      for (const c of pending)
        if ((piles.votes[c] as number) > (piles.votes[top] as number)) top = c;
      const tied = pending.filter((c) => piles.votes[c] === piles.votes[top]);
      const from =
        tied.length > 1 ? breakTie(tied, history, 'highest', book, 'surplus-order', stage) : top;
      pending.splice(pending.indexOf(from), 1);
      const total = piles.votes[from] as number;
      const surplus = total - quota;
      // Rule 48(3): value = surplus × value received / votes credited, truncated to 1e-5.
      const { moved, exhausted } = piles.transfer(from, (v) => mulDivFloor(surplus, v, total));
      lost += surplus - moved - exhausted;
      piles.votes[from] = quota;
      electReached(events, stage);
      record(
        {
          kind: 'SurplusTransfer',
          candidate: ids[from] as string,
          surplus,
          transferValue: mulDivFloor(surplus, SCOTTISH_SCALE, total),
        },
        events,
      );
      continue;
    }
    // Rules 50–51: exclude the candidate with fewest votes.
    let low = continuing[0] as number;
    for (const c of continuing)
      if ((piles.votes[c] as number) < (piles.votes[low] as number)) low = c;
    const tied = continuing.filter((c) => piles.votes[c] === piles.votes[low]);
    const out = tied.length > 1 ? breakTie(tied, history, 'lowest', book, 'exclude', stage) : low;
    piles.status[out] = EXCLUDED;
    events.push({ kind: 'Excluded', candidate: ids[out] as string, reason: 'lowest' });
    piles.transfer(out, (v) => v);
    piles.votes[out] = 0;
    electReached(events, stage);
    record({ kind: 'Exclusion', candidates: [ids[out] as string] }, events);
  }
  return { totalVotes, quota, elected, stages };
}
