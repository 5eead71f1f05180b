import { afterEach, expect } from 'vitest';
import {
  type CouncilSpec,
  DAY,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  evolve,
  initialState,
  invitationToken,
  type MotionBody,
  nextDeadline,
  type OrgState,
  snapshot,
} from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { expectRecountClean } from './published-log.js';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export { DAY };

/**
 * A test organisation driven through `decide` and `evolve` only, with an explicit clock:
 * `at` moves time, `run` acts as a member, `tick` is the server's AdvanceTime. Every
 * event is kept so that tests can replay the log.
 */
export class World {
  constructor() {
    worlds.push(this);
  }

  state: OrgState = initialState();
  now = T0;
  readonly log: DemocracyEvent[] = [];
  private entropyCounter = 0;
  seed = 'c0ffee'.padEnd(64, '0');

  entropy(): string {
    this.entropyCounter++;
    return this.entropyCounter.toString(16).padStart(32, '0');
  }

  /** Runs a command as `actor` at the current time; applies and returns its events. */
  run(
    actor: string,
    command: DemocracyCommand,
    entropy = this.entropy(),
  ): readonly DemocracyEvent[] {
    const events = decide(this.state, command, {
      now: this.now,
      actor,
      seed: this.seed,
      entropy,
    });
    for (const e of events) this.state = evolve(this.state, e);
    this.log.push(...events);
    return events;
  }

  /** Expects a refusal with `code`, and that nothing changed. */
  refuse(actor: string, command: DemocracyCommand, code: string): SovietError {
    const before = this.state;
    let caught: unknown;
    try {
      decide(this.state, command, {
        now: this.now,
        actor,
        seed: this.seed,
        entropy: this.entropy(),
      });
    } catch (error) {
      caught = error;
    }
    expect(caught, `expected refusal ${code}`).toBeInstanceOf(SovietError);
    expect((caught as SovietError).code).toBe(code);
    expect(this.state).toBe(before);
    return caught as SovietError;
  }

  /** Moves the clock to `now` and lets the server catch up. */
  tick(now: number): readonly DemocracyEvent[] {
    expect(now).toBeGreaterThanOrEqual(this.now);
    this.now = now;
    return this.run('system', { kind: 'AdvanceTime', now });
  }

  advanceDays(days: number): readonly DemocracyEvent[] {
    return this.tick(this.now + days * DAY);
  }

  /** Ticks through every deadline up to `until`, one at a time (as a running server would). */
  runUntil(until: number): void {
    for (;;) {
      const next = nextDeadline(this.state);
      if (next === null || next > until) break;
      this.tick(next);
    }
    this.tick(until);
  }

  found(councils: CouncilSpec, founderCouncil: string, founderName = 'Founder'): string {
    this.run('anyone', {
      kind: 'FoundOrganisation',
      name: 'Test Union',
      slug: 'test-union',
      founderName,
      councils,
      founderCouncil,
    });
    return 'm1';
  }

  councilId(name: string): string {
    for (const c of this.state.councils.values()) if (c.name === name) return c.id;
    throw new Error(`no council ${name}`);
  }

  /** `inviter` invites, and a new person joins; returns the new member's id. */
  join(inviter: string, name: string): string {
    const entropy = this.entropy();
    this.run(inviter, { kind: 'InviteMember' }, entropy);
    const events = this.run('newcomer', {
      kind: 'JoinWithInvitation',
      token: invitationToken(entropy),
      name,
    });
    const joined = events.find((e) => e.kind === 'MemberJoined');
    if (joined?.kind !== 'MemberJoined') throw new Error('no MemberJoined');
    return joined.memberId;
  }

  /** Adds `n` members to the council where `inviter` is; returns their ids. */
  populate(inviter: string, n: number, prefix = 'Member'): string[] {
    return Array.from({ length: n }, (_, i) => this.join(inviter, `${prefix} ${i + 1}`));
  }

  /**
   * Puts `n` members into the base council `name` (nobody is there yet): `inviter`
   * invites a first person to their own council, who transfers and invites the rest.
   */
  seedCouncil(inviter: string, name: string, n: number): string[] {
    const first = this.join(inviter, `${name} 1`);
    this.run(first, { kind: 'TransferMember', toCouncilId: this.councilId(name) });
    return [
      first,
      ...Array.from({ length: n - 1 }, (_, i) => this.join(first, `${name} ${i + 2}`)),
    ];
  }

  /** The open election of a seat group. */
  openElection(groupKey: string) {
    const g = this.state.groups.get(groupKey);
    const id = g?.byElectionId ?? g?.regularElectionId;
    const e = id ? this.state.elections.get(id) : undefined;
    if (!e) throw new Error(`no open election for ${groupKey}`);
    return e;
  }

  /** Sitting holders of a seat group. */
  holders(groupKey: string): string[] {
    const g = this.state.groups.get(groupKey);
    return (g?.sitting ?? []).map((id) => this.state.mandates.get(id)?.holderId as string);
  }

  sittingMandate(groupKey: string, holderId: string) {
    const g = this.state.groups.get(groupKey);
    for (const id of g?.sitting ?? []) {
      const m = this.state.mandates.get(id);
      if (m?.holderId === holderId) return m;
    }
    throw new Error(`${holderId} holds no seat of ${groupKey}`);
  }

  events<K extends DemocracyEvent['kind']>(kind: K): Extract<DemocracyEvent, { kind: K }>[] {
    return this.log.filter((e): e is Extract<DemocracyEvent, { kind: K }> => e.kind === kind);
  }

  /** Replays the whole log from empty and compares with the live state. */
  expectReplayEqualsLive(): void {
    let replayed = initialState();
    for (const e of this.log) replayed = evolve(replayed, e);
    expect(snapshot(replayed)).toEqual(snapshot(this.state));
  }
}

/**
 * Every world a test made is recounted after it (issue 14): whatever a scenario did
 * through the rules, the recount of its published log must find every decision. A world
 * whose state the test set by hand (its replay is not its state) is left out.
 */
const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) {
    let replayed = initialState();
    for (const e of w.log) replayed = evolve(replayed, e);
    if (JSON.stringify(snapshot(replayed)) !== JSON.stringify(snapshot(w.state))) continue;
    expectRecountClean(w.log);
  }
});

/** A small organisation: a congress, two districts, four branches. */
export const TREE: CouncilSpec = {
  name: 'Congress',
  children: [
    { name: 'North', children: [{ name: 'Docks' }, { name: 'Mill' }] },
    { name: 'South', children: [{ name: 'Depot' }, { name: 'Yard' }] },
  ],
};

export interface Race {
  readonly groupKey: string;
  readonly candidates: readonly string[];
  readonly voters: readonly string[];
  /** The ranking of voter i (default: the candidates in order). */
  readonly ranking?: (voterIndex: number) => readonly string[];
}

/**
 * Runs open elections to their end together (they must share deadlines): every
 * candidate nominates themself, then every voter ranks.
 */
export function electMany(w: World, races: readonly Race[]): void {
  const elections = races.map((r) => w.openElection(r.groupKey));
  races.forEach((r, i) => {
    for (const c of r.candidates)
      w.run(c, {
        kind: 'Nominate',
        electionId: (elections[i] as { id: string }).id,
        candidateId: c,
      });
  });
  w.tick(Math.max(...elections.map((e) => e.nominationsCloseAt)));
  races.forEach((r, i) => {
    r.voters.forEach((v, j) => {
      w.run(v, {
        kind: 'CastBallot',
        electionId: (elections[i] as { id: string }).id,
        ranking: r.ranking ? r.ranking(j) : r.candidates,
      });
    });
  });
  w.tick(Math.max(...elections.map((e) => e.votingCloseAt)));
}

export function electAll(
  w: World,
  groupKey: string,
  candidates: readonly string[],
  voters: readonly string[],
  ranking?: (voterIndex: number) => readonly string[],
): void {
  electMany(w, [{ groupKey, candidates, voters, ...(ranking ? { ranking } : {}) }]);
}

/**
 * The TREE with 10 members in each of Docks and Mill (Docks: the founder m1 and nine
 * more), each branch's delegate to North elected (`docks[1]` and `mill[1]`), so North
 * has a voting body of two delegates. Returns the ids.
 */
export function northWithDelegates(w: World) {
  const founder = w.found(TREE, 'Docks');
  const docks = [founder, ...w.populate(founder, 9, 'Docker')];
  const mill = w.seedCouncil(founder, 'Mill', 10);
  const docksId = w.councilId('Docks');
  const millId = w.councilId('Mill');
  const northId = w.councilId('North');
  electMany(w, [
    { groupKey: `d:${docksId}`, candidates: [docks[1] as string], voters: docks },
    { groupKey: `d:${millId}`, candidates: [mill[1] as string], voters: mill },
  ]);
  return { founder, docks, mill, docksId, millId, northId };
}

/**
 * Proposes a motion as `proposer`, seconds it by `seconder`, lets debate close, has each
 * voter vote as `votes` says, and ticks to the close. Returns the motion id.
 */
export function passMotion(
  w: World,
  o: {
    proposer: string;
    seconder: string;
    councilId: string;
    body: MotionBody;
    votes: Readonly<Record<string, 'yes' | 'no' | 'abstain'>>;
    title?: string;
    text?: string;
  },
): string {
  const [proposed] = w
    .run(o.proposer, {
      kind: 'ProposeMotion',
      councilId: o.councilId,
      title: o.title ?? 'A motion',
      text: o.text ?? 'The council resolves.',
      body: o.body,
    })
    .filter((e) => e.kind === 'MotionProposed');
  if (proposed?.kind !== 'MotionProposed') throw new Error('not proposed');
  const id = proposed.motionId;
  w.run(o.seconder, { kind: 'SecondMotion', motionId: id });
  w.tick(w.state.motions.get(id)?.debateClosesAt as number);
  for (const [voter, choice] of Object.entries(o.votes))
    w.run(voter, { kind: 'CastMotionVote', motionId: id, choice });
  w.tick(w.state.motions.get(id)?.voteClosesAt as number);
  return id;
}

/** northWithDelegates, and North's delegate to the congress (`docks[1]`) elected. */
export function congressWithDelegates(w: World) {
  const o = northWithDelegates(w);
  const d1 = o.docks[1] as string;
  const m1 = o.mill[1] as string;
  electAll(w, `d:${o.northId}`, [d1], [d1, m1]);
  return { ...o, rootId: w.state.org?.rootCouncilId as string };
}
