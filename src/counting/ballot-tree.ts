import { type BallotProfile, CANDIDATE_MASK, TIED_WITH_PREVIOUS } from './profile.js';

/**
 * The ballots of a profile as a prefix tree of rankings, in preorder arrays: node 0 is
 * the root (no candidate); every other node is one candidate at one position of every
 * ballot that shares the ranking down to it. This is what makes a count fast: all
 * ballots with the same prefix move together, so a transfer works on nodes (each node
 * moves at most once per count), never on individual ballots, and identical rankings are
 * aggregated for free.
 *
 * The rankings stored are the ones transferable votes can use: withdrawn candidates are
 * skipped (as if not on the paper) and a ranking stops before the first rank that holds
 * two or more candidates (an overvote: no single next preference can be read from it).
 */
export interface BallotTree {
  /** Number of nodes, the root included. */
  readonly size: number;
  /** Candidate index of each node (-1 for the root). */
  readonly candidate: Int32Array;
  /** Number of ballots whose ranking passes through (starts with the prefix of) each node. */
  readonly weight: Float64Array;
  /** Number of ballots whose usable ranking ends at each node. Root: ballots with no usable preference. */
  readonly ending: Float64Array;
  /** Preorder index just past each node's subtree: its children are the nodes j = i + 1, then j = end[j], while j < end[i]. */
  readonly end: Int32Array;
  /** Depth of each node (root 0): the position of its candidate in the ranking, 1-based. */
  readonly depth: Int32Array;
  /** Parent of each node (-1 for the root); always a smaller index. */
  readonly parent: Int32Array;
}

/** Builds the tree of a profile. Linear in the number of marks (times a sibling scan). */
export function buildBallotTree(profile: BallotProfile): BallotTree {
  const { lines, weights, offsets, marks } = profile.ballots;
  const n = profile.candidates.length;
  const withdrawn = new Uint8Array(n);
  for (const w of profile.withdrawn) withdrawn[w] = 1;

  // Growable linked tree (first child / next sibling), then relabelled in preorder.
  let cap = 1024;
  let cand = new Int32Array(cap);
  let firstChild = new Int32Array(cap);
  let nextSibling = new Int32Array(cap);
  let wt = new Float64Array(cap);
  let endW = new Float64Array(cap);
  let count = 1;
  cand[0] = -1;
  firstChild[0] = -1;
  nextSibling[0] = -1;
  const grow = (): void => {
    cap *= 2;
    const c2 = new Int32Array(cap);
    c2.set(cand);
    cand = c2;
    const f2 = new Int32Array(cap);
    f2.set(firstChild);
    firstChild = f2;
    const s2 = new Int32Array(cap);
    s2.set(nextSibling);
    nextSibling = s2;
    const w2 = new Float64Array(cap);
    w2.set(wt);
    wt = w2;
    const e2 = new Float64Array(cap);
    e2.set(endW);
    endW = e2;
  };

  for (let line = 0; line < lines; line++) {
    const w = weights[line] as number;
    let node = 0;
    wt[0] = (wt[0] as number) + w;
    const stop = offsets[line + 1] as number;
    let i = offsets[line] as number;
    while (i < stop) {
      // Read one rank: the mark at i and every following mark flagged as tied with it.
      let chosen = -1;
      let members = 0;
      let j = i;
      do {
        const c = (marks[j] as number) & CANDIDATE_MASK;
        if (withdrawn[c] === 0) {
          chosen = c;
          members++;
        }
        j++;
      } while (j < stop && ((marks[j] as number) & TIED_WITH_PREVIOUS) !== 0);
      i = j;
      if (members === 0) continue; // a rank of withdrawn candidates only: skipped
      if (members > 1) break; // an overvote: the usable ranking ends here
      let child = firstChild[node] as number;
      while (child !== -1 && cand[child] !== chosen) child = nextSibling[child] as number;
      if (child === -1) {
        if (count === cap) grow();
        child = count++;
        cand[child] = chosen;
        firstChild[child] = -1;
        nextSibling[child] = firstChild[node] as number;
        firstChild[node] = child;
        wt[child] = 0;
        endW[child] = 0;
      }
      wt[child] = (wt[child] as number) + w;
      node = child;
    }
    endW[node] = (endW[node] as number) + w;
  }

  // Preorder relabelling with an explicit stack (rankings can be thousands deep).
  const candidate = new Int32Array(count);
  const weight = new Float64Array(count);
  const ending = new Float64Array(count);
  const end = new Int32Array(count);
  const depth = new Int32Array(count);
  const parent = new Int32Array(count);
  const stackNode = new Int32Array(n + 2);
  const stackIndex = new Int32Array(n + 2);
  const stackChild = new Int32Array(n + 2);
  let next = 0;
  let top = 0;
  const visit = (old: number, d: number, up: number): number => {
    const idx = next++;
    parent[idx] = up;
    candidate[idx] = cand[old] as number;
    weight[idx] = wt[old] as number;
    ending[idx] = endW[old] as number;
    depth[idx] = d;
    return idx;
  };
  stackNode[0] = 0;
  stackIndex[0] = visit(0, 0, -1);
  stackChild[0] = firstChild[0] as number;
  while (top >= 0) {
    const child = stackChild[top] as number;
    if (child === -1) {
      end[stackIndex[top] as number] = next;
      top--;
      continue;
    }
    stackChild[top] = nextSibling[child] as number;
    top++;
    stackNode[top] = child;
    stackIndex[top] = visit(child, top, stackIndex[top - 1] as number);
    stackChild[top] = firstChild[child] as number;
  }
  return { size: count, candidate, weight, ending, end, depth, parent };
}
