import { describe, expect, it } from 'vitest';
import {
  type CouncilSpec,
  DEFAULT_CONSTITUTION,
  type SeatGroup,
  seatsOf,
} from '../../src/democracy/index.js';
import { electAll, northWithDelegates, TREE, World } from './world.js';

describe('Principle 1: every power comes from an election; the founder has no more power than any other member', () => {
  it('the founder is an ordinary member of a base council, holding no mandate', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const m = w.state.members.get(founder);
    expect(m?.councilId).toBe(w.councilId('Docks'));
    expect(m?.mandates).toEqual([]);
    // The offices and the delegation of the founder's council go to election at once.
    const opened = w.events('ElectionOpened').map((e) => e.groupKey);
    const docks = w.councilId('Docks');
    expect(opened.sort()).toEqual(
      [`d:${docks}`, `o:${docks}:chair`, `o:${docks}:secretary`, `o:${docks}:treasurer`].sort(),
    );
  });

  it('the founder cannot act where they have no place: no motion in the congress, no time control', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const root = w.state.org?.rootCouncilId as string;
    w.refuse(
      founder,
      { kind: 'ProposeMotion', councilId: root, title: 'T', text: 'x', body: { kind: 'ordinary' } },
      'NOT_IN_VOTING_BODY',
    );
    w.refuse(founder, { kind: 'AdvanceTime', now: w.now + 1 }, 'SYSTEM_ONLY');
  });
});

describe('Organisation and councils: one tree of councils whose root is the congress', () => {
  it('creates the tree: delegate councils with children, base councils at the leaves', () => {
    const w = new World();
    w.found(TREE, 'Docks');
    const root = w.state.councils.get(w.state.org?.rootCouncilId as string);
    expect(root?.name).toBe('Congress');
    expect(root?.kind).toBe('delegate');
    expect(root?.parentId).toBeNull();
    const north = w.state.councils.get(w.councilId('North'));
    expect(north?.kind).toBe('delegate');
    expect(north?.parentId).toBe(root?.id);
    expect(north?.childIds.map((id) => w.state.councils.get(id)?.name)).toEqual(['Docks', 'Mill']);
    expect(w.state.councils.get(w.councilId('Yard'))?.kind).toBe('base');
    expect(w.state.constitution).toEqual(DEFAULT_CONSTITUTION);
  });

  it('refuses a bad founding and a second founding', () => {
    const w = new World();
    const found = (councils: CouncilSpec, founderCouncil: string, slug = 'ok') => ({
      kind: 'FoundOrganisation' as const,
      name: 'U',
      slug,
      founderName: 'Ann',
      councils,
      founderCouncil,
    });
    w.refuse('x', found({ name: 'Congress' }, 'Congress'), 'BAD_FOUNDING');
    w.refuse('x', found(TREE, 'North'), 'BAD_FOUNDING');
    w.refuse('x', found(TREE, 'Nowhere'), 'BAD_FOUNDING');
    w.refuse('x', found(TREE, 'Docks', 'Bad Slug'), 'BAD_FOUNDING');
    w.refuse(
      'x',
      found({ name: 'C', children: [{ name: 'A' }, { name: 'A' }] }, 'A'),
      'BAD_FOUNDING',
    );
    w.refuse('x', { kind: 'InviteMember' }, 'NOT_FOUNDED');
    w.found(TREE, 'Docks');
    w.refuse('x', found(TREE, 'Docks'), 'ALREADY_FOUNDED');
  });
});

describe("Organisation and councils: a council's voting body is its members (base) or its current delegates (delegate)", () => {
  it('base: the members; delegate: the delegates elected by its children', () => {
    const w = new World();
    const { docks, mill, northId } = northWithDelegates(w);
    expect(w.state.councils.get(w.councilId('Docks'))?.members.size).toBe(10);
    // North's voting body is exactly the two delegates.
    const north = `o:${northId}:chair`;
    const election = w.openElection(north);
    expect(election.electingCouncilId).toBe(northId);
    w.refuse(
      docks[2] as string,
      { kind: 'Nominate', electionId: election.id, candidateId: docks[2] as string },
      'NOT_IN_VOTING_BODY',
    );
    w.run(docks[1] as string, {
      kind: 'Nominate',
      electionId: election.id,
      candidateId: mill[1] as string,
    });
    w.run(mill[1] as string, { kind: 'AcceptNomination', electionId: election.id });
    w.tick(election.nominationsCloseAt);
    const box = w.state.boxes.get(w.state.elections.get(election.id)?.boxId as string);
    expect([...(box?.roll.keys() ?? [])].sort()).toEqual([docks[1], mill[1]].sort());
  });
});

describe('Organisation and councils: each council has offices (default chair, secretary, treasurer), filled by election by its voting body', () => {
  it('opens one election per office, and a custom set of offices is honoured', () => {
    const w = new World();
    w.found(
      { name: 'Congress', children: [{ name: 'Cell', offices: ['convenor'] }, { name: 'B' }] },
      'Cell',
    );
    const cell = w.councilId('Cell');
    expect(w.state.councils.get(cell)?.offices).toEqual(['convenor']);
    expect(w.state.councils.get(w.councilId('B'))?.offices).toEqual([
      'chair',
      'secretary',
      'treasurer',
    ]);
    electAll(w, `o:${cell}:convenor`, ['m1'], ['m1']);
    expect(w.holders(`o:${cell}:convenor`)).toEqual(['m1']);
  });
});

describe('Organisation and councils: a child with m members elects max(1, ceil(m / delegateRatio)) delegates (subtree counts for delegate children)', () => {
  it('apportions from membership and from subtree counts', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    w.populate(founder, 119); // 120 members in Docks
    const docks = w.state.councils.get(w.councilId('Docks'));
    const north = w.state.councils.get(w.councilId('North'));
    expect(docks?.subtree).toBe(120);
    expect(north?.subtree).toBe(120);
    expect(w.state.councils.get(w.state.org?.rootCouncilId as string)?.subtree).toBe(120);
    // Docks: ceil(120 / 50) = 3 seats; Mill (empty): max(1, 0) = 1; North (120 in its subtree): 3.
    const seats = (key: string) => {
      const g = w.state.groups.get(key);
      const m = g ? (w.state.councils.get(g.electingCouncilId)?.subtree ?? 0) : 0;
      return g ? Math.max(1, Math.ceil(m / 50)) : 0;
    };
    expect(seats(`d:${docks?.id}`)).toBe(3);
    expect(seatsOf(w.state, w.state.groups.get(`d:${docks?.id}`) as SeatGroup)).toBe(3);
    expect(seatsOf(w.state, w.state.groups.get(`d:${w.councilId('Mill')}`) as SeatGroup)).toBe(1);
    expect(seatsOf(w.state, w.state.groups.get(`d:${north?.id}`) as SeatGroup)).toBe(3);
    // The election of Docks' delegation, opened when the first member joined, has the
    // seats apportioned then; the growth opened by-elections later only once a term runs.
    const regular = w.openElection(`d:${docks?.id}`);
    expect(regular.seats).toBe(1);
    expect(regular.method).toBe('irv');
  });

  it('a delegation of several seats is elected by STV, and growth mid-term opens a by-election', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const members = [founder, ...w.populate(founder, 60)];
    const docks = w.councilId('Docks');
    electAll(w, `d:${docks}`, [members[1] as string], members);
    expect(w.holders(`d:${docks}`)).toEqual([members[1]]);
    // 61 members: two seats now, one sitting: a by-election for one seat opened at the close.
    const by = w.openElection(`d:${docks}`);
    expect(by.kind).toBe('by');
    expect(by.seats).toBe(1);
    const term = w.state.groups.get(`d:${docks}`)?.termEndsAt;
    expect(by.mandateEndsAt).toBe(term);
  });
});
