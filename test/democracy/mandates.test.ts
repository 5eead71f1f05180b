import { describe, expect, it } from 'vitest';
import { MONTH } from '../../src/democracy/index.js';
import { DAY, electAll, TREE, World } from './world.js';

function docksWith(n: number) {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const members = [founder, ...w.populate(founder, n - 1)];
  return { w, members, docks: w.councilId('Docks') };
}

describe('Mandates: a mandate is a seat held by one person, given by one electing body, for a term (default 12 months)', () => {
  it('grants the winner a mandate from the close of voting for twelve months', () => {
    const { w, members, docks } = docksWith(3);
    const chair = `o:${docks}:chair`;
    const e = w.openElection(chair);
    electAll(w, chair, [members[1] as string], members);
    const m = w.sittingMandate(chair, members[1] as string);
    expect(m.startAt).toBe(e.votingCloseAt);
    expect(m.endAt).toBe(e.votingCloseAt + 12 * MONTH);
    expect(m.electionId).toBe(e.id);
    expect(m.terms).toBe(1);
  });
});

describe('Mandates: a mandate ends when its term expires, is recalled, its holder resigns or leaves; a vacancy starts a by-election for the rest of the term', () => {
  it('resignation ends it at once and opens a by-election ending with the term', () => {
    const { w, members, docks } = docksWith(3);
    const chair = `o:${docks}:chair`;
    electAll(w, chair, [members[1] as string], members);
    const m = w.sittingMandate(chair, members[1] as string);
    w.refuse(members[2] as string, { kind: 'ResignMandate', mandateId: m.id }, 'NOT_HOLDER');
    w.advanceDays(40);
    w.run(members[1] as string, { kind: 'ResignMandate', mandateId: m.id });
    expect(w.state.mandates.get(m.id)?.endReason).toBe('resigned');
    const by = w.openElection(chair);
    expect(by.kind).toBe('by');
    expect(by.mandateEndsAt).toBe(m.endAt);
    w.refuse(
      members[1] as string,
      { kind: 'ResignMandate', mandateId: m.id },
      'MANDATE_NOT_SITTING',
    );
    w.refuse(members[1] as string, { kind: 'ResignMandate', mandateId: 'd99' }, 'MANDATE_UNKNOWN');
  });

  it('expiry ends it exactly at the end of the term, when the next term’s mandates begin', () => {
    const { w, members, docks } = docksWith(3);
    const chair = `o:${docks}:chair`;
    electAll(w, chair, [members[1] as string], members);
    const first = w.sittingMandate(chair, members[1] as string);
    // The regular election opens nominations + voting before the term ends.
    w.tick(first.endAt - 14 * DAY);
    const next = w.openElection(chair);
    expect(next.kind).toBe('regular');
    expect(next.votingCloseAt).toBe(first.endAt);
    electAll(w, chair, [members[2] as string], members);
    expect(w.state.mandates.get(first.id)?.endReason).toBe('expired');
    expect(w.state.mandates.get(first.id)?.endedAt).toBe(first.endAt);
    const second = w.sittingMandate(chair, members[2] as string);
    expect(second.startAt).toBe(first.endAt);
    // The expiry was processed before the new grant, in the same tick.
    const kinds = w.log.map((e) => e.kind);
    expect(kinds.lastIndexOf('MandateEnded')).toBeLessThan(kinds.lastIndexOf('MandateGranted'));
  });
});

describe('Mandates — rotation: nobody may hold the same seat for more than maxConsecutiveTerms (2) consecutive terms', () => {
  it('refuses a third consecutive term at nomination with the reason, and allows it after a break', () => {
    const { w, members, docks } = docksWith(4);
    const [a, b] = members as [string, string];
    const chair = `o:${docks}:chair`;
    electAll(w, chair, [a], members); // term 1
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    electAll(w, chair, [a], members); // term 2
    expect(w.sittingMandate(chair, a).terms).toBe(2);
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    const third = w.openElection(chair);
    const refusal = w.refuse(
      a,
      { kind: 'Nominate', electionId: third.id, candidateId: a },
      'ROTATION_CONSECUTIVE',
    );
    expect(refusal.message).toContain('term 3 in a row');
    expect(refusal.message).toContain('limit is 2');
    electAll(w, chair, [b], members);
    // After a term out of office, the seat is open to them again.
    w.tick(w.sittingMandate(chair, b).endAt - 14 * DAY);
    const later = w.openElection(chair);
    w.run(a, { kind: 'Nominate', electionId: later.id, candidateId: a });
    expect(w.state.members.get(a)?.candidacies).toContain(later.id);
  });
});

describe('Mandates — rotation counts every mandate on the seat that overlaps a term window, by-elections included', () => {
  it('refuses a by-election early in the third term to a holder of two full terms', () => {
    const { w, members, docks } = docksWith(4);
    const [a, b] = members as [string, string];
    const chair = `o:${docks}:chair`;
    electAll(w, chair, [a], members); // term 1
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    electAll(w, chair, [a], members); // term 2
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    electAll(w, chair, [b], members); // term 3, to someone else
    w.advanceDays(10);
    w.run(b, { kind: 'ResignMandate', mandateId: w.sittingMandate(chair, b).id });
    const by = w.openElection(chair);
    expect(by.kind).toBe('by');
    const refusal = w.refuse(
      a,
      { kind: 'Nominate', electionId: by.id, candidateId: a },
      'ROTATION_CONSECUTIVE',
    );
    expect(refusal.message).toContain('term 3 in a row');
  });

  it('a by-election then a regular election count as two terms in a row', () => {
    const { w, members, docks } = docksWith(4);
    const [a, b] = members as [string, string];
    const chair = `o:${docks}:chair`;
    electAll(w, chair, [b], members); // term 1, to someone else
    w.advanceDays(10);
    w.run(b, { kind: 'ResignMandate', mandateId: w.sittingMandate(chair, b).id });
    electAll(w, chair, [a], members); // the by-election: the rest of term 1
    expect(w.sittingMandate(chair, a).terms).toBe(1);
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    electAll(w, chair, [a], members); // term 2
    expect(w.sittingMandate(chair, a).terms).toBe(2);
    w.tick(w.sittingMandate(chair, a).endAt - 14 * DAY);
    const third = w.openElection(chair);
    w.refuse(a, { kind: 'Nominate', electionId: third.id, candidateId: a }, 'ROTATION_CONSECUTIVE');
  });
});

describe('Mandates — rotation: nobody may hold more than maxConcurrentMandates (2) mandates at once', () => {
  it('counts sitting mandates and accepted candidacies; refuses the third', () => {
    const { w, members, docks } = docksWith(3);
    const [a] = members as [string];
    const ids = ['chair', 'secretary', 'treasurer'].map(
      (o) => w.openElection(`o:${docks}:${o}`).id,
    );
    w.run(a, { kind: 'Nominate', electionId: ids[0] as string, candidateId: a });
    w.run(a, { kind: 'Nominate', electionId: ids[1] as string, candidateId: a });
    const refusal = w.refuse(
      a,
      { kind: 'Nominate', electionId: ids[2] as string, candidateId: a },
      'ROTATION_CONCURRENT',
    );
    expect(refusal.message).toContain('3 mandates at once');
    // Someone else's nomination of `a` is refused the same way, and so is accepting it.
    w.refuse(
      members[1] as string,
      { kind: 'Nominate', electionId: ids[2] as string, candidateId: a },
      'ROTATION_CONCURRENT',
    );
    // Withdrawing one candidacy frees the place.
    w.run(a, { kind: 'DeclineNomination', electionId: ids[1] as string });
    w.run(a, { kind: 'Nominate', electionId: ids[2] as string, candidateId: a });
  });

  it('a holder cannot stand again for a seat of the same group while sitting beyond the election', () => {
    const { w, members } = docksWith(61);
    const docks = w.councilId('Docks');
    electAll(w, `d:${docks}`, [members[1] as string], members);
    const by = w.openElection(`d:${docks}`);
    w.refuse(
      members[1] as string,
      { kind: 'Nominate', electionId: by.id, candidateId: members[1] as string },
      'ALREADY_HOLDS_SEAT',
    );
  });
});

describe('Mandates: ineligible candidates are refused at nomination with the reason', () => {
  it('refuses a candidate outside the constituency, a double nomination, and late nominations', () => {
    const { w, members, docks } = docksWith(3);
    const mill = w.seedCouncil(members[0] as string, 'Mill', 1);
    const e = w.openElection(`o:${docks}:chair`);
    const refusal = w.refuse(
      members[0] as string,
      { kind: 'Nominate', electionId: e.id, candidateId: mill[0] as string },
      'NOT_IN_CONSTITUENCY',
    );
    expect(refusal.message).toContain(mill[0] as string);
    w.refuse(
      mill[0] as string,
      { kind: 'Nominate', electionId: e.id, candidateId: members[0] as string },
      'NOT_IN_VOTING_BODY',
    );
    w.run(members[0] as string, {
      kind: 'Nominate',
      electionId: e.id,
      candidateId: members[1] as string,
    });
    w.refuse(
      members[2] as string,
      { kind: 'Nominate', electionId: e.id, candidateId: members[1] as string },
      'ALREADY_NOMINATED',
    );
    w.refuse(members[2] as string, { kind: 'AcceptNomination', electionId: e.id }, 'NOT_NOMINATED');
    w.tick(e.nominationsCloseAt);
    w.refuse(
      members[1] as string,
      { kind: 'AcceptNomination', electionId: e.id },
      'NOMINATIONS_CLOSED',
    );
    // An unaccepted nomination is not a candidacy: nobody stood, so the election lapsed.
    expect(w.state.elections.get(e.id)?.phase).toBe('closed');
    expect(w.events('ElectionLapsed').some((x) => x.electionId === e.id)).toBe(true);
  });
});
