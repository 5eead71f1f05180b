import { ratioToNumber } from './fraction.js';
import type { Profile } from './profile.js';

/**
 * The Method of Equal Shares with cost utilities for one per-voter budget, fast and
 * exact (Peters, Pierczyński & Skowron, "Proportional participatory budgeting with
 * additive utilities", NeurIPS 2021, rule "MES"; as computed by the equalshares.net
 * compute tool and Pabulib's checker, which this reproduces decision for decision).
 *
 * ## The rule
 * Every voter starts with the same budget β. A voter's utility for a project is its
 * cost times their weight for it (profile.ts: 1 for an approval). In each round, for
 * every project c not yet funded, let q_c be the least payment per unit of weight such
 * that its supporters can pay its cost, each paying min(own budget, q_c × weight):
 *     f_c(q) = Σ_i min(b_i, q·w_i) ≥ cost_c                                (1)
 * A project whose supporters hold less than its cost in total is dropped for good
 * (budgets only shrink). The project with the least ρ_c = q_c / cost_c — the most
 * "effective votes" per unit of cost, cost_c / q_c for approvals — is funded; each
 * supporter pays min(b_i, q_c·w_i). Ties in ρ go to the lower cost, then to more votes,
 * then to the earlier project in `tieOrder` (equalshares.net, "Tie breaking"; the last
 * step stands in for the lot that the city draws beforehand). The round repeats until no
 * project is affordable.
 *
 * ## How it stays exact and still runs in milliseconds on 90,000 voters
 * Voters who cast the same ballot (same projects, same weights) are treated as one
 * *ballot type* with a multiplicity: the rule treats them alike, so they always hold the
 * same budget (exact, not an approximation). Types are numbered in the order of their
 * ballots, most-voted projects first, so that each project's supporters lie close
 * together in memory.
 *
 * The exact state is tiny: a supporter either pays q_c·w_i in full or is left with
 * nothing, so a type with money left has paid exactly Σ w(t)·q_t over the funded
 * projects t on its ballot. The engine keeps every q_t exactly, as a numerator `unit[t]`
 * over one common denominator `den` (bigints), plus for each type whether it has nothing
 * left (a negative float budget says so). Any budget can then be recomputed exactly on
 * demand.
 *
 * Floating-point copies of the budgets only *guide* the work: every decision is taken
 * either with a float margin larger than a proven bound on the float error, or exactly.
 * - A float budget has absolute error below (k+1)·β·2^-51 after k rounds (each payment
 *   adds at most q·w·2^-52 + β·2^-53 ≤ β·2^-51, a payment of everything is exact); the
 *   engine uses E = (k+1)·β·2^-48 per voter.
 * - Affordability: the float sum is decided with a margin of (voters)·E plus the
 *   summation bound; inside the margin the exact sum decides.
 * - q_c: Newton steps on (1) in floats, then a certificate that brackets the exact q_c
 *   (see `level`). Projects whose brackets overlap the best are compared exactly; the
 *   rest are certainly worse.
 * - The funded project's exact q is computed from the float classification of who runs
 *   out of money, then checked (float with margin, exactly inside the margin); any
 *   mismatch falls back to the literal exact water-filling.
 * - Lazy evaluation (equalshares.net, "Computation"): q_c only grows from round to round,
 *   so a project whose last lower bound is already worse than the best upper bound of
 *   this round is not re-evaluated. Exhausted types are dropped from the supporter lists.
 *
 * Mode `exact` skips the floats and decides everything exactly (slower; also used for a
 * run whose share or costs exceed 2^50 minor units, beyond the float bounds); mode `jittered`
 * is `guarded` with a deterministic error of up to β·2^-49 added to each float budget at
 * each payment (as large as the rounding errors the guard must absorb) and the level
 * guessed for the exact computation of a funded project set 10 % off in two rounds out of
 * three, so that tests reach the checks and fallbacks that real rounding rarely needs.
 * All three give the same outcome.
 */
export type MesMode = 'guarded' | 'exact' | 'jittered';

export interface MesTie {
  /** Zero-based round. */
  readonly round: number;
  /** Project indices tied for the least ρ. */
  readonly projects: readonly number[];
  readonly chosen: number;
  readonly brokenBy: 'cost' | 'votes' | 'order';
}

/** The outcome of one run at one per-voter budget. */
export interface MesRun {
  /** β, in minor units. */
  readonly perVoter: bigint;
  /** Funded project indices, in the order funded. */
  readonly selected: readonly number[];
  readonly spent: bigint;
  /**
   * For the t-th funded project, the payment per unit of weight q_t is
   * `unitPayments[t] / denominator` minor units.
   */
  readonly unitPayments: readonly bigint[];
  readonly denominator: bigint;
  /** 1 for each voter (in ballot order) left with nothing (empty if not complete). */
  readonly exhausted: Uint8Array;
  readonly ties: readonly MesTie[];
  /**
   * False if the run stopped early because a `cap` was given and its outcome was settled
   * against it (see `run`): then only `perVoter`, `spent` (the cost so far) and the
   * funding order so far are meaningful, and `exhausted` is empty.
   */
  readonly complete: boolean;
}

const EPS = 2 ** -52;
/** The float budget of a type left with nothing: negative, so one read tells both. */
const EXHAUSTED = -1;
/** Beyond this many minor units, amounts are not trusted to floats. */
const LARGE = 2n ** 50n;
/** How many of the smallest ratios above the start of the water level evaluate() keeps. */
const K = 8;

/** Sorts the first n entries of the parallel arrays by ratio (insertion sort; n ≤ K). */
function sortByRatio(
  r: Float64Array,
  x: Float64Array,
  w: Float64Array,
  m: Float64Array,
  slot: Int32Array,
  n: number,
): void {
  for (let a = 1; a < n; a++) {
    const ra = r[a] ?? 0;
    const xa = x[a] ?? 0;
    const wa = w[a] ?? 0;
    const ma = m[a] ?? 0;
    const sa = slot[a] ?? 0;
    let b = a - 1;
    while (b >= 0 && (r[b] ?? 0) > ra) {
      r[b + 1] = r[b] ?? 0;
      x[b + 1] = x[b] ?? 0;
      w[b + 1] = w[b] ?? 0;
      m[b + 1] = m[b] ?? 0;
      slot[b + 1] = slot[b] ?? 0;
      b -= 1;
    }
    r[b + 1] = ra;
    x[b + 1] = xa;
    w[b + 1] = wa;
    m[b + 1] = ma;
    slot[b + 1] = sa;
  }
}

function smallGcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** Ballot types: distinct ballots with their multiplicity, in a memory-friendly order. */
interface BallotTypes {
  readonly count: number;
  readonly typeOf: Int32Array;
  readonly mult: Float64Array;
  readonly ballotStart: Int32Array;
  readonly ballotProject: Int32Array;
  readonly ballotWeight: Float64Array;
}

/**
 * Groups voters by ballot (positive weights only; order within a ballot ignored) and
 * numbers the groups by their ballots read as strings of project ranks, most-voted
 * project first.
 */
function ballotTypes(p: Profile): BallotTypes {
  const rankOf = new Int32Array(p.m);
  const byVotes = Array.from({ length: p.m }, (_, c) => c).sort(
    (a, b) => (p.votes[b] ?? 0) - (p.votes[a] ?? 0) || a - b,
  );
  for (const [r, c] of byVotes.entries()) rankOf[c] = r;
  const index = new Map<string, number>();
  const keys: string[] = [];
  const first: number[] = [];
  const members: number[] = [];
  const provisional = new Int32Array(p.n);
  const entries: number[] = [];
  for (let i = 0; i < p.n; i++) {
    entries.length = 0;
    const end = p.ballotStart[i + 1] ?? 0;
    let unit = true;
    for (let e = p.ballotStart[i] ?? 0; e < end; e++) {
      const w = p.ballotWeight[e] ?? 0;
      if (w <= 0) continue;
      if (w !== 1) unit = false;
      entries.push(rankOf[p.ballotProject[e] ?? 0] ?? 0, w);
    }
    // Sort the (rank, weight) pairs by rank: ballots are short.
    for (let a = 2; a < entries.length; a += 2) {
      const r = entries[a] ?? 0;
      const w = entries[a + 1] ?? 0;
      let b = a - 2;
      while (b >= 0 && (entries[b] ?? 0) > r) {
        entries[b + 2] = entries[b] ?? 0;
        entries[b + 3] = entries[b + 1] ?? 0;
        b -= 2;
      }
      entries[b + 2] = r;
      entries[b + 3] = w;
    }
    let key = '';
    for (let a = 0; a < entries.length; a += 2) key += String.fromCharCode((entries[a] ?? 0) + 1);
    if (!unit) {
      key += '\u0000';
      for (let a = 1; a < entries.length; a += 2) key += `${entries[a]},`;
    }
    let t = index.get(key);
    if (t === undefined) {
      t = keys.length;
      index.set(key, t);
      keys.push(key);
      first.push(i);
      members.push(0);
    }
    members[t] = (members[t] ?? 0) + 1;
    provisional[i] = t;
  }
  const count = keys.length;
  const order = Array.from({ length: count }, (_, t) => t).sort((a, b) => {
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const renumber = new Int32Array(count);
  for (const [t, old] of order.entries()) renumber[old] = t;
  const typeOf = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) typeOf[i] = renumber[provisional[i] ?? 0] ?? 0;
  const mult = new Float64Array(count);
  const ballotStart = new Int32Array(count + 1);
  const projectList: number[] = [];
  const weightList: number[] = [];
  for (const [t, old] of order.entries()) {
    mult[t] = members[old] ?? 0;
    ballotStart[t] = projectList.length;
    const i = first[old] ?? 0;
    const end = p.ballotStart[i + 1] ?? 0;
    for (let e = p.ballotStart[i] ?? 0; e < end; e++) {
      const w = p.ballotWeight[e] ?? 0;
      if (w <= 0) continue;
      projectList.push(p.ballotProject[e] ?? 0);
      weightList.push(w);
    }
  }
  ballotStart[count] = projectList.length;
  return {
    count,
    typeOf,
    mult,
    ballotStart,
    ballotProject: Int32Array.from(projectList),
    ballotWeight: Float64Array.from(weightList),
  };
}

export class MesEngine {
  private readonly p: Profile;
  private readonly mode: MesMode;
  /** Lower wins the last tie-break. */
  private readonly tieRank: Int32Array;
  private readonly costF: Float64Array;
  private readonly eligible: readonly number[];
  /** Each project's lower bound on ρ before any round. */
  private readonly firstLo: Float64Array;
  private readonly types: BallotTypes;
  /** Supporter types of project c: `sType/sWeight[sStart[c] .. sStart[c+1])`. */
  private readonly sStart: Int32Array;
  private readonly sType: Int32Array;
  private readonly sWeight: Float64Array;
  /** Some cost is above 2^50 minor units. */
  private readonly largeCosts: boolean;
  /** Every weight is 1 (approval ballots): the working weights never change. */
  private readonly unitWeights: boolean;
  /** Multiplicity of each ballot type. */
  private readonly tm: Float64Array;

  // Per-run state, per type.
  private readonly bud: Float64Array;
  /** Working supporter lists, compacted as types run out of money. */
  private readonly wv: Int32Array;
  private readonly ww: Float64Array;
  private readonly len: Int32Array;
  private readonly selIndex: Int32Array;
  private readonly status: Uint8Array;
  private readonly staleLo: Float64Array;
  private unit: bigint[] = [];
  private den = 1n;
  private beta = 0n;
  private betaF = 0;
  private betaDen = 0n;
  private k = 0;
  /**
   * This run decides everything exactly: in mode `exact`, or when amounts are too large
   * for the float error bounds (a share or a cost above 2^50 minor units).
   */
  private exactRun = false;
  /** Per type, how many projects on its ballot are still candidates (not funded, not dropped). */
  private readonly remCount: Int32Array;
  private readonly firstRemCount: Int32Array;
  /** Voters whose ballot names a candidate project at the start. */
  private readonly firstLiveVoters: number;
  /**
   * Σ μ·x over the types with money and a candidate project left: all the money that can
   * still be spent (floats, with `liveUpdates` roundings so far).
   */
  private liveMoney = 0;
  private liveUpdates = 0;

  // Results of the last evaluation of each project in the current round.
  private readonly evLo: Float64Array;
  private readonly evHi: Float64Array;
  private readonly evQ: Float64Array;
  private readonly evW: Float64Array;
  private readonly evFast: Uint8Array;
  /**
   * 1 if the level was certified from the evaluation's first pass with the voters short
   * of money at the level known for sure: then their slots are `poorSlot[sStart[c] ..
   * sStart[c] + evPoor[c])` and computeExact needs no pass over all supporters.
   */
  private readonly evSure: Uint8Array;
  private readonly evPoor: Int32Array;
  private readonly poorSlot: Int32Array;

  // Result of the last exact computation: q = exNum / (exW · den); cls[j] = 1 if the
  // j-th current supporter type runs out of money.
  private exNum = 0n;
  private exW = 0;
  private splitWeight = 0;
  private splitVoters = 0;
  private splitNear = 0;
  /** The lower end of the last certified level (certified). */
  private lower = 0;
  private readonly cls: Uint8Array;
  /** Positions of supporters near the water level (computeExact). */
  private readonly near: Int32Array;

  private readonly coef: Float64Array;
  private readonly kR = new Float64Array(K);
  private readonly kX = new Float64Array(K);
  private readonly kW = new Float64Array(K);
  private readonly kM = new Float64Array(K);
  private readonly kSlot = new Int32Array(K);

  /**
   * @param tieRank for each project, its place in the final tie-break order (lower
   *   first); defaults to the round's project order.
   */
  constructor(profile: Profile, mode: MesMode = 'guarded', tieRank?: Int32Array) {
    this.p = profile;
    this.mode = mode;
    const { m } = profile;
    this.tieRank = tieRank ?? Int32Array.from({ length: m }, (_, c) => c);
    this.costF = Float64Array.from(profile.costs, (c) => Number(c));
    this.largeCosts = profile.costs.some((c) => c > LARGE);
    const types = ballotTypes(profile);
    this.types = types;
    const T = types.count;

    // Supporter lists by type, in type order.
    const counts = new Int32Array(m);
    for (let e = 0; e < types.ballotProject.length; e++) {
      const c = types.ballotProject[e] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
    }
    this.sStart = new Int32Array(m + 1);
    for (let c = 0; c < m; c++) this.sStart[c + 1] = (this.sStart[c] ?? 0) + (counts[c] ?? 0);
    const total = this.sStart[m] ?? 0;
    this.sType = new Int32Array(total);
    this.sWeight = new Float64Array(total);
    const fill = this.sStart.slice(0, m);
    for (let t = 0; t < T; t++) {
      const end = types.ballotStart[t + 1] ?? 0;
      for (let e = types.ballotStart[t] ?? 0; e < end; e++) {
        const c = types.ballotProject[e] ?? 0;
        const slot = fill[c] ?? 0;
        this.sType[slot] = t;
        this.sWeight[slot] = types.ballotWeight[e] ?? 1;
        fill[c] = slot + 1;
      }
    }

    this.unitWeights = this.sWeight.every((w) => w === 1);
    this.tm = types.mult;
    const eligible: number[] = [];
    let widest = 0;
    this.firstLo = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      const start = this.sStart[c] ?? 0;
      const end = this.sStart[c + 1] ?? 0;
      widest = Math.max(widest, end - start);
      // q_c·W_c ≥ cost_c, so ρ_c ≥ 1 / W_c: a valid first lower bound.
      let weight = 0;
      for (let j = start; j < end; j++) {
        weight += (this.sWeight[j] ?? 0) * (types.mult[this.sType[j] ?? 0] ?? 0);
      }
      this.firstLo[c] = weight > 0 ? (1 / weight) * (1 - 4 * EPS) : Number.POSITIVE_INFINITY;
      if (end > start && (profile.costs[c] ?? 0n) > 0n) eligible.push(c);
    }
    this.eligible = eligible;
    const isEligible = new Uint8Array(m);
    for (const c of eligible) isEligible[c] = 1;
    this.firstRemCount = new Int32Array(T);
    let liveVoters = 0;
    for (let t = 0; t < T; t++) {
      let count = 0;
      const end = types.ballotStart[t + 1] ?? 0;
      for (let e = types.ballotStart[t] ?? 0; e < end; e++) {
        count += isEligible[types.ballotProject[e] ?? 0] ?? 0;
      }
      this.firstRemCount[t] = count;
      if (count > 0) liveVoters += types.mult[t] ?? 0;
    }
    this.firstLiveVoters = liveVoters;
    this.remCount = new Int32Array(T);
    this.bud = new Float64Array(T);
    this.wv = new Int32Array(total);
    this.ww = Float64Array.from(this.sWeight);
    this.poorSlot = new Int32Array(total);
    this.len = new Int32Array(m);
    this.selIndex = new Int32Array(m);
    this.status = new Uint8Array(m);
    this.staleLo = new Float64Array(m);
    this.evLo = new Float64Array(m);
    this.evHi = new Float64Array(m);
    this.evQ = new Float64Array(m);
    this.evW = new Float64Array(m);
    this.evFast = new Uint8Array(m);
    this.evSure = new Uint8Array(m);
    this.evPoor = new Int32Array(m);
    this.cls = new Uint8Array(widest);
    this.near = new Int32Array(widest);
    this.coef = new Float64Array(m);
  }

  /**
   * Runs the rule with every voter's budget equal to `perVoter` minor units.
   * `hint` (optional) is a guess of the funding order, e.g. the previous run's: the
   * hinted project is evaluated first in each round, which only saves work.
   *
   * With a `cap` (minor units), the run stops as soon as it is settled whether its
   * outcome costs more than the cap: when what is funded already costs more, or when it
   * plus all the money still able to buy a candidate project (the budgets of the voters
   * with a candidate left on their ballot, counted with its float error bound) is at most
   * the cap — future projects are paid from that money only. The result then has
   * `complete: false`.
   */
  run(perVoter: bigint, hint?: readonly number[], cap?: bigint): MesRun {
    this.reset(perVoter);
    const p = this.p;
    const selected: number[] = [];
    const ties: MesTie[] = [];
    let spent = 0n;
    let remaining = this.eligible.slice();
    const evaluated: number[] = [];
    const capF = cap === undefined ? 0 : Number(cap);
    let complete = true;
    for (;;) {
      remaining.sort((a, b) => (this.staleLo[a] ?? 0) - (this.staleLo[b] ?? 0));
      evaluated.length = 0;
      let best = Number.POSITIVE_INFINITY;
      const consider = (c: number): void => {
        if (this.evaluate(c)) {
          this.staleLo[c] = this.evLo[c] ?? 0;
          evaluated.push(c);
          best = Math.min(best, this.evHi[c] ?? 0);
        } else {
          this.status[c] = 2;
          this.leave(c);
        }
      };
      const hinted = hint?.[this.k];
      if (hinted !== undefined && this.status[hinted] === 0) consider(hinted);
      for (const c of remaining) {
        if ((this.staleLo[c] ?? 0) > best) break;
        if (c !== hinted) consider(c);
      }
      remaining = remaining.filter((c) => this.status[c] === 0);
      if (evaluated.length === 0) break;
      const candidates = evaluated.filter((c) => (this.evLo[c] ?? 0) <= best);
      const winner = candidates.length === 1 ? (candidates[0] ?? 0) : this.decide(candidates, ties);
      if (!this.computeExact(winner)) throw new Error('MES: a funded project is not affordable');
      this.pay(winner);
      this.status[winner] = 1;
      selected.push(winner);
      spent += p.costs[winner] ?? 0n;
      remaining = remaining.filter((c) => c !== winner);
      if (cap !== undefined) {
        if (spent > cap) {
          complete = false;
          break;
        }
        // Rounding of the running sum, plus each float budget's error.
        const error =
          (3 * this.liveUpdates + 2) * EPS * 2 * this.firstLiveVoters * this.betaF +
          this.firstLiveVoters * this.budgetError();
        if (Number(spent) + this.liveMoney + error + 1 <= capF) {
          complete = false;
          break;
        }
      }
    }
    const exhausted = new Uint8Array(complete ? p.n : 0);
    if (complete) {
      const { typeOf } = this.types;
      for (let i = 0; i < p.n; i++) {
        exhausted[i] = (this.bud[typeOf[i] ?? 0] ?? 0) === EXHAUSTED ? 1 : 0;
      }
    }
    return {
      perVoter,
      selected,
      spent,
      unitPayments: this.unit.slice(),
      denominator: this.den,
      exhausted,
      ties,
      complete,
    };
  }

  /** Project c leaves the candidates (dropped): its supporters may stop being live. */
  private leave(c: number): void {
    const start = this.sStart[c] ?? 0;
    const end = start + (this.len[c] ?? 0);
    const { wv, tm, bud, remCount } = this;
    for (let j = start; j < end; j++) {
      const t = wv[j] ?? 0;
      if ((bud[t] ?? 0) < 0) continue;
      const left = (remCount[t] ?? 0) - 1;
      remCount[t] = left;
      if (left === 0) {
        this.liveMoney -= (tm[t] ?? 1) * (bud[t] ?? 0);
        this.liveUpdates += 1;
      }
    }
  }

  private reset(perVoter: bigint): void {
    this.exactRun = this.mode === 'exact' || perVoter > LARGE || this.largeCosts;
    this.beta = perVoter;
    this.betaF = Number(perVoter);
    this.den = 1n;
    this.betaDen = perVoter;
    this.unit = [];
    this.k = 0;
    this.bud.fill(this.betaF);
    this.evQ.fill(0);
    this.remCount.set(this.firstRemCount);
    this.liveMoney = this.firstLiveVoters * this.betaF;
    this.liveUpdates = 1;
    this.wv.set(this.sType);
    if (!this.unitWeights) this.ww.set(this.sWeight);
    for (let c = 0; c < this.p.m; c++) {
      this.len[c] = (this.sStart[c + 1] ?? 0) - (this.sStart[c] ?? 0);
    }
    this.staleLo.set(this.firstLo);
    this.selIndex.fill(-1);
    this.status.fill(2);
    for (const c of this.eligible) this.status[c] = 0;
  }

  /** The absolute error bound on any float budget after the rounds so far. */
  private budgetError(): number {
    return (this.k + 1) * this.betaF * 2 ** -48;
  }

  /**
   * Evaluates project c in the current state: false if it is unaffordable; else sets
   * evLo/evHi (certain bounds on ρ_c), evQ (the float level q_c they were certified
   * around), evW (the weight of its supporters with money left), evFast (1 if certainly
   * nobody runs out of money) and evSure/evPoor/poorSlot.
   *
   * One pass over the supporters drops the types left with nothing and sums what a first
   * step of the water level needs (see `level`), starting below the level: at q0, the
   * project's level at its last evaluation in this run (levels only rise), or cost / W.
   * It splits the types at q0 into those short of money (ratio x/w < q0) and the others,
   * keeping the K smallest ratios of the others; the water-filling then runs exactly over
   * those K, moving to the short side every type whose ratio the level passes.
   */
  private evaluate(c: number): boolean {
    const start = this.sStart[c] ?? 0;
    const end = start + (this.len[c] ?? 0);
    const { wv, ww, tm, bud, poorSlot } = this;
    const unit = this.unitWeights;
    const cost = this.costF[c] ?? 0;
    const warm = this.evQ[c] ?? 0;
    const q0 = warm > 0 ? warm : cost * (this.firstLo[c] ?? 0);
    let write = start;
    let voters = 0;
    let sumX = 0;
    let sumW = 0;
    let poorX = 0;
    let richW = 0;
    let maxPoor = 0;
    let poor = 0;
    // The K smallest ratios among those paying in full at q0 (kR…kSlot, largest at kTop).
    const { kR, kX, kW, kM, kSlot } = this;
    let kCount = 0;
    let kTop = 0;
    // Below this a ratio enters the K: anything until they are K, then their largest.
    let kMax = Number.POSITIVE_INFINITY;
    for (let j = start; j < end; j++) {
      const t = wv[j] ?? 0;
      const x = bud[t] ?? 0;
      if (x < 0) continue;
      const w = unit ? 1 : (ww[j] ?? 1);
      const mu = tm[t] ?? 1;
      if (write !== j) {
        wv[write] = t;
        if (!unit) ww[write] = w;
      }
      voters += mu;
      sumX += mu * x;
      sumW += mu * w;
      const r = w === 1 ? x : x / w;
      if (r < q0) {
        poorX += mu * x;
        poorSlot[start + poor] = write;
        poor += 1;
        if (r > maxPoor) maxPoor = r;
      } else {
        richW += mu * w;
        if (r < kMax) {
          const into = kCount < K ? kCount++ : kTop;
          kR[into] = r;
          kX[into] = x;
          kW[into] = w;
          kM[into] = mu;
          kSlot[into] = write;
          if (kCount === K) {
            kTop = 0;
            for (let i = 1; i < K; i++) if ((kR[i] ?? 0) > (kR[kTop] ?? 0)) kTop = i;
            kMax = kR[kTop] ?? 0;
          }
        }
      }
      write += 1;
    }
    const count = write - start;
    this.len[c] = count;
    this.evSure[c] = 0;
    if (count === 0) return false;
    this.evW[c] = sumW;
    if (this.exactRun) return this.evaluateExactly(c);

    const e = this.budgetError();
    const sumErr = voters * e + (count + 2) * EPS * (sumX + cost);
    if (sumX + sumErr < cost) return false;
    if (sumX - sumErr < cost && !this.exactlyAffordable(c)) return false;

    // Water-filling over the K smallest ratios: whoever the level passes gives
    // everything. The rest pay in full; their ratios are at least `minRich` (the next
    // smallest known, or the K-th when all K are passed).
    sortByRatio(kR, kX, kW, kM, kSlot, kCount);
    let threshold = q0;
    let passed = 0;
    while (passed < kCount && richW > 0) {
      const r = kR[passed] ?? 0;
      if ((cost - poorX) / richW < r) break;
      const mu = kM[passed] ?? 1;
      poorX += mu * (kX[passed] ?? 0);
      richW -= mu * (kW[passed] ?? 1);
      poorSlot[start + poor] = kSlot[passed] ?? 0;
      poor += 1;
      if (r > maxPoor) maxPoor = r;
      if (r > threshold) threshold = r;
      passed += 1;
    }
    const minRich =
      passed < kCount
        ? (kR[passed] ?? 0)
        : kCount === K
          ? (kR[K - 1] ?? 0)
          : Number.POSITIVE_INFINITY;
    const certifiedAt = this.level(
      c,
      count,
      voters,
      cost,
      sumX,
      sumW,
      e,
      threshold,
      poorX,
      richW,
      minRich,
    );
    if (certifiedAt < 0) return this.evaluateExactly(c);
    // Certified by the first pass, the level lies in [lower, hi] with every type at or
    // above q0 able to pay hi (level's certificate). If also every type below q0 is
    // certainly below `lower`, the first pass classified everyone for sure.
    if (certifiedAt === 0 && maxPoor * (1 + 4 * EPS) + e < this.lower) {
      this.evSure[c] = 1;
      this.evPoor[c] = poor;
    }
    return true;
  }

  /**
   * Finds and certifies the water level of c: the q at which f(q) = Σ μ·min(b, q·w)
   * over its supporter types reaches the cost, given the sums of a first split of its
   * supporters: poorX = Σ μx over the types short of money (float budget x, ratio x/w at
   * most q), richW = Σ μw over the others, and minRich, a lower bound on their ratios.
   * Returns the pass that certified it (0 for the first split), or −1 if 40 passes
   * certify nothing (the caller then computes it exactly).
   *
   * f is concave, increasing and piecewise linear. Newton's step from q is
   * q' = (cost − poorX) / richW; it is certified without another pass when the types
   * paying in full at q can also pay at q'(1 + δ) (minRich − E ≥ q'(1 + δ) ≥ q): then,
   * with `margin` bounding the float error of the sums,
   *   f(q'(1 + δ)) ≥ q'(1 + δ)·richW + poorX − margin ≥ cost, and
   *   f(q'(1 − δ)) ≤ q'(1 − δ)·richW + poorX + margin < cost
   * for δ = 4·margin / (q'·richW), so the exact level lies within q'(1 ± δ). Otherwise a
   * pass over the supporters at q' follows (Newton climbs monotonically from below and
   * steps below the root at once from above), which also tries the direct certificate:
   * f in floats at q(1 ± δ) beyond the margin on either side of the cost. With nobody
   * short of money the certified level is cost / W and ρ = 1 / W exactly (evFast).
   */
  private level(
    c: number,
    count: number,
    voters: number,
    cost: number,
    sumX: number,
    sumW: number,
    e: number,
    firstQ: number,
    firstPoorX: number,
    firstRichW: number,
    firstMinRich: number,
  ): number {
    const { wv, ww, tm, bud } = this;
    const start = this.sStart[c] ?? 0;
    const margin = voters * e + (count + 4) * EPS * (2 * sumX + cost);
    let q = firstQ;
    let poorX = firstPoorX;
    let richW = firstRichW;
    let minRich = firstMinRich;
    let gLo = Number.NaN;
    let gHi = Number.NaN;
    let delta = 0;
    for (let pass = 0; pass < 40; pass++) {
      if (gHi - margin >= cost && gLo + margin < cost) {
        this.certified(c, cost, q * (1 - delta), q * (1 + delta), q, false);
        return pass;
      }
      let next = cost / sumW;
      if (richW > 0) {
        next = (cost - poorX) / richW;
        const spread = Math.max(2 ** -46, (4 * margin) / (next * richW));
        const hi = next * (1 + spread);
        if (q <= hi && hi <= minRich * (1 - 4 * EPS) - e) {
          this.certified(c, cost, next * (1 - spread), hi, next, richW === sumW);
          return pass;
        }
      }
      q = next;
      delta = Math.max(2 ** -46, (4 * margin) / (q * Math.max(richW, 1)));
      const qLo = q * (1 - delta);
      const qHi = q * (1 + delta);
      poorX = 0;
      richW = 0;
      minRich = Number.POSITIVE_INFINITY;
      gLo = 0;
      gHi = 0;
      for (let j = start; j < start + count; j++) {
        const t = wv[j] ?? 0;
        const x = bud[t] ?? 0;
        const w = ww[j] ?? 1;
        const mu = tm[t] ?? 1;
        if (x < q * w) poorX += mu * x;
        else {
          richW += mu * w;
          const r = x / w;
          if (r < minRich) minRich = r;
        }
        gLo += mu * Math.min(x, qLo * w);
        gHi += mu * Math.min(x, qHi * w);
      }
    }
    return -1;
  }

  /** Records certified bounds q ∈ [qLo, qHi] on c's level, guessed at `q`. */
  private certified(
    c: number,
    cost: number,
    qLo: number,
    qHi: number,
    q: number,
    fast: boolean,
  ): void {
    this.evFast[c] = fast ? 1 : 0;
    this.evQ[c] = q;
    this.lower = qLo;
    if (fast) {
      const w = this.evW[c] ?? 1;
      this.evLo[c] = (1 / w) * (1 - 4 * EPS);
      this.evHi[c] = (1 / w) * (1 + 4 * EPS);
    } else {
      this.evLo[c] = (qLo / cost) * (1 - 4 * EPS);
      this.evHi[c] = (qHi / cost) * (1 + 4 * EPS);
    }
  }

  /** evaluate() by the exact water-filling. */
  private evaluateExactly(c: number): boolean {
    this.evFast[c] = 0;
    this.evSure[c] = 0;
    if (!this.exactWaterFill(c)) return false;
    const rho = ratioToNumber(this.exNum, BigInt(this.exW) * this.den * (this.p.costs[c] ?? 1n));
    this.evQ[c] = ratioToNumber(this.exNum, BigInt(this.exW) * this.den);
    this.evLo[c] = rho * (1 - 4 * EPS);
    this.evHi[c] = rho * (1 + 4 * EPS);
    return true;
  }

  /** Exact budget of a type with money left, as a numerator over `den`. */
  private exactBudget(t: number): bigint {
    const { ballotStart, ballotProject, ballotWeight } = this.types;
    let paid = 0n;
    const end = ballotStart[t + 1] ?? 0;
    for (let e = ballotStart[t] ?? 0; e < end; e++) {
      const s = this.selIndex[ballotProject[e] ?? 0] ?? -1;
      if (s >= 0) paid += BigInt(ballotWeight[e] ?? 0) * (this.unit[s] ?? 0n);
    }
    return this.betaDen - paid;
  }

  /** Adds μ·w per funded project on type t's ballot to `coef`. */
  private addPaid(t: number, mu: number): void {
    const { ballotStart, ballotProject, ballotWeight } = this.types;
    const { coef, selIndex } = this;
    const end = ballotStart[t + 1] ?? 0;
    for (let e = ballotStart[t] ?? 0; e < end; e++) {
      const s = selIndex[ballotProject[e] ?? 0] ?? -1;
      if (s >= 0) coef[s] = (coef[s] ?? 0) + mu * (ballotWeight[e] ?? 0);
    }
  }

  /** Σ coef[t]·unit[t]: what the counted voters paid so far, as a numerator over `den`. */
  private paidFromCoef(): bigint {
    let paid = 0n;
    for (let t = 0; t < this.k; t++) {
      const a = this.coef[t] ?? 0;
      if (a !== 0) paid += BigInt(a) * (this.unit[t] ?? 0n);
    }
    return paid;
  }

  /** Whether c's supporters hold at least its cost, exactly. */
  private exactlyAffordable(c: number): boolean {
    const start = this.sStart[c] ?? 0;
    const count = this.len[c] ?? 0;
    this.coef.fill(0, 0, this.k);
    let voters = 0;
    for (let j = start; j < start + count; j++) {
      const mu = this.tm[this.wv[j] ?? 0] ?? 1;
      voters += mu;
      this.addPaid(this.wv[j] ?? 0, mu);
    }
    const paid = this.paidFromCoef();
    return BigInt(voters) * this.betaDen - paid >= (this.p.costs[c] ?? 0n) * this.den;
  }

  /**
   * The literal water-filling on exact budgets (the equalshares.net algorithm): sort the
   * supporters by budget / weight; each one who cannot pay the equal share of what is
   * still missing pays everything. A type's members are alike: if one cannot pay, none
   * can. Sets exNum, exW and cls; false if unaffordable.
   */
  private exactWaterFill(c: number): boolean {
    const start = this.sStart[c] ?? 0;
    const count = this.len[c] ?? 0;
    const budgets: bigint[] = [];
    const weights: bigint[] = [];
    const mults: bigint[] = [];
    let total = 0n;
    let weight = 0n;
    for (let j = 0; j < count; j++) {
      const b = this.exactBudget(this.wv[start + j] ?? 0);
      const w = BigInt(this.ww[start + j] ?? 1);
      const mu = BigInt(this.tm[this.wv[start + j] ?? 0] ?? 1);
      budgets.push(b);
      weights.push(w);
      mults.push(mu);
      total += mu * b;
      weight += mu * w;
    }
    const costDen = (this.p.costs[c] ?? 0n) * this.den;
    if (total < costDen) return false;
    const order = Array.from({ length: count }, (_, j) => j);
    order.sort((a, b) => {
      const left = (budgets[a] ?? 0n) * (weights[b] ?? 1n);
      const right = (budgets[b] ?? 0n) * (weights[a] ?? 1n);
      return left < right ? -1 : left > right ? 1 : 0;
    });
    this.cls.fill(0, 0, count);
    let paid = 0n;
    for (const j of order) {
      const b = budgets[j] ?? 0n;
      const w = weights[j] ?? 1n;
      const mu = mults[j] ?? 1n;
      // Cannot pay the equal share (costDen − paid) / weight per unit of weight?
      if ((costDen - paid) * w > b * weight) {
        this.cls[j] = 1;
        paid += mu * b;
        weight -= mu * w;
      } else {
        break;
      }
    }
    if (weight === 0n) return false;
    this.exNum = costDen - paid;
    this.exW = Number(weight);
    return true;
  }

  /**
   * The exact q of project c (evaluated this round): exNum, exW, and cls marking the
   * types that run out of money. False only if c is unaffordable.
   *
   * If the evaluation left the types short of money for sure (evSure), only those are
   * visited. Otherwise one pass classifies the supporters by the float guess g of q (short:
   * x < g·w), sums the exact payments so far of the short ones, and lists the types whose
   * float budget lies within `near` of g·w. The exact q then follows from the
   * classification. If q is within g·2^-31 of g, a type off the list is classified the
   * same by q as by g (its float budget is farther than E + |q − g|·w from g·w), so only
   * the listed ones are re-checked, exactly where the float margin is too thin. Otherwise
   * every supporter is re-checked; any disagreement falls back to the exact water-filling.
   */
  private computeExact(c: number): boolean {
    if (this.exactRun) return this.exactWaterFill(c);
    const count = this.len[c] ?? 0;
    const cost = this.p.costs[c] ?? 0n;
    if (this.evFast[c] === 1) {
      this.cls.fill(0, 0, count);
      this.exNum = cost * this.den;
      this.exW = this.evW[c] ?? 0;
      return true;
    }
    const start = this.sStart[c] ?? 0;
    const { wv, ww, tm, bud, cls, near } = this;
    const k = this.k;
    const skew = this.mode === 'jittered' ? 1 + 0.1 * (((c + k) % 3) - 1) : 1;
    const guess = (this.evQ[c] ?? 0) * skew;
    const e = this.budgetError();
    this.coef.fill(0, 0, k);
    let poorWeight = 0;
    let poorVoters = 0;
    let nearCount = 0;
    const sure = this.evSure[c] === 1 && skew === 1;
    if (sure) {
      cls.fill(0, 0, count);
      const poor = this.evPoor[c] ?? 0;
      for (let i = 0; i < poor; i++) {
        const slot = this.poorSlot[start + i] ?? 0;
        const mu = tm[wv[slot] ?? 0] ?? 1;
        cls[slot - start] = 1;
        poorWeight += mu * (ww[slot] ?? 1);
        poorVoters += mu;
        this.addPaid(wv[slot] ?? 0, mu);
      }
    } else {
      this.classifyByGuess(start, count, guess, e);
      poorWeight = this.splitWeight;
      poorVoters = this.splitVoters;
      nearCount = this.splitNear;
    }
    const richWeight = (this.evW[c] ?? 0) - poorWeight;
    if (richWeight <= 0) return this.exactWaterFill(c);
    const paid = this.paidFromCoef();
    // q · W_rich = cost − Σ_poor b  ⇒  q = ((cost − |P|·β)·den + paid) / (W_rich · den)
    const num = (cost - BigInt(poorVoters) * this.beta) * this.den + paid;
    if (num <= 0n) return this.exactWaterFill(c);
    const richBig = BigInt(richWeight);
    const qStar = ratioToNumber(num, richBig * this.den);
    const check = (j: number): boolean => {
      const t = wv[start + j] ?? 0;
      const w = ww[start + j] ?? 1;
      const x = bud[t] ?? 0;
      const share = qStar * w;
      const gap = x - share;
      const band = e + (x + share) * 2 ** -50;
      const poor =
        gap > band ? false : gap < -band ? true : this.exactlyShort(t, w, num, richWeight);
      return poor === (cls[j] === 1);
    };
    if (sure) {
      // evaluate() proved the split: everyone below the certified level's lower end is
      // short of money, everyone able to pay its upper end is not; nothing to re-check.
    } else if (Math.abs(qStar - guess) <= guess * 2 ** -31) {
      for (let i = 0; i < nearCount; i++) if (!check(near[i] ?? 0)) return this.exactWaterFill(c);
    } else {
      for (let j = 0; j < count; j++) if (!check(j)) return this.exactWaterFill(c);
    }
    this.exNum = num;
    this.exW = richWeight;
    return true;
  }

  /**
   * The pass of computeExact: marks in cls the supporters whose float budget is below
   * guess·w, adds their exact payments so far to coef, lists in `near` those within the
   * near band, and leaves the short weight, voters and near count in split*. Pure floats.
   */
  private classifyByGuess(start: number, count: number, guess: number, e: number): void {
    const { wv, ww, tm, bud, cls, near } = this;
    let poorWeight = 0;
    let poorVoters = 0;
    let nearCount = 0;
    for (let j = 0; j < count; j++) {
      const t = wv[start + j] ?? 0;
      const w = ww[start + j] ?? 1;
      const mu = tm[t] ?? 1;
      const x = bud[t] ?? 0;
      const share = guess * w;
      const gap = x - share;
      if (Math.abs(gap) <= e + (x + share) * 2 ** -30) near[nearCount++] = j;
      if (gap < 0) {
        cls[j] = 1;
        poorWeight += mu * w;
        poorVoters += mu;
        this.addPaid(t, mu);
      } else {
        cls[j] = 0;
      }
    }
    this.splitWeight = poorWeight;
    this.splitVoters = poorVoters;
    this.splitNear = nearCount;
  }

  /**
   * Picks the winner among candidates whose bounds overlap the best: exact ρ for each,
   * least wins, ties to lower cost, more votes, then tie order.
   */
  private decide(candidates: readonly number[], ties: MesTie[]): number {
    const p = this.p;
    const nums: bigint[] = [];
    const ws: bigint[] = [];
    for (const c of candidates) {
      if (!this.computeExact(c)) throw new Error('MES: an evaluated project is not affordable');
      nums.push(this.exNum);
      ws.push(BigInt(this.exW));
    }
    // ρ_c = num_c / (W_c · den · cost_c); den is common.
    const compareRho = (a: number, b: number): number => {
      const left = (nums[a] ?? 0n) * (ws[b] ?? 1n) * (p.costs[candidates[b] ?? 0] ?? 1n);
      const right = (nums[b] ?? 0n) * (ws[a] ?? 1n) * (p.costs[candidates[a] ?? 0] ?? 1n);
      return left < right ? -1 : left > right ? 1 : 0;
    };
    let bestAt = [0];
    for (let a = 1; a < candidates.length; a++) {
      const order = compareRho(a, bestAt[0] ?? 0);
      if (order < 0) bestAt = [a];
      else if (order === 0) bestAt.push(a);
    }
    const tied = bestAt.map((a) => candidates[a] ?? 0);
    if (tied.length === 1) return tied[0] ?? 0;
    let pool = tied;
    let brokenBy: MesTie['brokenBy'] = 'cost';
    const least = pool.reduce(
      (m, c) => ((p.costs[c] ?? 0n) < m ? (p.costs[c] ?? 0n) : m),
      p.costs[pool[0] ?? 0] ?? 0n,
    );
    pool = pool.filter((c) => p.costs[c] === least);
    if (pool.length > 1) {
      brokenBy = 'votes';
      const most = Math.max(...pool.map((c) => p.votes[c] ?? 0));
      pool = pool.filter((c) => p.votes[c] === most);
    }
    if (pool.length > 1) {
      brokenBy = 'order';
      pool = [pool.reduce((a, b) => ((this.tieRank[a] ?? 0) <= (this.tieRank[b] ?? 0) ? a : b))];
    }
    const chosen = pool[0] ?? 0;
    ties.push({ round: this.k, projects: tied, chosen, brokenBy });
    return chosen;
  }

  /**
   * What type t has left after paying q·w at the level of the last exact computation,
   * exactly: 0 if nothing, else the float nearest the rest (b·W − num·w) / (W·den).
   * Kept out of the hot loops, whose floats V8 then compiles without bigint paths.
   */
  private exactRest(t: number, w: number): number {
    const richBig = BigInt(this.exW);
    const rest = this.exactBudget(t) * richBig - this.exNum * BigInt(w);
    if (rest < 0n) throw new Error('MES: a voter was charged more than their budget');
    return rest === 0n ? 0 : ratioToNumber(rest, richBig * this.den);
  }

  /** The float nearest the level of the last exact computation. */
  private exactLevelFloat(): number {
    return ratioToNumber(this.exNum, BigInt(this.exW) * this.den);
  }

  /** Whether type t cannot pay q·w at level q = num / (W·den), exactly. */
  private exactlyShort(t: number, w: number, num: bigint, richWeight: number): boolean {
    return this.exactBudget(t) * BigInt(richWeight) < num * BigInt(w);
  }

  /** Records q = num / (W · den) over the common denominator, reduced by gcd(num, W). */
  private record(num: bigint, richWeight: number): void {
    const richBig = BigInt(richWeight);
    const g = smallGcd(Number(num % richBig), richWeight);
    const grow = richWeight / g;
    if (grow !== 1) {
      const f = BigInt(grow);
      this.den *= f;
      for (let t = 0; t < this.k; t++) this.unit[t] = (this.unit[t] ?? 0n) * f;
      this.betaDen = this.beta * this.den;
    }
    this.unit.push(num / BigInt(g));
  }

  /** Charges c's supporters (after computeExact(c)) and records q_c exactly. */
  private pay(c: number): void {
    const start = this.sStart[c] ?? 0;
    const count = this.len[c] ?? 0;
    const { wv, ww, bud, cls } = this;
    const qStar = this.exactLevelFloat();
    const e = this.budgetError();
    const exact = this.exactRun;
    const jitter = this.mode === 'jittered';
    const { tm, remCount } = this;
    let live = this.liveMoney;
    for (let j = 0; j < count; j++) {
      const t = wv[start + j] ?? 0;
      const mu = tm[t] ?? 1;
      const x = bud[t] ?? 0;
      if (cls[j] === 1) {
        live -= mu * x;
        bud[t] = EXHAUSTED;
        continue;
      }
      const w = ww[start + j] ?? 1;
      const share = qStar * w;
      const left = x - share;
      if (!exact && left > e + (x + share) * 2 ** -50) {
        bud[t] = jitter
          ? Math.max(0, left + (((t * 7919 + this.k) % 5) - 2) * this.betaF * 2 ** -50)
          : left;
      } else {
        // Near zero: is anything left, exactly?
        const rest = this.exactRest(t, w);
        if (rest === 0) {
          live -= mu * x;
          bud[t] = EXHAUSTED;
          continue;
        }
        bud[t] = exact ? rest : Math.max(left, 0);
      }
      const after = bud[t] ?? 0;
      const stillCandidates = (remCount[t] ?? 0) - 1;
      remCount[t] = stillCandidates;
      // c is no longer a candidate; without another candidate, the rest is dead money.
      live -= mu * (stillCandidates === 0 ? x : x - after);
    }
    this.liveMoney = live;
    this.liveUpdates += count;
    this.record(this.exNum, this.exW);
    this.selIndex[c] = this.k;
    this.k += 1;
  }
}
