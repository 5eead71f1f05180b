import { SovietError } from '../../errors/soviet-error.js';
import type { ActProof } from '../acts-state.js';
import { boxOpenAt } from '../ballots.js';
import { roundOpenAt } from '../budget-rounds.js';
import type { DemocracyCommand } from '../commands.js';
import { decideTx } from '../decide.js';
import { publicPart } from '../envelope.js';
import type { DemocracyEvent, MemberActed } from '../events/index.js';
import { evolve } from '../evolve.js';
import { initialState, type OrgState, type Timer } from '../state.js';
import { handleDeadline } from '../time.js';
import { Tx } from '../tx.js';
import { type Act, actOf, graft } from './acts.js';
import {
  type About,
  aboutOf,
  aboutText,
  type FieldDifference,
  firstDifference,
  shown,
} from './difference.js';
import { LookAhead, seedOf } from './look-ahead.js';

/**
 * A recount anyone can run (issue 14; RECORD.md, "Verification", step 4). The threat is
 * the server's operator, who holds the database and the signing key and can rewrite an
 * entry and sign a fresh checkpoint: verifying the log proves only that it is the one
 * signed. The recount proves that what the log records the system decided is what the
 * rules give.
 *
 * It replays the log from the empty state, and for every decision of the system re-runs
 * the very code that made it on the state before it:
 *
 * - **Deadlines.** Before each entry, every deadline the state has due by that entry's
 *   time is processed (`handleDeadline`, as `catchUp` does in `decide`): counts of
 *   elections (IRV, STV; ties by lot from the recorded seed), recall and motion votes
 *   with their effects, budget rounds, expiries, the elections they open. The log must
 *   hold exactly those events there.
 * - **Members' acts.** Each act is taken as recorded (acts.ts) and given to `decide` as
 *   the command that made it; the log must hold exactly what the rules give: the act
 *   with every field the rules compute, then its consequences. An act the rules refuse
 *   is a discrepancy too (a payment beyond its authorisation, a vote out of time).
 * - **Secret ballots.** Who cast them is not on the log and is not needed: a ballot must
 *   go into an open box, one at a time, never more than its roll; at the close the
 *   published ballots must be as many as were cast, and the count runs on them.
 *
 * Anything else on the log (an event no deadline and no act gives) is a discrepancy.
 * Pure: no I/O, no clock; runs in Node and in the browser. Cost: the replay, plus the
 * counts the server ran, plus one `decide` per act.
 */

/**
 * Why the log departs from the rules there: a field `differs`; the log holds
 * `another-event` than the rules give, an `unexplained` one (no deadline, no act gives
 * it), or ends where the rules give more (`missing`); the rules `refused` the act; a
 * box's `published` ballots are not as many as were cast; a secret ballot out of
 * order (`cast`), beyond its roll (`roll`), or into no open box (`no-box`); a draw's
 * `seed` is not this log's; the log ends after a deadline with no decision
 * (`unfinished`); the rules cannot be run on the entry at all (`unreadable`).
 */
export type DiscrepancyReason =
  | 'differs'
  | 'another-event'
  | 'unexplained'
  | 'missing'
  | 'refused'
  | 'published'
  | 'cast'
  | 'roll'
  | 'no-box'
  | 'seed'
  | 'unfinished'
  | 'unreadable';

/** Where the log departs from the rules. */
export interface Discrepancy {
  /** The entry (its sequence number, its index in the log); the log's size when it ends early. */
  readonly seq: number;
  /** The recorded event's type there, or `end of the log`. */
  readonly type: string;
  readonly reason: DiscrepancyReason;
  /** What it concerns, to name in any language. */
  readonly about: About;
  /** The same in English: `election e3`, `motion mo2 (ballot box b7)`, `mandate d4`. */
  readonly subject: string;
  /** The field that differs (`elected[0]`, `passed`), or `event` when the events differ. */
  readonly what: string;
  /** What the log records there, as short JSON text (or an event type). */
  readonly recorded: string;
  /** What the rules give instead. */
  readonly recounted: string;
  /** For `refused`: the rules' refusal (a catalogue code, docs/errors.md). */
  readonly refusal?: {
    readonly code: string;
    readonly message: string;
    readonly params: Readonly<Record<string, unknown>>;
  };
}

/** What the recount re-derived, by the kind of decision. */
export interface RecountTally {
  /** Events the rules gave that the log records (decisions of the system). */
  readonly decisions: number;
  /** Members' acts taken as recorded (each checked by the rules, but secret ballots). */
  readonly acts: number;
  readonly elections: number;
  readonly recallVotes: number;
  readonly motions: number;
  readonly budgetRounds: number;
  readonly mandates: number;
  readonly payments: number;
}

export type RecountResult =
  | {
      readonly ok: true;
      readonly events: number;
      readonly tally: RecountTally;
      /** The state the log gives (secret boxes hold their published ballots as sealed). */
      readonly state: OrgState;
    }
  | {
      readonly ok: false;
      readonly events: number;
      readonly tally: RecountTally;
      readonly discrepancy: Discrepancy;
    };

export interface RecountOptions {
  /**
   * Checks a recorded seed: the root of this log at some size up to `seq` (its signed
   * checkpoint at the close). Returns why it is not, or null. Without it seeds are taken
   * as recorded (they are not part of the events; the caller holds the tree).
   */
  readonly checkSeed?: (seed: string, seq: number) => string | null;
  /** How many entries between two progress reports (default 2,000). */
  readonly progressEvery?: number;
}

export interface RecountProgress {
  readonly done: number;
  readonly total: number;
}

/** Recounts a whole log (`events[i]` is entry i's public event). See `recounting`. */
export function recount(
  events: readonly DemocracyEvent[],
  options: RecountOptions = {},
): RecountResult {
  const steps = recounting(events, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The recount as a generator: it yields its progress every `progressEvery` entries, so
 * that a browser can let the page breathe between parts and a terminal can draw a bar.
 */
export function* recounting(
  events: readonly DemocracyEvent[],
  options: RecountOptions = {},
): Generator<RecountProgress, RecountResult, void> {
  const run = new Recounter(events, options);
  const every = Math.max(1, options.progressEvery ?? 2000);
  let reported = 0;
  while (run.p < events.length) {
    const found = run.step();
    if (found) return run.failed(found);
    if (run.p - reported >= every) {
      reported = run.p;
      yield { done: run.p, total: events.length };
    }
  }
  const found = run.finish();
  if (found) return run.failed(found);
  return { ok: true, events: events.length, tally: run.tally(), state: run.state };
}

const NO_SEED = '0'.repeat(64);
const END = 'end of the log';

class Recounter {
  state: OrgState = initialState();
  /** The next entry to account for. */
  p = 0;
  private readonly ahead: LookAhead;
  private readonly kinds = new Map<string, number>();
  private acts = 0;
  private decisions = 0;

  constructor(
    private readonly events: readonly DemocracyEvent[],
    private readonly options: RecountOptions,
  ) {
    this.ahead = new LookAhead(events);
  }

  /** Accounts for the next deadline due, or else the next act; a discrepancy if it cannot. */
  step(): Discrepancy | null {
    const e = this.events[this.p] as DemocracyEvent;
    try {
      const due = this.state.timers.min();
      if (due && due[1].at <= e.at) return this.deadline(due[0], due[1]);
      if (e.kind === 'BallotCast' || e.kind === 'BudgetBallotCast') return this.secretBallot(e);
      if (e.kind === 'MemberActed') return this.act(e, signedAct(e));
      return this.act(e);
    } catch (error) {
      // A log the rules cannot even be run on (an entry naming what does not exist).
      const why = `the rules cannot apply it: ${reasonOf(error)}`;
      return this.at(this.p, e, 'unreadable', { what: 'event', recorded: e.kind, recounted: why });
    }
  }

  /** After the last entry: no deadline may have passed without its decision. */
  finish(): Discrepancy | null {
    const last = this.events[this.events.length - 1];
    const due = this.state.timers.min()?.[1];
    if (!last || !due || due.at > last.at) return null;
    const about: About = { kind: 'deadline', id: `${due.kind} ${due.ref}` };
    return {
      seq: this.events.length,
      type: END,
      reason: 'unfinished',
      about,
      subject: `the ${due.kind} deadline of ${due.ref}`,
      what: 'event',
      recorded: 'nothing',
      recounted: `its decision, due at ${new Date(due.at).toISOString()}`,
    };
  }

  private deadline(key: string, timer: Timer): Discrepancy | null {
    const seed = this.ahead.seedFrom(this.p) ?? NO_SEED;
    const tx = new Tx(this.state, { now: timer.at, actor: 'system', seed, entropy: NO_SEED });
    handleDeadline(tx, timer);
    if (tx.state.timers.has(key)) throw new Error(`the ${timer.kind} deadline stays due`);
    const found = this.match(tx.events, tx.state);
    if (found) return found;
    this.advance(tx.events.length, tx.state, false);
    return null;
  }

  private act(e: DemocracyEvent, signed?: SignedAct): Discrepancy | null {
    const act = signed ?? actOf(this.state, this.events, this.p);
    if (!act) {
      const recounted = 'nothing: no deadline and no act gives it here';
      return this.at(this.p, e, 'unexplained', { what: 'event', recorded: e.kind, recounted });
    }
    let tx: Tx;
    try {
      tx = decideTx(act.prepare?.(this.state) ?? this.state, act.command, {
        now: e.at,
        actor: act.actor,
        seed: NO_SEED,
        entropy: NO_SEED,
        ...(signed ? { act: signed.proof } : {}),
      });
    } catch (error) {
      if (!(error instanceof SovietError)) throw error;
      return {
        ...this.at(this.p, e, 'refused', {
          what: 'act',
          recorded: e.kind,
          recounted: `refused by the rules: ${error.message}`,
        }),
        refusal: { code: error.code, message: error.message, params: error.params },
      };
    }
    const events = tx.events.map((g, i) => {
      const recorded = this.events[this.p + i];
      return recorded ? graft(g, recorded) : g;
    });
    const found = this.match(events, tx.state);
    if (found) return found;
    // A grafted value (a token's hash, a commitment) or a stand-in token is in the
    // working state: evolve the recorded events instead.
    const stale = act.prepare !== undefined || events.some((g, i) => g !== tx.events[i]);
    this.advance(events.length, stale ? undefined : tx.state, true);
    return null;
  }

  /**
   * A secret ballot: its voter and content are private, but not where it went. It must
   * go into a box (or round) open at that time, as the next ballot, within its roll.
   */
  private secretBallot(
    e: Extract<DemocracyEvent, { kind: 'BallotCast' | 'BudgetBallotCast' }>,
  ): Discrepancy | null {
    let into: { readonly cast: number; readonly rollSize: number } | undefined;
    if (e.kind === 'BallotCast') {
      const box = this.state.boxes.get(e.boxId);
      into = box?.secret && boxOpenAt(box, e.at) ? box : undefined;
    } else {
      const round = this.state.treasury.rounds.get(e.roundId);
      into = round && roundOpenAt(round, e.at) ? round : undefined;
    }
    if (!into) {
      const recounted = 'nothing: no ballot box takes it then';
      return this.at(this.p, e, 'no-box', { what: 'event', recorded: e.kind, recounted });
    }
    if (e.cast !== into.cast + 1)
      return this.at(this.p, e, 'cast', {
        what: 'cast',
        recorded: shown(e.cast),
        recounted: shown(into.cast + 1),
      });
    if (e.cast > into.rollSize)
      return this.at(this.p, e, 'roll', {
        what: 'cast',
        recorded: shown(e.cast),
        recounted: `at most ${into.rollSize}, the voters on its roll`,
      });
    this.acts++;
    this.state = evolve(this.state, e);
    this.p++;
    return null;
  }

  /** The recounted events against the log's, from entry `p` on. */
  private match(recounted: readonly DemocracyEvent[], after: OrgState): Discrepancy | null {
    for (let i = 0; i < recounted.length; i++) {
      const mine = publicPart(recounted[i] as DemocracyEvent);
      const recorded = this.events[this.p + i];
      const seq = this.p + i;
      const about = aboutOf(recorded?.kind === mine.kind ? recorded : mine, after);
      const found = (reason: DiscrepancyReason, type: string, d: FieldDifference) => ({
        seq,
        type,
        reason,
        about,
        subject: aboutText(about),
        what: d.path,
        recorded: d.recorded,
        recounted: d.recounted,
      });
      if (!recorded)
        return found('missing', END, { path: 'event', recorded: 'nothing', recounted: mine.kind });
      if (recorded.kind !== mine.kind)
        return found('another-event', recorded.kind, {
          path: 'event',
          recorded: recorded.kind,
          recounted: mine.kind,
        });
      const d = firstDifference(recorded, mine);
      if (d) return found('differs', recorded.kind, d);
      const closing = this.closing(mine, seq);
      if (closing) return closing;
    }
    return null;
  }

  /**
   * What the events of a closing cannot show by themselves: every ballot cast was
   * published (no fewer, no more), and the draw's seed is this log's checkpoint.
   */
  private closing(e: DemocracyEvent, seq: number): Discrepancy | null {
    let published: number | undefined;
    if (e.kind === 'BallotBoxClosed' && this.state.boxes.get(e.boxId)?.secret)
      published = this.ahead.publishedCount(e.boxId);
    if (e.kind === 'BudgetRoundClosed') published = this.ahead.budgetPublishedCount(e.roundId);
    if (published !== undefined && 'cast' in e && published !== e.cast)
      return this.at(seq, e, 'published', {
        what: 'ballots published',
        recorded: shown(published),
        recounted: shown(e.cast),
      });
    const seed = seedOf(e);
    const problem = seed === undefined ? null : (this.options.checkSeed?.(seed, seq) ?? null);
    if (!problem) return null;
    return this.at(seq, e, 'seed', { what: 'seed', recorded: shown(seed), recounted: problem });
  }

  /** Takes `n` matched entries: the working state, or the recorded events evolved. */
  private advance(n: number, after: OrgState | undefined, act: boolean): void {
    const before = this.state;
    let state = after;
    if (!state) {
      state = before;
      for (let i = 0; i < n; i++) state = evolve(state, this.events[this.p + i] as DemocracyEvent);
    }
    for (let i = 0; i < n; i++) {
      const kind = (this.events[this.p + i] as DemocracyEvent).kind;
      this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    }
    if (act) this.acts++;
    this.decisions += act ? n - 1 : n;
    this.state = this.ahead.unseal(before, state);
    this.p += n;
  }

  private at(
    seq: number,
    e: DemocracyEvent,
    reason: DiscrepancyReason,
    d: { what: string; recorded: string; recounted: string },
  ): Discrepancy {
    const about = aboutOf(e, this.state);
    return { seq, type: e.kind, reason, about, subject: aboutText(about), ...d };
  }

  tally(): RecountTally {
    const n = (kind: string) => this.kinds.get(kind) ?? 0;
    return {
      decisions: this.decisions,
      acts: this.acts,
      elections: n('ElectionCounted'),
      recallVotes: n('RecallVoteClosed'),
      motions: n('MotionVotingClosed'),
      budgetRounds: n('BudgetRoundClosed'),
      mandates: n('MandateGranted'),
      payments: n('PaymentMade'),
    };
  }

  failed(discrepancy: Discrepancy): RecountResult {
    return { ok: false, events: this.events.length, tally: this.tally(), discrepancy };
  }
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

/** A signed act read back from its MemberActed: the command as the member signed it. */
interface SignedAct extends Act {
  readonly proof: ActProof;
}

/**
 * The act a MemberActed records. The recount runs the signed command itself through the
 * rules, with the act as its proof (the signature is the act audit's to check,
 * act-audit.ts): the events it gives must be the logged ones, MemberActed first.
 */
function signedAct(e: MemberActed): SignedAct {
  const act = { origin: '', by: e.by, id: e.actId, issued: e.issued, command: e.command };
  return {
    command: e.command as unknown as DemocracyCommand,
    actor: e.by,
    proof: { act, signature: e.signature },
  };
}
