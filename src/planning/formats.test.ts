import { describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import type { Economy } from './economy.js';
import { formatEconomy, parseEconomy } from './economy-format.js';
import { leontiefEconomy, parseMatrixMarket, parseVector } from './matrix-market-format.js';
import { toDense } from './sparse-matrix.js';
import { syntheticEconomy } from './testing/synthetic-economy.js';

const encode = (text: string) => new TextEncoder().encode(text);

function toMatrixMarket(e: Economy): string {
  const lines = ['%%MatrixMarket matrix coordinate real general', '% generated', ''];
  const { rowStarts, columns, values } = e.inputs;
  for (let i = 0; i < e.inputs.rows; i++) {
    for (let q = rowStarts[i] ?? 0; q < (rowStarts[i + 1] ?? 0); q++) {
      lines.push(`${i + 1} ${(columns[q] ?? 0) + 1} ${values[q]}`);
    }
  }
  lines[2] = `${e.inputs.rows} ${e.inputs.cols} ${lines.length - 3}`;
  return `${lines.join('\n')}\n`;
}

describe("Soviet's economy directory", () => {
  const economy = syntheticEconomy({
    products: 30,
    techniquesPerProduct: 2,
    inputs: 4,
    capacityShare: 0.5,
    seed: 5,
  });

  it('round-trips an economy exactly', () => {
    const back = parseEconomy(formatEconomy(economy));
    expect(back.products).toEqual(economy.products);
    expect(back.techniques).toEqual(economy.techniques);
    expect([...back.demand]).toEqual([...economy.demand]);
    expect([...back.labour]).toEqual([...economy.labour]);
    expect([...back.capacity]).toEqual([...economy.capacity]);
    expect([...back.makes]).toEqual([...economy.makes]);
    expect(toDense(back.inputs)).toEqual(toDense(economy.inputs));
    expect(back.resources.map((r) => [r.name, r.limit])).toEqual([['labour', 30]]);
  });

  it('reads a non-produced resource and columns in any order', () => {
    const e = parseEconomy({
      products: 'demand,product\n2,bread\n0,flour\n',
      techniques: 'product,technique,capacity,labour\nbread,bakery,,1\nflour,mill,5,0.5\n',
      inputs: 'technique,product,amount\nbakery,flour,1.2\nmill,land,0.1\n',
      limits: 'resource,limit\nlabour,10\nland,0.3\n',
    });
    expect(e.products).toEqual(['bread', 'flour']);
    expect(e.capacity[0]).toBe(Number.POSITIVE_INFINITY);
    expect(e.capacity[1]).toBe(5);
    expect(toDense(e.inputs)).toEqual([
      [0, 0],
      [1.2, 0],
    ]);
    expect(e.resources.find((r) => r.name === 'land')?.use[1]).toBe(0.1);
  });

  it('refuses unknown names, bad numbers and a missing labour limit, naming the file and line', () => {
    const base = formatEconomy(economy);
    const cases: [Partial<typeof base>, RegExp][] = [
      [{ inputs: `${base.inputs}t0,steel,1\n` }, /inputs.csv names "steel"/],
      [{ techniques: base.techniques.replace(/,p0,/, ',p0,-1,') }, /techniques.csv, line 2/],
      [{ products: `${base.products}p0,3\n` }, /named twice/],
      [{ limits: 'resource,limit\nland,3\n' }, /no limit for labour/],
      [{ products: 'product\np0\n' }, /no column demand/],
    ];
    for (const [change, message] of cases) {
      expect(() => parseEconomy({ ...base, ...change })).toThrow(SovietError);
      expect(() => parseEconomy({ ...base, ...change })).toThrow(message);
    }
  });
});

describe('Matrix Market technology', () => {
  it('reads the coordinate format back into the same matrix, summing duplicates', () => {
    const e = syntheticEconomy({ products: 200, inputs: 6, seed: 9 });
    const a = parseMatrixMarket(encode(toMatrixMarket(e)));
    expect(toDense(a)).toEqual(toDense(e.inputs));
    const twice = parseMatrixMarket(
      encode('%%MatrixMarket matrix coordinate real general\n2 2 3\n1 2 0.25\n1 2 0.5\n2 1 1e-1\n'),
    );
    expect(toDense(twice)).toEqual([
      [0, 0.75],
      [0.1, 0],
    ]);
  });

  it('refuses other kinds of files and bad entries, naming the line', () => {
    const bad: [string, RegExp][] = [
      ['%%MatrixMarket matrix array real general\n1 1\n0.5\n', /coordinate/],
      ['%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 0.5\n', /general/],
      ['%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 0.5\n', /line 3: entry \(3, 1\)/],
      ['%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 x\n', /"x" is not a number/],
      ['%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 0.5\n2 2 0.5\n', /more entries/],
      ['%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 0.5\n', /ends early|must hold/],
    ];
    for (const [text, message] of bad)
      expect(() => parseMatrixMarket(encode(text))).toThrow(message);
  });

  it('reads labour and demand vectors of one number per product', () => {
    expect([...parseVector('labour\n1\n2.5\n', 'labour.csv', 2)]).toEqual([1, 2.5]);
    expect(() => parseVector('labour\n1\n', 'labour.csv', 2)).toThrow(/expected 2 numbers/);
    const a = parseMatrixMarket(encode('%%MatrixMarket matrix coordinate real general\n2 3 0\n'));
    expect(() => leontiefEconomy(a, new Float64Array(2), new Float64Array(2))).toThrow(
      /not square/,
    );
  });
});
