import { describe, expect, it } from 'vitest';
import { nextDeadline, snapshot } from '../../src/democracy/index.js';
import { DAY, electAll, TREE, World } from './world.js';

/** A branch with a chair elected and a recall under way: several deadlines ahead. */
function busy(): World {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const members = [founder, ...w.populate(founder, 9)];
  const docks = w.councilId('Docks');
  electAll(w, `o:${docks}:chair`, [members[1] as string], members);
  const mandate = w.sittingMandate(`o:${docks}:chair`, members[1] as string);
  const [p] = w.run(members[2] as string, {
    kind: 'OpenRecallPetition',
    mandateId: mandate.id,
    reason: 'r',
  });
  if (p?.kind === 'RecallPetitionOpened')
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
  w.run(members[4] as string, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'T',
    text: 'x',
    body: { kind: 'ordinary' },
  });
  return w;
}

describe('Time: phases end at their deadlines even if the server was down; on start it catches up, in order, exactly once', () => {
  it('one late tick gives the same events, at the same times, as a server that never stopped', () => {
    const a = busy();
    const b = busy();
    const start = a.log.length;
    const until = a.now + 800 * DAY;
    a.runUntil(until); // ticking at every deadline
    b.tick(until); // down all along, one catch-up
    const strip = (w: World) => w.log.slice(start).map((e) => [e.kind, e.at]);
    expect(strip(b)).toEqual(strip(a));
    expect(snapshot(b.state)).toEqual(snapshot(a.state));
    // Events carry their deadlines, in order.
    const ats = b.log.slice(start).map((e) => e.at);
    expect(ats).toEqual([...ats].sort((x, y) => x - y));
    expect(ats.every((t) => t <= until)).toBe(true);
    // Exactly once: a second tick at the same time does nothing.
    expect(b.tick(until)).toEqual([]);
    b.expectReplayEqualsLive();
  });

  it('nextDeadline names the time of the next phase change', () => {
    const w = busy();
    const next = nextDeadline(w.state) as number;
    expect(next).toBeGreaterThan(w.now);
    expect(w.tick(next - 1)).toEqual([]);
    const events = w.tick(next);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.at === next)).toBe(true);
  });

  it('a member acting after a deadline the server has not processed yet meets the closed phase', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const b = w.join(founder, 'B');
    const e = w.openElection(`o:${w.councilId('Docks')}:chair`);
    w.run(b, { kind: 'Nominate', electionId: e.id, candidateId: b });
    w.tick(e.nominationsCloseAt);
    w.now = e.votingCloseAt + DAY; // no tick
    w.refuse(founder, { kind: 'CastBallot', electionId: e.id, ranking: [b] }, 'VOTING_NOT_OPEN');
  });
});
