import { type BallotProfile, CANDIDATE_MASK, TIED_WITH_PREVIOUS } from './profile.js';
import type { SchulzeDetail } from './report.js';
import { drawLot, type LotBook } from './tie-break.js';

/**
 * Pairwise counts: `d[i][j]` = weight of ballots ranking i strictly above j. A ballot
 * ranks every candidate it names above every candidate it leaves out (as PrefLib's
 * `.soi` and Debian's ballots do); candidates in one rank are equal; withdrawn
 * candidates are ignored. Cost: Σ over lines of (ranked × candidates).
 */
export function pairwiseCounts(profile: BallotProfile): number[][] {
  const n = profile.candidates.length;
  const { lines, weights, offsets, marks } = profile.ballots;
  const flat = new Float64Array(n * n);
  const rankOf = new Int32Array(n);
  const withdrawn = new Uint8Array(n);
  for (const w of profile.withdrawn) withdrawn[w] = 1;
  const ranked: number[] = [];
  for (let line = 0; line < lines; line++) {
    const w = weights[line] as number;
    const start = offsets[line] as number;
    const stop = offsets[line + 1] as number;
    if (start === stop) continue;
    rankOf.fill(0x7fffffff);
    ranked.length = 0;
    let rank = -1;
    for (let i = start; i < stop; i++) {
      const m = marks[i] as number;
      if ((m & TIED_WITH_PREVIOUS) === 0 || rank < 0) rank++;
      const c = m & CANDIDATE_MASK;
      if (withdrawn[c] === 1) continue;
      rankOf[c] = rank;
      ranked.push(c);
    }
    for (const i of ranked) {
      const ri = rankOf[i] as number;
      const row = i * n;
      for (let j = 0; j < n; j++)
        if (ri < (rankOf[j] as number)) flat[row + j] = (flat[row + j] as number) + w;
    }
  }
  const d: number[][] = [];
  for (let i = 0; i < n; i++) d.push(Array.from(flat.subarray(i * n, (i + 1) * n)));
  return d;
}

/**
 * The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal
 * symmetric, and Condorcet-consistent single-winner election method", Social Choice and
 * Welfare 36, 2011), with winning votes as the strength of a link: the link i→j has
 * strength d[i][j] when d[i][j] > d[j][i], else 0; p[i][j] is the strength of the
 * strongest (widest) path, found by Floyd–Warshall. i ranks above j when
 * p[i][j] > p[j][i], a transitive relation (Schulze 2011 §4.1). The ranking takes, at
 * each place, the remaining candidate that no remaining candidate beats; where several
 * are unbeaten, one is drawn by lot (recorded).
 */
export function countSchulze(
  profile: BallotProfile,
  ids: readonly string[],
  book: LotBook,
): { ranking: number[]; detail: SchulzeDetail } {
  const n = ids.length;
  const d = pairwiseCounts(profile);
  const p: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const dij = (d[i] as number[])[j] as number;
      const dji = (d[j] as number[])[i] as number;
      row.push(i !== j && dij > dji ? dij : 0);
    }
    p.push(row);
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const pik = (p[i] as number[])[k] as number;
      if (pik === 0) continue;
      const pk = p[k] as number[];
      const pi = p[i] as number[];
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(pik, pk[j] as number);
        if (via > (pi[j] as number)) pi[j] = via;
      }
    }
  const withdrawn = new Set(profile.withdrawn);
  let left = ids.map((_, i) => i).filter((i) => !withdrawn.has(i));
  const ranking: number[] = [];
  const beats = (i: number, j: number): boolean =>
    ((p[i] as number[])[j] as number) > ((p[j] as number[])[i] as number);
  while (left.length > 0) {
    const unbeaten = left.filter((j) => !left.some((i) => i !== j && beats(i, j)));
    const next =
      unbeaten.length === 1 ? (unbeaten[0] as number) : drawLot(unbeaten, book, 'rank', 0);
    ranking.push(next);
    left = left.filter((c) => c !== next);
  }
  return { ranking, detail: { pairwise: d, strongest: p } };
}
