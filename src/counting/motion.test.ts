import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyMotion } from './motion.js';

describe('tallyMotion', () => {
  const rules = { votingBody: 10, quorum: 0.3, threshold: 'simple-majority' as const };

  it('passes with more yes than no once turnout reaches the quorum', () => {
    expect(tallyMotion({ yes: 2, no: 1, abstain: 0 }, rules)).toMatchObject({
      passed: true,
      quorumNeeded: 3,
    });
  });

  it('fails below the quorum, counting abstentions towards it', () => {
    expect(tallyMotion({ yes: 2, no: 0, abstain: 0 }, rules)).toMatchObject({
      passed: false,
      quorumReached: false,
    });
    expect(tallyMotion({ yes: 2, no: 0, abstain: 1 }, rules)).toMatchObject({
      passed: true,
      quorumReached: true,
    });
  });

  it('fails on a tie', () => {
    expect(tallyMotion({ yes: 3, no: 3, abstain: 0 }, rules).passed).toBe(false);
  });

  it('needs two thirds of yes + no for a two-thirds motion, exactly', () => {
    const two = { ...rules, threshold: 'two-thirds' as const };
    expect(tallyMotion({ yes: 4, no: 2, abstain: 0 }, two).passed).toBe(true);
    expect(tallyMotion({ yes: 3, no: 2, abstain: 1 }, two).passed).toBe(false);
    expect(tallyMotion({ yes: 0, no: 0, abstain: 5 }, two).passed).toBe(false);
  });

  it('compares the quorum exactly (no floating-point 0.3 × 10 = 3.0000000000000004)', () => {
    expect(tallyMotion({ yes: 3, no: 0, abstain: 0 }, rules).quorumReached).toBe(true);
    expect(
      tallyMotion(
        { yes: 3, no: 0, abstain: 0 },
        { ...rules, quorum: { numerator: 3, denominator: 10 } },
      ).quorumReached,
    ).toBe(true);
  });

  it('agrees with rational arithmetic on random tallies', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.nat(200),
        fc.nat(200),
        fc.nat(400),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (yes, no, abstain, extra, percent, twoThirds) => {
          const votingBody = yes + no + abstain + extra;
          const r = tallyMotion(
            { yes, no, abstain },
            {
              votingBody,
              quorum: { numerator: percent, denominator: 100 },
              threshold: twoThirds ? 'two-thirds' : 'simple-majority',
            },
          );
          const quorum = (yes + no + abstain) * 100 >= percent * votingBody;
          const threshold = twoThirds ? yes > 0 && yes * 3 >= (yes + no) * 2 : yes > no;
          expect(r.quorumReached).toBe(quorum);
          expect(r.passed).toBe(quorum && threshold);
        },
      ),
    );
  });

  it('refuses impossible tallies with MOTION_BAD_TALLY', () => {
    for (const [votes, body] of [
      [{ yes: -1, no: 0, abstain: 0 }, 5],
      [{ yes: 1.5, no: 0, abstain: 0 }, 5],
      [{ yes: 4, no: 4, abstain: 0 }, 5],
    ] as const)
      expect(() => tallyMotion(votes, { ...rules, votingBody: body })).toThrow(
        expect.objectContaining({ code: 'MOTION_BAD_TALLY' }),
      );
    expect(() => tallyMotion({ yes: 1, no: 0, abstain: 0 }, { ...rules, quorum: 1.5 })).toThrow(
      expect.objectContaining({ code: 'MOTION_BAD_TALLY' }),
    );
  });
});
