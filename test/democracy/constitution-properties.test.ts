import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDS, type NumericParameter } from '../../src/democracy/constitution.js';
import { TREE, World } from './world.js';

/**
 * Entrenched rules (issue 14): no combination of parameters within the bounds can leave
 * a council unable to pass a motion. Searched over every numeric parameter within its
 * bounds and councils of 1 to 12 members: a motion that the whole voting body seconds
 * and votes for passes.
 */
const constitution = fc.record(
  Object.fromEntries(
    (Object.entries(BOUNDS) as [NumericParameter, readonly [number, number]][]).map(
      ([name, [min, max]]) => [name, fc.integer({ min, max })],
    ),
  ) as Record<NumericParameter, fc.Arbitrary<number>>,
);

function passesWithEveryVote(
  parameters: Record<NumericParameter, number>,
  size: number,
): string | undefined {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const members = [founder, ...w.populate(founder, size - 1)];
  w.state = { ...w.state, constitution: { ...w.state.constitution, ...parameters } };
  const [proposed] = w.run(founder, {
    kind: 'ProposeMotion',
    councilId: w.councilId('Docks'),
    title: 'Undo it',
    text: 'The council resolves.',
    body: { kind: 'ordinary' },
  });
  const id = proposed?.kind === 'MotionProposed' ? proposed.motionId : '';
  for (const m of members.slice(1)) {
    if (w.state.motions.get(id)?.phase !== 'proposed') break;
    w.run(m, { kind: 'SecondMotion', motionId: id });
  }
  const debate = w.state.motions.get(id)?.debateClosesAt;
  if (debate === null || debate === undefined) return w.state.motions.get(id)?.phase;
  w.tick(debate);
  for (const m of members) w.run(m, { kind: 'CastMotionVote', motionId: id, choice: 'yes' });
  w.tick(w.state.motions.get(id)?.voteClosesAt as number);
  return w.state.motions.get(id)?.phase;
}

describe('Entrenched rules: no parameters within the bounds leave a council unable to pass a motion', () => {
  it('a council of ten under seconders = 10 still passes a motion everyone supports', () => {
    expect(passesWithEveryVote({ ...lowest(), seconders: 10 }, 10)).toBe('passed');
  });

  it('holds for every combination of parameters and council sizes searched', () => {
    fc.assert(
      fc.property(constitution, fc.integer({ min: 1, max: 12 }), (parameters, size) => {
        expect(passesWithEveryVote(parameters, size)).toBe('passed');
      }),
      { numRuns: 60 },
    );
  });
});

/** Every parameter at its lower bound. */
function lowest(): Record<NumericParameter, number> {
  return Object.fromEntries(
    (Object.entries(BOUNDS) as [NumericParameter, readonly [number, number]][]).map(
      ([name, [lo]]) => [name, lo],
    ),
  ) as Record<NumericParameter, number>;
}
