/**
 * Test support: reads the shared real-election data sets (`../shared/datasets/elections`
 * beside the repository; see each SOURCE.md). Not part of the pure core's API: only
 * tests and the benchmark import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseBlt } from '../blt-format.js';
import { parsePreflib } from '../preflib-format.js';
import type { BallotProfile } from '../profile.js';
import { profileFromBallots } from '../profile-from-ballots.js';

export const ELECTIONS = new URL('../../../../shared/datasets/elections/', import.meta.url);

const at = (rel: string): URL => new URL(rel, ELECTIONS);

/** The Scottish 2017 ward files, by file name (e.g. `highland_2017_ward1.blt`). */
export function scottishWardFiles(): string[] {
  return readdirSync(at('scotland-2017-wards/blt/'))
    .filter((f) => f.endsWith('.blt'))
    .sort();
}

export function scottishWardBytes(file: string): Uint8Array {
  return readFileSync(at(`scotland-2017-wards/blt/${file}`));
}

export function scottishWard(file: string): BallotProfile {
  return parseBlt(scottishWardBytes(file));
}

export function preflibFile(rel: string): BallotProfile {
  return parsePreflib(readFileSync(at(rel)));
}

interface IrishJson {
  'Number of Seats': number;
  Constituency?: string;
  Candidate: { Name: string; Index: number }[];
  Ballot: number[][];
}

/**
 * An Irish 2002 constituency (ireland-2002-evoting): `Ballot[i][k]` is the preference
 * number given to the candidate with Index k (0 = not ranked).
 */
export function irishConstituency(file: string): BallotProfile {
  const data = JSON.parse(readFileSync(at(`ireland-2002-evoting/${file}`), 'utf8')) as IrishJson;
  const names = [...data.Candidate].sort((a, b) => a.Index - b.Index).map((c) => c.Name);
  const ballots = data.Ballot.map((prefs) =>
    prefs
      .map((p, k) => ({ p, k }))
      .filter((x) => x.p > 0)
      .sort((a, b) => a.p - b.p)
      .map((x) => names[x.k] as string),
  );
  return profileFromBallots({
    candidates: names,
    ballots,
    seats: data['Number of Seats'],
    title: data.Constituency ?? file,
  });
}

/**
 * Burlington 2009 (burlington-2009-rankedvote): rows `ballot_id,rank,choice`, a ballot's
 * rows contiguous. `$UNDERVOTE` (a blank rank) is skipped; `$OVERVOTE` ends the usable
 * ranking (Burlington's rule: the ballot is exhausted there); a candidate marked again at
 * a lower rank is ignored there (only their highest rank counts).
 */
export function burlington2009(): BallotProfile {
  const rows = readFileSync(
    at('burlington-2009-rankedvote/us_vt_btv_2009_03_mayor.normalized.csv'),
    'utf8',
  )
    .split('\n')
    .slice(1)
    .filter((r) => r.trim() !== '');
  const candidates: string[] = [];
  const rankings = new Map<string, string[][]>();
  for (const row of rows) {
    const [id, rank, choice] = row.split(',') as [string, string, string];
    if (!rankings.has(id)) rankings.set(id, []);
    const marks = rankings.get(id) as string[][];
    marks[Number(rank) - 1] = [choice.trim()];
    const c = choice.trim();
    if (!c.startsWith('$') && !candidates.includes(c)) candidates.push(c);
  }
  const ballots = [...rankings.values()].map((marks) => {
    const out: string[] = [];
    for (const m of marks) {
      const c = m?.[0];
      if (c === undefined || c === '$UNDERVOTE') continue;
      if (c === '$OVERVOTE') break;
      if (!out.includes(c)) out.push(c);
    }
    return out;
  });
  return profileFromBallots({ candidates: candidates.sort(), ballots, seats: 1 });
}
