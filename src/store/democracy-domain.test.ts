import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  type DemocracyEvent,
  EVENT_KINDS,
  initialState,
  type OrgState,
  opens,
  withoutPersonal,
} from '../democracy/index.js';
import { decodeEntry, nodeTreeHasher, toHex } from '../record/index.js';
import { democracyDomain } from './democracy-domain.js';
import type { DecideContext, Envelope } from './domain.js';
import { prepareEntry, readEntry } from './logged-entry.js';

/**
 * The adapter between the democracy core and the store: what goes on the record, what
 * stays private, and that every event comes back from its entry and private part.
 */
const T0 = Date.UTC(2026, 2, 1);
const ROOT = new Uint8Array(32).fill(7);

function ctx(
  actor: string,
  n: number,
  now = T0,
): DecideContext<{ actor: string; entropy: string }> {
  return {
    now,
    actor,
    entropy: n.toString(16).padStart(32, '0'),
    org: 'union',
    head: { size: 0, root: nodeTreeHasher.emptyRoot() },
    signed: { size: 5, root: ROOT },
  };
}

/** A tiny organisation with an election in its voting phase, built through the adapter. */
function world() {
  let state: OrgState = initialState();
  const log: DemocracyEvent[] = [];
  let n = 0;
  const run = (actor: string, command: Parameters<typeof democracyDomain.decide>[1], now = T0) => {
    const events = democracyDomain.decide(state, command, ctx(actor, ++n, now));
    for (const e of events) state = democracyDomain.evolve(state, e);
    log.push(...events);
    return events;
  };
  run('newcomer', {
    kind: 'FoundOrganisation',
    name: 'Union',
    slug: 'union',
    founderName: 'Ada',
    councils: { name: 'Congress', children: [{ name: 'Branch' }, { name: 'Other' }] },
    founderCouncil: 'Branch',
  });
  return {
    run,
    log,
    get state() {
      return state;
    },
  };
}

/** The envelope through the store's own entry writer and reader, as append and replay do. */
function roundTrip(envelope: Envelope, seq: number) {
  const prepared = prepareEntry(envelope, seq, T0);
  const entry = decodeEntry(prepared.bytes);
  return { entry, logged: readEntry(entry, prepared.secret, () => undefined) };
}

describe('democracyDomain', () => {
  it('seeds draws with the hex root of the latest signed checkpoint', () => {
    const w = world();
    const election = [...w.state.elections.values()][0];
    expect(election).toBeDefined();
    const id = election?.id as string;
    w.run('m1', { kind: 'Nominate', electionId: id, candidateId: 'm1' });
    const closes = (w.state.elections.get(id)?.nominationsCloseAt ?? 0) + 1;
    w.run('system', { kind: 'AdvanceTime', now: closes }, closes);
    w.run('m1', { kind: 'CastBallot', electionId: id, ranking: ['m1'] }, closes);
    const end = w.state.elections.get(id)?.votingCloseAt as number;
    const events = w.run('system', { kind: 'AdvanceTime', now: end }, end);
    const closed = events.find((e) => e.kind === 'BallotBoxClosed');
    expect(closed?.kind === 'BallotBoxClosed' && closed.seed).toBe(toHex(ROOT));
  });

  it('keeps who voted, the receipt and the ballot out of the entry, and replays them from the private part', () => {
    const w = world();
    const id = [...w.state.elections.values()][0]?.id as string;
    w.run('m1', { kind: 'Nominate', electionId: id, candidateId: 'm1' });
    const closes = (w.state.elections.get(id)?.nominationsCloseAt ?? 0) + 1;
    w.run('system', { kind: 'AdvanceTime', now: closes }, closes);
    const [cast] = w.run('m1', { kind: 'CastBallot', electionId: id, ranking: ['m1'] }, closes);
    expect(cast?.kind).toBe('BallotCast');
    const envelope = democracyDomain.envelope(cast as DemocracyEvent);
    expect(envelope.actor).toBe('system');
    expect(envelope.data).not.toHaveProperty('secret');
    const { entry, logged } = roundTrip(envelope, 9);
    const text = new TextDecoder().decode(prepareEntry(envelope, 9, T0).bytes);
    expect(text).not.toContain('m1');
    expect(entry.actor).toBe('system');
    expect(democracyDomain.revive(logged)).toEqual(cast);
    // A public replay (without the private part) still knows the box's count.
    const { secret: _private, ...publicLogged } = logged;
    const publicOnly = democracyDomain.revive(publicLogged);
    expect(publicOnly).not.toHaveProperty('secret');
    expect(publicOnly).toMatchObject({ kind: 'BallotCast', cast: 1 });
  });

  it('logs a member act with the member as actor, and every event comes back equal', () => {
    const w = world();
    w.run('m1', { kind: 'InviteMember' });
    expect(w.log.length).toBeGreaterThan(5);
    for (const [seq, event] of w.log.entries()) {
      const envelope = democracyDomain.envelope(event);
      expect(EVENT_KINDS.has(envelope.type)).toBe(true);
      expect(envelope.actor).toBe('by' in event ? event.by : 'system');
      // Everything comes back but the directory's facts, which are never logged.
      expect(democracyDomain.revive(roundTrip(envelope, seq).logged)).toEqual(
        withoutPersonal(event),
      );
    }
  });

  it('logs a name only as a salted commitment, and hands the name and salt to the directory', () => {
    const w = world();
    const joined = w.log.find((e) => e.kind === 'MemberJoined');
    if (joined?.kind !== 'MemberJoined') throw new Error('no MemberJoined');
    const envelope = democracyDomain.envelope(joined);
    const text = new TextDecoder().decode(prepareEntry(envelope, 3, T0).bytes);
    const [fact] = envelope.personal ?? [];
    expect(fact).toMatchObject({ subject: joined.memberId, field: 'name' });
    expect(text).not.toContain(fact?.value as string);
    expect(text).not.toContain(fact?.salt as string);
    expect(text).not.toContain('personal');
    expect(joined.nameCommitment).toBe(commitmentOf(fact?.salt as string, fact?.value as string));
    expect(opens(joined.nameCommitment, fact?.salt as string, `${fact?.value} `)).toBe(false);
  });

  it('refuses to revive an event type that is not in the catalogue', () => {
    expect(() =>
      democracyDomain.revive({
        seq: 0,
        time: T0,
        type: 'Added',
        actor: 'system',
        data: {},
      }),
    ).toThrow(/unknown event type/);
  });

  it('projects into tables that all have org_id', () => {
    expect(democracyDomain.projectionTables).toContain('members');
    expect(democracyDomain.projectionTables).toContain('elections');
    expect(new Set(democracyDomain.projectionTables).size).toBe(
      democracyDomain.projectionTables?.length,
    );
  });
});
