import type { BallotTree } from './ballot-tree.js';

/** A candidate's state in a transfer count. */
export const HOPEFUL = 0;
export const ELECTED = 1;
export const EXCLUDED = 2;

/**
 * The parcels of ballot papers each candidate holds, as (tree node, value per paper)
 * pairs: every ballot under a node has the same history, so it sits with the same
 * candidate at the same value. Votes are whole numbers of units (1 vote = `scale`).
 *
 * Invariant: `votes[c]` = Σ over c's parcels of `tree.weight[node] × value`, and
 * Σ votes + nonTransferable + lost = the valid vote, at every step.
 */
export class PileSet {
  readonly votes: Float64Array;
  readonly status: Uint8Array;
  /** Value of papers that reached the end of their usable ranking (exhausted). */
  nonTransferable = 0;
  private nodes: Int32Array[];
  private values: Float64Array[];
  private lengths: Int32Array;

  constructor(
    private readonly tree: BallotTree,
    candidates: number,
  ) {
    this.votes = new Float64Array(candidates);
    this.status = new Uint8Array(candidates);
    this.nodes = [];
    this.values = [];
    this.lengths = new Int32Array(candidates);
    for (let c = 0; c < candidates; c++) {
      this.nodes.push(new Int32Array(16));
      this.values.push(new Float64Array(16));
    }
  }

  /** Number of parcels candidate c holds (for reports and tests). */
  parcels(c: number): number {
    return this.lengths[c] as number;
  }

  private push(c: number, node: number, value: number): void {
    let len = this.lengths[c] as number;
    let nodes = this.nodes[c] as Int32Array;
    if (len === nodes.length) {
      const n2 = new Int32Array(len * 2);
      n2.set(nodes);
      this.nodes[c] = n2;
      nodes = n2;
      const v2 = new Float64Array(len * 2);
      v2.set(this.values[c] as Float64Array);
      this.values[c] = v2;
    }
    nodes[len] = node;
    (this.values[c] as Float64Array)[len] = value;
    this.lengths[c] = ++len;
  }

  /**
   * The first stage (Scottish rule 45): every valid paper goes to its first preference
   * at `unit` (the value of one vote). Ballots with no usable preference are not valid
   * papers and are not counted. Returns the valid vote in units.
   */
  firstPreferences(unit: number): number {
    const { tree } = this;
    let total = 0;
    const stop = tree.end[0] as number;
    for (let j = 1; j < stop; j = tree.end[j] as number) {
      this.place(j, unit);
      total += (tree.weight[j] as number) * unit;
    }
    return total;
  }

  /**
   * Moves a parcel's papers (at `value` each) down from `node` to the next continuing
   * candidate on them: the node's own candidate if hopeful, else on to its children.
   * Papers whose usable ranking ends on the way are non-transferable.
   */
  private place(node: number, value: number): void {
    const { tree, status } = this;
    const c = tree.candidate[node] as number;
    if (status[c] === HOPEFUL) {
      this.push(c, node, value);
      this.votes[c] = (this.votes[c] as number) + (tree.weight[node] as number) * value;
      return;
    }
    this.descend(node, value);
  }

  /** Sends the papers at `node` (whose candidate is no longer continuing) to the next preference. */
  private descend(node: number, value: number): void {
    const { tree } = this;
    this.nonTransferable += (tree.ending[node] as number) * value;
    const stop = tree.end[node] as number;
    for (let j = node + 1; j < stop; j = tree.end[j] as number) this.place(j, value);
  }

  /**
   * Transfers every paper candidate `from` holds to the next continuing preference,
   * each paper now worth `revalue(value it had when received)` (Scottish rule 48(3) for
   * a surplus; unchanged for an exclusion, rule 50(4)). Precondition: `from` is no
   * longer HOPEFUL. Leaves `from` with no papers and `votes[from]` untouched (the
   * caller sets what the rules credit it with). Returns the value that reached
   * continuing candidates and the value that became non-transferable.
   */
  transfer(from: number, revalue: (value: number) => number): { moved: number; exhausted: number } {
    const len = this.lengths[from] as number;
    const nodes = this.nodes[from] as Int32Array;
    const values = this.values[from] as Float64Array;
    this.nodes[from] = new Int32Array(16);
    this.values[from] = new Float64Array(16);
    this.lengths[from] = 0;
    const before = this.sumContinuing();
    const exhaustedBefore = this.nonTransferable;
    let lastIn = -1;
    let lastOut = 0;
    for (let i = 0; i < len; i++) {
      const v = values[i] as number;
      // Parcels at the same value are common: reuse the last revaluation.
      if (v !== lastIn) {
        lastIn = v;
        lastOut = revalue(v);
      }
      if (lastOut === 0) continue;
      this.descend(nodes[i] as number, lastOut);
    }
    return {
      moved: this.sumContinuing() - before,
      exhausted: this.nonTransferable - exhaustedBefore,
    };
  }

  private sumContinuing(): number {
    let s = 0;
    for (let c = 0; c < this.votes.length; c++)
      if (this.status[c] === HOPEFUL) s += this.votes[c] as number;
    return s;
  }
}
