import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, COMMON_STEMS } from './common-passwords.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts passphrases and long random passwords', () => {
    for (const ok of [
      'correct pony tin staple',
      'the river runs under the mill',
      'Tr4ns-Atlantic::Kettle',
      'xk3#9fPq!zL02m',
      'яблоко груша слива вишня',
    ])
      expect(passwordProblem(ok), ok).toBeNull();
  });

  it('refuses what is too short or too long, naming the limit', () => {
    expect(passwordProblem('short pass')).toMatch(/at least 12 characters/);
    // Characters, not UTF-16 units: 11 emoji are 11 characters.
    expect(passwordProblem('🐈'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toMatch(/at most 256/);
  });

  it('refuses every listed common password, in any case', () => {
    for (const p of COMMON_PASSWORDS) {
      if ([...p].length < PASSWORD_MIN_LENGTH) continue;
      expect(passwordProblem(p), p).not.toBeNull();
      expect(passwordProblem(p.toUpperCase()), p).not.toBeNull();
    }
  });

  it('refuses a common stem padded with digits or symbols to any length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...[...COMMON_STEMS].filter((s) => /^\p{L}+$/u.test(s))),
        fc.stringMatching(/^[0-9!@#$%^&*.]{0,20}$/),
        fc.stringMatching(/^[0-9!@#$%^&*.]{0,4}$/),
        (stem, tail, head) => {
          const password = `${head}${stem}${tail}`;
          fc.pre([...password].length >= PASSWORD_MIN_LENGTH);
          expect(passwordProblem(password)).not.toBeNull();
        },
      ),
    );
  });

  it('refuses keyboard and digit runs, repetition and the username', () => {
    expect(passwordProblem('123456789012')).toMatch(/run/);
    expect(passwordProblem('987654321098')).toMatch(/run/);
    expect(passwordProblem('qwertyuiop12')).toMatch(/run/);
    expect(passwordProblem('abcdefghijklm')).toMatch(/run/);
    expect(passwordProblem('abababababab')).toMatch(/different characters/);
    expect(passwordProblem('my name is annabelle ok', { username: 'annabelle' })).toMatch(
      /username/,
    );
  });

  it('agrees with the length rule for random strings that avoid every other rule', () => {
    // A slow, obvious reference for the length rule: count code points.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 }), (s) => {
        const problem = passwordProblem(s);
        if ([...s].length < PASSWORD_MIN_LENGTH) expect(problem).toMatch(/at least/);
        else expect(problem ?? '').not.toMatch(/at least/);
      }),
    );
  });
});
