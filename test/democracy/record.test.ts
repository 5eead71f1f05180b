import { describe, expect, it } from 'vitest';
import { envelopeOf, eventOf, evolve, initialState, snapshot } from '../../src/democracy/index.js';
import { congressWithDelegates, electAll, passMotion, TREE, World } from './world.js';

describe('Principle 3: every act is on the record; anyone with the log can recompute the state', () => {
  it('replaying the logged envelopes (as JSON, secrets included) from empty reproduces the state', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const [a, b] = o.docks as [string, string];
    passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: o.docksId,
      body: { kind: 'ordinary' },
      votes: { [a]: 'yes', [b]: 'no', [o.docks[2] as string]: 'yes' },
    });
    let replayed = initialState();
    for (const e of w.log)
      replayed = evolve(replayed, eventOf(JSON.parse(JSON.stringify(envelopeOf(e)))));
    expect(snapshot(replayed)).toEqual(snapshot(w.state));
  });
});

describe('Record: an entry is at most 65,535 bytes; the ballots of a large box are published in parts', () => {
  it('publishes 260 ballots in two parts, each entry far below the limit', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const members = [founder, ...w.populate(founder, 259)];
    const docks = w.councilId('Docks');
    electAll(w, `o:${docks}:chair`, members.slice(0, 6), members, (i) => {
      const c = members.slice(0, 6);
      return [...c.slice(i % 6), ...c.slice(0, i % 6)];
    });
    const parts = w.events('BallotsPublished');
    expect(parts.map((p) => p.ballots.length)).toEqual([200, 60]);
    for (const e of w.log)
      expect(Buffer.byteLength(JSON.stringify(envelopeOf(e)))).toBeLessThan(65_535);
  });
});

describe('Motions: structure — no structure change ends a mandate early; dissolving or merging a council needs two thirds of the council itself and of its parent', () => {
  it('the parent alone cannot dissolve a council; with the council’s own consent, the seats sit on to the end of their term', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const s = w.seedCouncil(o.founder, 'Depot', 3);
    electAll(w, `d:${w.councilId('Depot')}`, [s[0] as string], s);
    electAll(w, `d:${w.councilId('South')}`, [s[0] as string], [s[0] as string]);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    const e = s[0] as string;
    const docksSeat = w.sittingMandate(`d:${o.docksId}`, d);
    const dissolveNorth = {
      kind: 'structure',
      change: { action: 'dissolve', councilId: o.northId },
    } as const;
    passMotion(w, {
      proposer: d,
      seconder: e,
      councilId: o.rootId,
      body: dissolveNorth,
      votes: { [d]: 'yes', [e]: 'yes' },
    });
    expect(w.events('MotionVotingClosed').at(-1)).toMatchObject({
      passed: true,
      threshold: 'two-thirds',
    });
    expect(w.state.councils.get(o.northId)?.dissolvedAt).toBeNull();
    // North consents, by two thirds of its own delegates.
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: dissolveNorth,
      votes: { [d]: 'yes', [m]: 'yes' },
    });
    expect(w.state.councils.get(o.northId)?.dissolvedAt).not.toBeNull();
    // Its children move to its parent.
    expect(w.state.councils.get(o.docksId)?.parentId).toBe(o.rootId);
    expect(w.state.councils.get(o.rootId)?.childIds).toEqual(
      expect.arrayContaining([o.docksId, o.millId]),
    );
    // Docks' delegate keeps the seat (now in the congress) until the term ends.
    expect(w.state.mandates.get(docksSeat.id)?.endedAt).toBeNull();
    expect(w.state.groups.get(`d:${o.docksId}`)?.seatCouncilId).toBe(o.rootId);
    expect(w.events('MandateEnded').filter((x) => x.reason === 'council-dissolved')).toEqual([]);
    w.tick(docksSeat.endAt);
    expect(w.state.mandates.get(docksSeat.id)?.endReason).toBe('expired');
    w.expectReplayEqualsLive();
  });
});
