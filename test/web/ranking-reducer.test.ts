import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BallotAction,
  type BallotState,
  ballotReducer,
  initialBallot,
  unranked,
} from '../../src/web/components/ranked-ballot/ranking-reducer.js';

const CANDIDATES = ['ann', 'bob', 'cat', 'dan', 'eve'];

const run = (actions: readonly BallotAction[], start = initialBallot(CANDIDATES)): BallotState =>
  actions.reduce(ballotReducer, start);

describe('the ranked ballot reducer', () => {
  it('ranks candidates next, in the order chosen', () => {
    const state = run([
      { kind: 'Add', id: 'cat' },
      { kind: 'Add', id: 'ann' },
      { kind: 'Add', id: 'eve' },
    ]);
    expect(state.ranking).toEqual(['cat', 'ann', 'eve']);
    expect(unranked(state)).toEqual(['bob', 'dan']);
    expect(state.last).toEqual({ kind: 'added', id: 'eve', rank: 3, of: 3 });
  });

  it('ignores unknown or already ranked candidates, and drops them from an initial ranking', () => {
    const start = initialBallot(CANDIDATES, ['bob', 'zed', 'bob', 'ann']);
    expect(start.ranking).toEqual(['bob', 'ann']);
    expect(ballotReducer(start, { kind: 'Add', id: 'zed' })).toBe(start);
    expect(ballotReducer(start, { kind: 'Add', id: 'bob' })).toBe(start);
  });

  it('moves by one place, and says so at either end instead of moving', () => {
    const start = initialBallot(CANDIDATES, ['ann', 'bob', 'cat']);
    const down = ballotReducer(start, { kind: 'MoveBy', id: 'ann', by: 1 });
    expect(down.ranking).toEqual(['bob', 'ann', 'cat']);
    expect(down.last).toEqual({ kind: 'moved', id: 'ann', rank: 2, of: 3 });
    const top = ballotReducer(start, { kind: 'MoveBy', id: 'ann', by: -1 });
    expect(top.ranking).toEqual(['ann', 'bob', 'cat']);
    expect(top.last).toEqual({ kind: 'atTop', id: 'ann' });
    const bottom = ballotReducer(start, { kind: 'MoveBy', id: 'cat', by: 1 });
    expect(bottom.last).toEqual({ kind: 'atBottom', id: 'cat' });
  });

  it('picks up, moves and drops by keyboard; Escape puts the candidate back', () => {
    const start = initialBallot(CANDIDATES, ['ann', 'bob', 'cat', 'dan']);
    const grabbed = ballotReducer(start, { kind: 'Grab', id: 'bob' });
    expect(grabbed.grabbed).toEqual({ id: 'bob', from: 1 });
    const moved = run(
      [
        { kind: 'MoveBy', id: 'bob', by: 1 },
        { kind: 'MoveBy', id: 'bob', by: 1 },
      ],
      grabbed,
    );
    expect(moved.ranking).toEqual(['ann', 'cat', 'dan', 'bob']);
    const dropped = ballotReducer(moved, { kind: 'Drop' });
    expect(dropped.grabbed).toBeNull();
    expect(dropped.ranking).toEqual(['ann', 'cat', 'dan', 'bob']);
    expect(dropped.last).toEqual({ kind: 'dropped', id: 'bob', rank: 4, of: 4 });
    const cancelled = ballotReducer(moved, { kind: 'Cancel' });
    expect(cancelled.ranking).toEqual(['ann', 'bob', 'cat', 'dan']);
    expect(cancelled.last).toEqual({ kind: 'cancelled', id: 'bob', rank: 2, of: 4 });
  });

  it('removes a candidate, releasing it if it was picked up', () => {
    const start = ballotReducer(initialBallot(CANDIDATES, ['ann', 'bob']), {
      kind: 'Grab',
      id: 'bob',
    });
    const removed = ballotReducer(start, { kind: 'Remove', id: 'bob' });
    expect(removed.ranking).toEqual(['ann']);
    expect(removed.grabbed).toBeNull();
    expect(unranked(removed)).toEqual(['bob', 'cat', 'dan', 'eve']);
  });

  it('moves to a position, clamped to the ranking (as a drag drops it)', () => {
    const start = initialBallot(CANDIDATES, ['ann', 'bob', 'cat']);
    expect(ballotReducer(start, { kind: 'Move', id: 'cat', to: 0 }).ranking).toEqual([
      'cat',
      'ann',
      'bob',
    ]);
    expect(ballotReducer(start, { kind: 'Move', id: 'ann', to: 99 }).ranking).toEqual([
      'bob',
      'cat',
      'ann',
    ]);
  });

  // The model: a ranking is a list; each action is the obvious list operation.
  const action = fc.oneof(
    fc.record({ kind: fc.constant('Add' as const), id: fc.constantFrom(...CANDIDATES, 'zed') }),
    fc.record({
      kind: fc.constant('Add' as const),
      id: fc.constantFrom(...CANDIDATES),
      at: fc.integer({ min: -2, max: 7 }),
    }),
    fc.record({ kind: fc.constant('Remove' as const), id: fc.constantFrom(...CANDIDATES) }),
    fc.record({
      kind: fc.constant('Move' as const),
      id: fc.constantFrom(...CANDIDATES),
      to: fc.integer({ min: -3, max: 8 }),
    }),
    fc.record({
      kind: fc.constant('MoveBy' as const),
      id: fc.constantFrom(...CANDIDATES),
      by: fc.integer({ min: -3, max: 3 }),
    }),
    fc.record({ kind: fc.constant('Grab' as const), id: fc.constantFrom(...CANDIDATES) }),
    fc.constant({ kind: 'Drop' as const }),
    fc.constant({ kind: 'Cancel' as const }),
    fc.constant({ kind: 'Clear' as const }),
  );

  function model(ranking: string[], grabbed: { id: string; from: number } | null, a: BallotAction) {
    const list = [...ranking];
    const clamp = (n: number, hi: number) => Math.max(0, Math.min(hi, n));
    switch (a.kind) {
      case 'Add':
        if (!CANDIDATES.includes(a.id) || list.includes(a.id)) return { list, grabbed };
        list.splice(clamp(a.at ?? list.length, list.length), 0, a.id);
        return { list, grabbed };
      case 'Remove':
        return {
          list: list.filter((x) => x !== a.id),
          grabbed: grabbed?.id === a.id ? null : grabbed,
        };
      case 'Move':
      case 'MoveBy': {
        const from = list.indexOf(a.id);
        if (from < 0) return { list, grabbed };
        const to = clamp(a.kind === 'Move' ? a.to : from + a.by, list.length - 1);
        list.splice(from, 1);
        list.splice(to, 0, a.id);
        return { list, grabbed };
      }
      case 'Grab': {
        const from = list.indexOf(a.id);
        return { list, grabbed: from < 0 ? grabbed : { id: a.id, from } };
      }
      case 'Drop':
        return { list, grabbed: null };
      case 'Cancel': {
        if (!grabbed) return { list, grabbed };
        const now = list.indexOf(grabbed.id);
        list.splice(now, 1);
        list.splice(clamp(grabbed.from, list.length), 0, grabbed.id);
        return { list, grabbed: null };
      }
      case 'Clear':
        return { list: [], grabbed: null };
    }
  }

  it('agrees with the list model on any sequence of actions, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let state = initialBallot(CANDIDATES);
        let expected: { list: string[]; grabbed: { id: string; from: number } | null } = {
          list: [],
          grabbed: null,
        };
        for (const a of actions) {
          state = ballotReducer(state, a);
          expected = model(expected.list, expected.grabbed, a);
          expect(state.ranking).toEqual(expected.list);
          expect(state.grabbed).toEqual(expected.grabbed);
          expect(new Set(state.ranking).size).toBe(state.ranking.length);
          expect([...state.ranking, ...unranked(state)].sort()).toEqual([...CANDIDATES].sort());
          if (state.grabbed) expect(state.ranking).toContain(state.grabbed.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
