import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PMap } from './pmap.js';

type Op = { op: 'set'; key: string; value: number } | { op: 'delete'; key: string };

const key = fc.string({ maxLength: 3 });
const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), key, value: fc.integer() }),
    fc.record({ op: fc.constant('delete' as const), key }),
  ),
  { maxLength: 200 },
);

describe('PMap against the obviously correct Map', () => {
  it('agrees with a Map on every sequence of sets and deletes, and stays balanced', () => {
    fc.assert(
      fc.property(ops, (sequence: Op[]) => {
        let p = PMap.empty<number>();
        const m = new Map<string, number>();
        for (const o of sequence) {
          if (o.op === 'set') {
            p = p.set(o.key, o.value);
            m.set(o.key, o.value);
          } else {
            p = p.delete(o.key);
            m.delete(o.key);
          }
        }
        expect(p.checkInvariants()).toBe(true);
        expect(p.size).toBe(m.size);
        const sorted = [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        expect([...p.entries()]).toEqual(sorted);
        expect(p.min()).toEqual(sorted[0]);
        for (const [k, v] of m) expect(p.get(k)).toBe(v);
      }),
    );
  });

  it('never changes an older version (persistence)', () => {
    fc.assert(
      fc.property(ops, key, fc.integer(), (sequence: Op[], k: string, v: number) => {
        let p = PMap.empty<number>();
        for (const o of sequence) p = o.op === 'set' ? p.set(o.key, o.value) : p.delete(o.key);
        const before = [...p.entries()];
        p.set(k, v);
        p.delete(k);
        expect([...p.entries()]).toEqual(before);
      }),
    );
  });

  it('update refuses a missing key', () => {
    expect(() => PMap.empty<number>().update('x', (n) => n + 1)).toThrow(/no key x/);
    expect(
      PMap.of([['a', 1]])
        .update('a', (n) => n + 1)
        .get('a'),
    ).toBe(2);
  });
});
