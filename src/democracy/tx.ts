import type { DecideContext } from './commands.js';
import { democracyError } from './errors.js';
import type { DemocracyEvent } from './events/index.js';
import { evolve } from './evolve.js';
import { activeMember } from './queries.js';
import { ID_PREFIX, type IdKind, type Member, type OrgState } from './state.js';

/**
 * The working state of one `decide`: each emitted event is applied at once, so later
 * checks and automatic consequences see it, and fresh ids come from the counters as
 * evolve will advance them. Nothing escapes unless decide returns normally: a refusal
 * (a thrown SovietError) discards every event.
 */
export class Tx {
  readonly events: DemocracyEvent[] = [];
  /**
   * The time of the events being emitted: a deadline's time while catching up, then
   * `ctx.now` for the command itself.
   */
  now: number;
  constructor(
    public state: OrgState,
    readonly ctx: DecideContext,
  ) {
    this.now = ctx.now;
  }

  emit<E extends DemocracyEvent>(event: E): E {
    this.events.push(event);
    this.state = evolve(this.state, event);
    return event;
  }

  /** The id the next entity of `kind` will get (evolve advances the counter). */
  nextId(kind: IdKind): string {
    return `${ID_PREFIX[kind]}${this.state.counters[kind] + 1}`;
  }

  /** The ids the next `n` entities of `kind` will get, for an event that creates several. */
  nextIds(kind: IdKind, n: number): string[] {
    const base = this.state.counters[kind];
    return Array.from({ length: n }, (_, i) => `${ID_PREFIX[kind]}${base + 1 + i}`);
  }

  /** The acting member; refuses anyone who is not an active member. */
  member(): Member {
    const m = activeMember(this.state, this.ctx.actor);
    if (!m) throw democracyError('NOT_A_MEMBER');
    return m;
  }
}
