import { countApproval } from './approval.js';
import { buildBallotTree } from './ballot-tree.js';
import { countingError } from './errors.js';
import { countInstantRunoff } from './instant-runoff.js';
import { countMeek, MEEK_SCALE } from './meek-stv.js';
import type { BallotProfile } from './profile.js';
import { COUNT_METHODS, type CountMethod, type CountOptions, type CountReport } from './report.js';
import { countSchulze } from './schulze.js';
import { countScottishStv, SCOTTISH_SCALE, type TransferCountResult } from './scottish-stv.js';
import { seededLot } from './seeded-lot.js';
import type { LotBook } from './tie-break.js';

/**
 * Counts an election under `options.method` (default: Scottish STV for several seats,
 * instant-runoff for one; RULES.md, Elections). Seats default to the profile's.
 *
 * Throws a SovietError: COUNT_UNKNOWN_METHOD, COUNT_BAD_SEATS (seats not a whole number
 * from 1 to the number of candidates… or more: a count may leave seats unfilled when
 * candidates run out, but never asks for fewer than one), COUNT_METHOD_SINGLE_SEAT (IRV
 * with seats ≠ 1), COUNT_TOO_MANY_VOTES (Meek beyond its precision).
 *
 * Pure and deterministic: the same profile, options and seed give the same report. Ties
 * the rules leave to lot are drawn from `seededLot(options.seed ?? '')` and listed in
 * `report.lots`.
 */
export function countElection(profile: BallotProfile, options: CountOptions = {}): CountReport {
  const seats = options.seats ?? profile.seats;
  if (!Number.isSafeInteger(seats) || seats < 1 || seats > 10_000)
    throw countingError('COUNT_BAD_SEATS', { seats, max: 10_000 });
  const method: CountMethod = options.method ?? (seats === 1 ? 'irv' : 'scottish-stv');
  if (!COUNT_METHODS.includes(method)) throw countingError('COUNT_UNKNOWN_METHOD', { method });
  if (method === 'irv' && seats !== 1)
    throw countingError('COUNT_METHOD_SINGLE_SEAT', { method, seats });
  const ids = profile.candidates.map((c) => c.id);
  const book: LotBook = { lot: seededLot(options.seed ?? ''), drawn: [], ids };
  const { weights } = profile.ballots;
  let ballots = 0;
  for (let i = 0; i < weights.length; i++) ballots += weights[i] as number;
  const base = {
    kind: 'CountReport' as const,
    method,
    seats,
    candidates: profile.candidates,
    ballots,
  };

  if (method === 'schulze') {
    const { ranking, detail } = countSchulze(profile, ids, book);
    const ranked = ranking.map((c) => ids[c] as string);
    return {
      ...base,
      scale: 1,
      totalVotes: ballots,
      quota: null,
      elected: ranked.slice(0, seats),
      ranking: ranked,
      schulze: detail,
      stages: [],
      lots: book.drawn,
    };
  }
  if (method === 'approval') {
    const { approvals, elected } = countApproval(profile, ids, seats, book);
    const total = approvals.reduce((a, b) => a + b, 0);
    return {
      ...base,
      scale: 1,
      totalVotes: total,
      quota: null,
      elected: elected.map((c) => ids[c] as string),
      stages: [
        {
          number: 1,
          action: { kind: 'FirstPreferences' },
          votes: approvals,
          transfers: approvals,
          nonTransferable: 0,
          lostToRounding: 0,
          total,
          quota: null,
          events: elected.map((c) => ({
            kind: 'Elected',
            candidate: ids[c] as string,
            reason: 'highest',
          })),
        },
      ],
      lots: book.drawn,
    };
  }
  const tree = buildBallotTree(profile);
  let result: TransferCountResult;
  let scale: number;
  if (method === 'irv') {
    result = countInstantRunoff(tree, ids, profile.withdrawn, book);
    scale = 1;
  } else if (method === 'meek') {
    result = countMeek(tree, ids, seats, profile.withdrawn, book);
    scale = MEEK_SCALE;
  } else {
    result = countScottishStv(tree, ids, seats, profile.withdrawn, book);
    scale = SCOTTISH_SCALE;
  }
  return {
    ...base,
    scale,
    totalVotes: result.totalVotes,
    quota: result.quota,
    elected: result.elected.map((c) => ids[c] as string),
    stages: result.stages,
    lots: book.drawn,
  };
}
