import type { BallotTree } from './ballot-tree.js';
import { countingError } from './errors.js';
import { BILLION, mulBillionthCeil } from './exact-arithmetic.js';
import { ELECTED, EXCLUDED, HOPEFUL } from './pile-set.js';
import type { CandidateEvent, CountStage, StageAction } from './report.js';
import type { TransferCountResult } from './scottish-stv.js';
import { breakTie, drawLot, type LotBook } from './tie-break.js';

/** Meek counts in units of 1e-9 of a vote (fixed decimal arithmetic, nine places). */
export const MEEK_SCALE = BILLION;
/** Iteration stops when the total surplus is at most 0.00001 of a vote (HWW 1987). */
export const MEEK_OMEGA = 10_000;
/** Most ballots a Meek count takes: every total must stay a whole number below 2^53 units. */
export const MEEK_MAX_BALLOTS = Math.floor(Number.MAX_SAFE_INTEGER / MEEK_SCALE);
const MAX_ITERATIONS = 100_000;

/**
 * Meek's method of STV as specified by I. D. Hill, B. A. Wichmann and D. R. Woodall,
 * "Algorithm 123 — Single Transferable Vote by Meek's Method", The Computer Journal
 * 30(3), 1987, in fixed decimal arithmetic with nine decimal places (units of 1e-9):
 *
 * - every candidate has a keep value: 1 while hopeful, 0 once excluded;
 * - a ballot of value w reaching a candidate with keep value k gives the candidate
 *   ⌈w·k⌉ (rounded up to 1e-9, as Hill's and the NZ implementations do) and passes the
 *   rest, w − ⌈w·k⌉, to its next preference; what passes the end of a ranking is excess;
 * - quota = ⌊(votes − excess) / (seats + 1)⌋ + 1e-9;
 * - a hopeful candidate with votes ≥ quota is elected; each elected candidate's keep
 *   value is then updated to ⌈k · quota / votes⌉, and the votes are redistributed, until
 *   someone new is elected or the total surplus is at most 0.00001 (or stops falling);
 * - then the hopeful candidate with fewest votes is excluded (HWW: ties by lot);
 * - when the hopeful are as many as the seats left, they are elected.
 *
 * Nothing is lost to rounding here (kept + passed on = received, exactly), so each stage
 * satisfies Σ votes + excess = valid vote. Totals are whole units below 2^53, hence at
 * most `MEEK_MAX_BALLOTS` (9,007,199) ballots. Each stage of the report is the state at
 * the end of an iteration that elected someone, or just after an exclusion.
 */
export function countMeek(
  tree: BallotTree,
  ids: readonly string[],
  seats: number,
  withdrawn: readonly number[],
  book: LotBook,
): TransferCountResult {
  const n = ids.length;
  const valid = (tree.weight[0] as number) - (tree.ending[0] as number);
  if (valid > MEEK_MAX_BALLOTS)
    throw countingError('COUNT_TOO_MANY_VOTES', {
      method: 'meek',
      max: MEEK_MAX_BALLOTS,
      total: valid,
    });
  const totalVotes = valid * MEEK_SCALE;
  const status = new Uint8Array(n);
  const keep = new Float64Array(n).fill(MEEK_SCALE);
  for (const w of withdrawn) {
    status[w] = EXCLUDED;
    keep[w] = 0;
  }
  const votes = new Float64Array(n);
  const remaining = new Float64Array(tree.size);
  const { candidate, weight, ending, end, parent, size } = tree;
  let excess = 0;
  let quota = 0;

  /** One pass of every ballot through the keep values (HWW step 2). */
  const distribute = (): void => {
    votes.fill(0);
    excess = 0;
    remaining[0] = MEEK_SCALE;
    let i = 1;
    while (i < size) {
      const inflow = remaining[parent[i] as number] as number;
      if (inflow === 0) {
        i = end[i] as number; // nothing reaches this subtree
        continue;
      }
      const c = candidate[i] as number;
      const k = keep[c] as number;
      const kept = k === MEEK_SCALE ? inflow : mulBillionthCeil(inflow, k);
      const rest = inflow - kept;
      remaining[i] = rest;
      if (kept !== 0) votes[c] = (votes[c] as number) + kept * (weight[i] as number);
      if (rest !== 0) excess += rest * (ending[i] as number);
      i++;
    }
    let active = 0;
    for (let c = 0; c < n; c++) active += votes[c] as number;
    quota = Math.floor(active / (seats + 1)) + 1;
  };

  const stages: CountStage[] = [];
  const history: number[][] = [];
  const elected: number[] = [];
  let previous = new Float64Array(n);
  const record = (action: StageAction, events: CandidateEvent[]): void => {
    const v = Array.from(votes);
    stages.push({
      number: stages.length + 1,
      action,
      votes: v,
      transfers: v.map((x, c) => x - (previous[c] as number)),
      nonTransferable: excess,
      lostToRounding: 0,
      total: totalVotes,
      quota,
      events,
    });
    history.push(v);
    previous = Float64Array.from(v);
  };

  /** Elects the hopeful at or over the quota, most votes first; true if anyone was. */
  const electReached = (events: CandidateEvent[], stage: number): boolean => {
    let reached: number[] = [];
    for (let c = 0; c < n; c++)
      if (status[c] === HOPEFUL && (votes[c] as number) >= quota) reached.push(c);
    const any = reached.length > 0;
    while (reached.length > 0) {
      let top = reached[0] as number;
      for (const c of reached) if ((votes[c] as number) > (votes[top] as number)) top = c;
      const tied = reached.filter((c) => votes[c] === votes[top]);
      const next = tied.length > 1 ? breakTie(tied, history, 'highest', book, 'elect', stage) : top;
      status[next] = ELECTED;
      elected.push(next);
      events.push({ kind: 'Elected', candidate: ids[next] as string, reason: 'quota' });
      reached = reached.filter((c) => c !== next);
    }
    return any;
  };

  distribute();
  const firstEvents: CandidateEvent[] = [];
  electReached(firstEvents, 1);
  record({ kind: 'FirstPreferences' }, firstEvents);

  for (;;) {
    const seatsLeft = seats - elected.length;
    if (seatsLeft <= 0) break;
    const hopeful: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) hopeful.push(c);
    if (hopeful.length <= seatsLeft) {
      const events = (stages[stages.length - 1] as CountStage).events as CandidateEvent[];
      for (const c of hopeful) {
        status[c] = ELECTED;
        elected.push(c);
        events.push({ kind: 'Elected', candidate: ids[c] as string, reason: 'last-seats' });
      }
      break;
    }
    const stage = stages.length + 1;
    const events: CandidateEvent[] = [];
    let iterations = 0;
    let lastSurplus = Number.POSITIVE_INFINITY;
    let someoneElected = false;
    for (;;) {
      let surplus = 0;
      for (let c = 0; c < n; c++)
        if (status[c] === ELECTED) surplus += (votes[c] as number) - quota;
      if (surplus <= MEEK_OMEGA || surplus >= lastSurplus || iterations >= MAX_ITERATIONS) break;
      lastSurplus = surplus;
      // HWW step 3: k ← k · quota / votes, rounded up (exact, in BigInt: k · quota can pass 2^53).
      for (let c = 0; c < n; c++) {
        if (status[c] !== ELECTED) continue;
        const bk = BigInt(keep[c] as number) * BigInt(quota);
        const bv = BigInt(votes[c] as number);
        const next = (bk + bv - 1n) / bv;
        keep[c] = Number(next > BigInt(MEEK_SCALE) ? BigInt(MEEK_SCALE) : next);
      }
      distribute();
      iterations++;
      if (electReached(events, stage)) {
        someoneElected = true;
        break;
      }
    }
    if (someoneElected) {
      record({ kind: 'MeekIteration', iterations, keepValues: Array.from(keep) }, events);
      continue;
    }
    let low = hopeful[0] as number;
    for (const c of hopeful) if ((votes[c] as number) < (votes[low] as number)) low = c;
    const tied = hopeful.filter((c) => votes[c] === votes[low]);
    const out = tied.length > 1 ? drawLot(tied, book, 'exclude', stage) : low;
    status[out] = EXCLUDED;
    keep[out] = 0;
    events.push({ kind: 'Excluded', candidate: ids[out] as string, reason: 'lowest' });
    distribute();
    electReached(events, stage);
    record({ kind: 'Exclusion', candidates: [ids[out] as string] }, events);
  }
  return { totalVotes, quota: (stages[0] as CountStage).quota, elected, stages };
}
