import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countElection } from '../../src/counting/count-election.js';
import { scottishWard } from '../../src/counting/testing/datasets.js';
import {
  chartMaximum,
  decimalsOf,
  formatVotes,
  nonTransferableRow,
  stageRows,
  standingsAfter,
} from '../../src/web/components/count-view/count-model.js';

/** Reads a formatted figure back into units, for the locales' separators (slow and obvious). */
function unitsOf(text: string, scale: number, group: string, point: string): number {
  const sign = text.startsWith('−') ? -1 : 1;
  const body = text.replace(/^[−+]/, '').split(group).join('');
  const [whole, fraction = ''] = body.split(point);
  const digits = decimalsOf(scale);
  return sign * (Number(whole) * scale + Number(fraction.padEnd(digits, '0') || '0'));
}

describe('exact vote figures', () => {
  it('prints units / scale exactly, with the locale separators, for any figure', () => {
    const locales = [
      { locale: 'en', group: ',', point: '.' },
      { locale: 'de', group: '.', point: ',' },
      { locale: 'ru', group: '\u00a0', point: ',' },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.constantFrom(1, 100_000, 1_000_000_000),
        fc.constantFrom(...locales),
        (units, scale, { locale, group, point }) => {
          const text = formatVotes(units, scale, locale);
          expect(unitsOf(text, scale, group, point)).toBe(units === 0 ? 0 : units);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('drops trailing zeros, signs transfers, and shortens by truncation', () => {
    expect(formatVotes(123_450_000, 100_000, 'en')).toBe('1,234.5');
    expect(formatVotes(100_000, 100_000, 'en', { signed: true })).toBe('+1');
    expect(formatVotes(-25_000, 100_000, 'de', { signed: true })).toBe('−0,25');
    expect(formatVotes(0, 100_000, 'en', { signed: true })).toBe('0');
    expect(formatVotes(199_999, 100_000, 'en', { maxDecimals: 2 })).toBe('1.99');
    expect(formatVotes(7, 1, 'en')).toBe('7');
  });
});

describe('the stage rows of a real count', () => {
  const profile = scottishWard('aberdeen_2017_ward1.blt');
  const report = countElection(profile);

  it('adds up at every stage: before + transfer = after, and the total is conserved', () => {
    expect(report.stages.length).toBeGreaterThan(1);
    report.stages.forEach((stage, s) => {
      const rows = stageRows(report, s);
      expect(rows).toHaveLength(report.candidates.length);
      for (const row of rows) expect(row.before + row.transfer).toBe(row.after);
      const nt = nonTransferableRow(report, s);
      expect(nt.before + nt.transfer).toBe(nt.after);
      const sum = rows.reduce((a, r) => a + r.after, 0) + nt.after + stage.lostToRounding;
      expect(sum).toBe(stage.total);
      if (s > 0) {
        const previous = stageRows(report, s - 1);
        for (const [i, row] of rows.entries()) expect(row.before).toBe(previous[i]?.after);
      }
    });
  });

  it('ends with exactly the elected candidates elected, and no one elected twice', () => {
    const final = standingsAfter(report, report.stages.length - 1);
    const elected = [...final].filter(([, s]) => s === 'elected').map(([id]) => id);
    expect(elected.sort()).toEqual([...report.elected].sort());
    expect(report.elected).toHaveLength(profile.seats);
    const decided = report.stages.flatMap((_, s) =>
      stageRows(report, s)
        .filter((r) => r.decidedHere)
        .map((r) => r.id),
    );
    expect(new Set(decided).size).toBe(decided.length);
  });

  it('scales the chart to the largest bar of any stage and the quota', () => {
    const max = chartMaximum(report);
    expect(max).toBeGreaterThanOrEqual(report.quota ?? 0);
    for (let s = 0; s < report.stages.length; s++) {
      for (const row of stageRows(report, s)) {
        expect(row.before).toBeLessThanOrEqual(max);
        expect(row.after).toBeLessThanOrEqual(max);
      }
    }
    const highest = Math.max(...report.stages.flatMap((st) => st.votes));
    expect(max).toBe(Math.max(highest, report.quota ?? 0));
  });
});
