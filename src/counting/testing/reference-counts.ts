/**
 * Slow, obviously-correct reference counts, for tests only: they work on one object per
 * ballot paper (no aggregation, no tree, no parcels), in BigInt, and follow the rules'
 * text step by step. The fast counters must agree with them exactly.
 */
import { type BallotProfile, CANDIDATE_MASK, TIED_WITH_PREVIOUS } from '../profile.js';
import type { LotDrawn } from '../report.js';
import { type Lot, seededLot } from '../seeded-lot.js';

interface Paper {
  readonly prefs: readonly number[];
  at: number;
  value: bigint;
}

export interface ReferenceResult {
  elected: number[];
  /** Votes of every candidate at the end of each stage, in units. */
  stages: bigint[][];
  lots: Omit<LotDrawn, 'kind'>[];
}

/** Every ballot paper of a profile as the candidate indices it can transfer to, one per voter. */
export function expandPapers(profile: BallotProfile): number[][] {
  const out: number[][] = [];
  const withdrawn = new Set(profile.withdrawn);
  const { lines, weights, offsets, marks } = profile.ballots;
  for (let l = 0; l < lines; l++) {
    const groups: number[][] = [];
    for (let i = offsets[l] as number; i < (offsets[l + 1] as number); i++) {
      const m = marks[i] as number;
      const c = m & CANDIDATE_MASK;
      if ((m & TIED_WITH_PREVIOUS) !== 0 && groups.length > 0)
        (groups[groups.length - 1] as number[]).push(c);
      else groups.push([c]);
    }
    const prefs: number[] = [];
    for (const g of groups) {
      const live = g.filter((c) => !withdrawn.has(c));
      if (live.length === 0) continue;
      if (live.length > 1) break;
      prefs.push(live[0] as number);
    }
    for (let k = 0; k < (weights[l] as number); k++) out.push(prefs);
  }
  return out;
}

/** The larger of two BigInts (Math.max takes numbers only). */
function bigMax(a: bigint, b: bigint): bigint {
  if (b > a) return b;
  return a;
}

/** The smaller of two BigInts. */
function bigMin(a: bigint, b: bigint): bigint {
  if (b < a) return b;
  return a;
}

class Ties {
  readonly lots: Omit<LotDrawn, 'kind'>[] = [];
  private readonly lot: Lot;
  constructor(
    seed: string,
    private readonly ids: readonly string[],
  ) {
    this.lot = seededLot(seed);
  }
  draw(among: number[], purpose: LotDrawn['purpose'], stage: number): number {
    const sorted = [...among].sort((a, b) => a - b);
    const chosen = sorted[this.lot.draw(sorted.length)] as number;
    this.lots.push({
      stage,
      purpose,
      among: sorted.map((c) => this.ids[c] as string),
      chosen: this.ids[chosen] as string,
    });
    return chosen;
  }
  /** Most recent preceding stage with unequal votes, narrowing; then lot. */
  lookBack(
    tied: number[],
    stages: bigint[][],
    highest: boolean,
    purpose: LotDrawn['purpose'],
    stage: number,
  ): number {
    let set = [...tied];
    for (let s = stages.length - 1; s >= 0 && set.length > 1; s--) {
      const v = stages[s] as bigint[];
      const values = set.map((c) => v[c] as bigint);
      const best = values.reduce(highest ? bigMax : bigMin);
      set = set.filter((c) => v[c] === best);
    }
    return set.length === 1 ? (set[0] as number) : this.draw(set, purpose, stage);
  }
}

/** Scottish STV, SSI 2007/42 Sch. 1 rules 45–52, one paper at a time, in units of 1e-5. */
export function referenceScottishStv(
  profile: BallotProfile,
  seats: number,
  seed: string,
): ReferenceResult {
  const n = profile.candidates.length;
  const ids = profile.candidates.map((c) => c.id);
  const ties = new Ties(seed, ids);
  const UNIT = 100000n;
  const state: ('hopeful' | 'elected' | 'excluded')[] = Array.from({ length: n }, () => 'hopeful');
  for (const w of profile.withdrawn) state[w] = 'excluded';
  const held: Paper[][] = Array.from({ length: n }, () => []);
  const credited: bigint[] = Array.from({ length: n }, () => 0n);
  // Rule 45: valid papers (with a first preference) to their first preference at value 1.
  const papers = expandPapers(profile).filter((p) => p.length > 0);
  for (const prefs of papers) {
    const paper: Paper = { prefs, at: 0, value: UNIT };
    held[prefs[0] as number]?.push(paper);
    credited[prefs[0] as number] = (credited[prefs[0] as number] as bigint) + UNIT;
  }
  // Rule 46.
  const quota = (BigInt(papers.length) / BigInt(seats + 1) + 1n) * UNIT;
  const elected: number[] = [];
  const pending: number[] = [];
  const stages: bigint[][] = [];
  const hopeful = () => state.map((s, c) => (s === 'hopeful' ? c : -1)).filter((c) => c >= 0);
  const electReached = (stage: number) => {
    let reached = hopeful().filter((c) => (credited[c] as bigint) >= quota);
    while (reached.length) {
      const max = reached.map((c) => credited[c] as bigint).reduce(bigMax);
      const tied = reached.filter((c) => credited[c] === max);
      const c =
        tied.length > 1 ? ties.lookBack(tied, stages, true, 'elect', stage) : (tied[0] as number);
      state[c] = 'elected';
      elected.push(c);
      if ((credited[c] as bigint) > quota) pending.push(c);
      reached = reached.filter((x) => x !== c);
    }
  };
  // Moves a paper to its next available preference for a continuing candidate.
  const moveOn = (paper: Paper) => {
    let at = paper.at + 1;
    while (at < paper.prefs.length && state[paper.prefs[at] as number] !== 'hopeful') at++;
    if (at >= paper.prefs.length) return; // non-transferable
    paper.at = at;
    const c = paper.prefs[at] as number;
    held[c]?.push(paper);
    credited[c] = (credited[c] as bigint) + paper.value;
  };
  electReached(1);
  stages.push([...credited]);
  for (;;) {
    const left = seats - elected.length;
    if (left <= 0) break;
    const cont = hopeful();
    if (cont.length <= left) {
      for (const c of cont) {
        state[c] = 'elected';
        elected.push(c);
      }
      break;
    }
    const stage = stages.length + 1;
    if (pending.length) {
      const max = pending.map((c) => credited[c] as bigint).reduce(bigMax);
      const tied = pending.filter((c) => credited[c] === max);
      const from =
        tied.length > 1
          ? ties.lookBack(tied, stages, true, 'surplus-order', stage)
          : (tied[0] as number);
      pending.splice(pending.indexOf(from), 1);
      const total = credited[from] as bigint;
      const surplus = total - quota;
      const list = held[from] as Paper[];
      held[from] = [];
      for (const paper of list) {
        paper.value = (surplus * paper.value) / total; // rule 48(3), truncated
        moveOn(paper);
      }
      credited[from] = quota;
    } else {
      const min = cont.map((c) => credited[c] as bigint).reduce(bigMin);
      const tied = cont.filter((c) => credited[c] === min);
      const out =
        tied.length > 1
          ? ties.lookBack(tied, stages, false, 'exclude', stage)
          : (tied[0] as number);
      state[out] = 'excluded';
      const list = held[out] as Paper[];
      held[out] = [];
      for (const paper of list) moveOn(paper);
      credited[out] = 0n;
    }
    electReached(stage);
    stages.push([...credited]);
  }
  return { elected, stages, lots: ties.lots };
}

/** Instant-runoff, one ballot at a time, whole votes. */
export function referenceInstantRunoff(profile: BallotProfile, seed: string): ReferenceResult {
  const n = profile.candidates.length;
  const ids = profile.candidates.map((c) => c.id);
  const ties = new Ties(seed, ids);
  const out = new Set(profile.withdrawn);
  const papers = expandPapers(profile).filter((p) => p.length > 0);
  const stages: bigint[][] = [];
  for (;;) {
    const votes: bigint[] = Array.from({ length: n }, () => 0n);
    for (const p of papers) {
      const top = p.find((c) => !out.has(c));
      if (top !== undefined) votes[top] = (votes[top] as bigint) + 1n;
    }
    stages.push(votes);
    const cont = votes.map((_, c) => c).filter((c) => !out.has(c));
    const inCount = cont.reduce((a, c) => a + (votes[c] as bigint), 0n);
    const winner = cont.find((c) => (votes[c] as bigint) * 2n > inCount);
    if (winner !== undefined) return { elected: [winner], stages, lots: ties.lots };
    if (cont.length === 1) return { elected: cont, stages, lots: ties.lots };
    if (cont.length === 0) return { elected: [], stages, lots: ties.lots };
    const min = cont.map((c) => votes[c] as bigint).reduce(bigMin);
    const tied = cont.filter((c) => votes[c] === min);
    const loser =
      tied.length > 1
        ? ties.lookBack(tied, stages.slice(0, -1), false, 'exclude', stages.length + 1)
        : (tied[0] as number);
    out.add(loser);
  }
}

/**
 * Meek STV as defined in meek-stv.ts (HWW 1987, nine decimal places, keep rounded up),
 * one ballot at a time in BigInt.
 */
export function referenceMeek(
  profile: BallotProfile,
  seats: number,
  seed: string,
): ReferenceResult {
  const n = profile.candidates.length;
  const ids = profile.candidates.map((c) => c.id);
  const ties = new Ties(seed, ids);
  const S = 1_000_000_000n;
  const state: ('hopeful' | 'elected' | 'excluded')[] = Array.from({ length: n }, () => 'hopeful');
  const keep: bigint[] = Array.from({ length: n }, () => S);
  for (const w of profile.withdrawn) {
    state[w] = 'excluded';
    keep[w] = 0n;
  }
  const papers = expandPapers(profile).filter((p) => p.length > 0);
  let votes: bigint[] = [];
  let quota = 0n;
  const distribute = () => {
    votes = Array.from({ length: n }, () => 0n);
    for (const p of papers) {
      let w = S;
      for (const c of p) {
        if (w === 0n) break;
        const k = keep[c] as bigint;
        const kept = (w * k + S - 1n) / S;
        votes[c] = (votes[c] as bigint) + kept;
        w -= kept;
      }
    }
    const active = votes.reduce((a, b) => a + b, 0n);
    quota = active / BigInt(seats + 1) + 1n;
  };
  const elected: number[] = [];
  const stages: bigint[][] = [];
  const electReached = (stage: number) => {
    let reached = state
      .map((s, c) => (s === 'hopeful' && (votes[c] as bigint) >= quota ? c : -1))
      .filter((c) => c >= 0);
    const any = reached.length > 0;
    while (reached.length) {
      const max = reached.map((c) => votes[c] as bigint).reduce(bigMax);
      const tied = reached.filter((c) => votes[c] === max);
      const c =
        tied.length > 1 ? ties.lookBack(tied, stages, true, 'elect', stage) : (tied[0] as number);
      state[c] = 'elected';
      elected.push(c);
      reached = reached.filter((x) => x !== c);
    }
    return any;
  };
  distribute();
  electReached(1);
  stages.push(votes);
  for (;;) {
    const left = seats - elected.length;
    if (left <= 0) break;
    const hopeful = state.map((s, c) => (s === 'hopeful' ? c : -1)).filter((c) => c >= 0);
    if (hopeful.length <= left) {
      for (const c of hopeful) {
        state[c] = 'elected';
        elected.push(c);
      }
      break;
    }
    const stage = stages.length + 1;
    let last = -1n;
    let iterations = 0;
    let won = false;
    for (;;) {
      const surplus = state.reduce(
        (a, s, c) => (s === 'elected' ? a + (votes[c] as bigint) - quota : a),
        0n,
      );
      if (surplus <= 10_000n || (last >= 0n && surplus >= last) || iterations >= 100_000) break;
      last = surplus;
      for (let c = 0; c < n; c++)
        if (state[c] === 'elected') {
          const next =
            ((keep[c] as bigint) * quota + (votes[c] as bigint) - 1n) / (votes[c] as bigint);
          keep[c] = next > S ? S : next;
        }
      distribute();
      iterations++;
      if (electReached(stage)) {
        won = true;
        break;
      }
    }
    if (!won) {
      const min = hopeful.map((c) => votes[c] as bigint).reduce(bigMin);
      const tied = hopeful.filter((c) => votes[c] === min);
      const out = tied.length > 1 ? ties.draw(tied, 'exclude', stage) : (tied[0] as number);
      state[out] = 'excluded';
      keep[out] = 0n;
      distribute();
      electReached(stage);
    }
    stages.push(votes);
  }
  return { elected, stages, lots: ties.lots };
}

/**
 * Schulze by brute force: the strength of the strongest path from i to j is the best,
 * over every simple path, of its weakest link (winning votes), enumerated exhaustively.
 * Only for a handful of candidates.
 */
export function referenceSchulzeBeats(d: readonly (readonly number[])[]): boolean[][] {
  const n = d.length;
  const link = (i: number, j: number) => {
    const a = (d[i] as number[])[j] as number;
    const b = (d[j] as number[])[i] as number;
    return a > b ? a : 0;
  };
  const strongest = (from: number, to: number): number => {
    let best = 0;
    const walk = (at: number, seen: Set<number>, weakest: number) => {
      for (let next = 0; next < n; next++) {
        if (seen.has(next)) continue;
        const s = Math.min(weakest, link(at, next));
        if (s === 0) continue;
        if (next === to) best = Math.max(best, s);
        else {
          seen.add(next);
          walk(next, seen, s);
          seen.delete(next);
        }
      }
    };
    walk(from, new Set([from]), Number.POSITIVE_INFINITY);
    return best;
  };
  const p = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : strongest(i, j))),
  );
  return p.map((row, i) => row.map((v, j) => v > ((p[j] as number[])[i] as number)));
}
