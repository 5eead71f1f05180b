import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../cli/load-highs.js';
import { SovietError } from '../errors/soviet-error.js';
import { parseHarmony } from './harmony-format.js';
import { highsSolver } from './highs-solver.js';
import { solveMultiYearPlan } from './multi-year-plan.js';
import { dataset } from './testing/datasets.js';

const TOY = 'cockshott-5yearplan-toy';
const files = (flows: string) => ({
  flows: dataset(TOY, flows),
  cap: dataset(TOY, 'cap.csv'),
  dep: dataset(TOY, 'dep.csv'),
  labtarg: dataset(TOY, 'labtarg.csv'),
});

/** Reverses the data rows and the columns after the first: same table, other order. */
function shuffled(text: string): string {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(','));
  const order = (fields: string[]) => [fields[0] ?? '', ...fields.slice(1).reverse()].join(',');
  return [order(header ?? []), ...rows.reverse().map(order)].join('\n');
}

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('the harmony planning tables (wc22m/5yearplan)', () => {
  it('reads coefficients per unit of output, by row and column name', () => {
    const e = parseHarmony(files('flows_e4d26dc.csv'));
    expect(e.products).toEqual(['iron', 'coal', 'corn', 'bread']);
    // coal used by iron: 2 per 10 iron; labour in coal: 1 per 5 coal (this version).
    expect(e.flow[1]?.[0]).toBeCloseTo(0.2, 15);
    expect(e.labour[1]).toBeCloseTo(0.2, 15);
    expect(e.capital[0]?.[1]).toBeCloseTo(7 / 5, 15);
    expect(e.stock[0]?.[1]).toBe(7);
    expect(e.depreciation[2]?.[2]).toBe(0.5);
    expect(e.years.map((y) => y.labour)).toEqual([3, 3.01, 3.02, 3.03, 3.07]);
    const other = parseHarmony({
      flows: shuffled(dataset(TOY, 'flows_e4d26dc.csv')),
      cap: shuffled(dataset(TOY, 'cap.csv')),
      dep: shuffled(dataset(TOY, 'dep.csv')),
      labtarg: shuffled(dataset(TOY, 'labtarg.csv')),
    });
    expect(other.products).toEqual([...e.products].reverse());
    const at = (name: string) => other.products.indexOf(name);
    e.products.forEach((i, r) => {
      e.products.forEach((j, c) => {
        expect(other.flow[at(i)]?.[at(j)]).toBe(e.flow[r]?.[c]);
        expect(other.capital[at(i)]?.[at(j)]).toBe(e.capital[r]?.[c]);
      });
    });
  });

  it('reproduces the documented lp_solve plan: objective 7.33645 and the yearly fulfilment', () => {
    const plan = solveMultiYearPlan(parseHarmony(files('flows_e4d26dc.csv')), highsSolver(highs));
    // documented_lp_solve_plan.txt prints 6 significant figures.
    expect(plan.objective.toPrecision(6)).toBe('7.33645');
    expect(plan.fulfilment.map((s) => s.toPrecision(6))).toEqual([
      '0.159221',
      '1.75043',
      '1.75259',
      '1.71516',
      '1.95906',
    ]);
    expect(Math.abs(plan.objective - 7.3364530897)).toBeLessThan(1e-8);
    // The labour the documented plan uses in years 2–5 is the whole labour force.
    expect(plan.labour.slice(1).map((l) => l.toFixed(5))).toEqual([
      '3.01000',
      '3.02000',
      '3.03000',
      '3.07000',
    ]);
    expect(plan.binding).toContain('labour year2');
  });

  it('gives 8.797299 with the HEAD flows.csv (coal output 6)', () => {
    const plan = solveMultiYearPlan(parseHarmony(files('flows.csv')), highsSolver(highs));
    expect(plan.objective.toFixed(6)).toBe('8.797299');
  });

  it('reads the unnamed New Harmony tables in column order (EU 2006, 5 sectors)', () => {
    const eu = 'cockshott-eu-5sector';
    const e = parseHarmony({
      flows: dataset(eu, 'jeuflows.csv'),
      cap: dataset(eu, 'jeucap.csv'),
      dep: dataset(eu, 'jeudep.csv'),
      labtarg: dataset(eu, 'jeulabtargs.csv'),
    });
    expect(e.products).toEqual([
      'Agriculture',
      'Industry',
      'Construction',
      'Services',
      'foreigntrade',
    ]);
    expect(e.flow[0]?.[0]).toBeCloseTo(45984 / 381876, 15);
    expect(e.labour[3]).toBeCloseTo(4257560 / 13286792, 15);
    expect(e.years).toHaveLength(5);
    expect(e.years[0]?.labour).toBe(5890040.707);
  });

  it('names the file and line of a bad cell, and an unknown row', () => {
    const bad = files('flows.csv');
    expect(() => parseHarmony({ ...bad, cap: bad.cap.replace('0.04', 'x') })).toThrow(
      /cap.csv, line 3/,
    );
    expect(() =>
      parseHarmony({ ...bad, dep: bad.dep.replace('corn,0,0,0.5,0', 'maize,0,0,0.5,0') }),
    ).toThrow(SovietError);
  });
});
