import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.js';
import type { JsonObject } from './canonical-json.js';
import { decodeEntry, type EntryEnvelope, encodeEntry, MAX_ENTRY_BYTES } from './entry.js';

const envelope = (over: Partial<Record<keyof EntryEnvelope, unknown>> = {}): EntryEnvelope =>
  ({
    v: 2,
    seq: 7,
    time: '2025-03-01T09:30:00.000Z',
    type: 'CouncilCreated',
    actor: 'm_01HZX3',
    data: { name: 'Tenants’ council', seats: 5 },
    ...over,
  }) as EntryEnvelope;

const errorCode = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('entry envelope', () => {
  it('is the canonical JSON of the envelope, keys sorted', () => {
    expect(new TextDecoder().decode(encodeEntry(envelope()))).toBe(
      '{"actor":"m_01HZX3","data":{"name":"Tenants’ council","seats":5},"seq":7,"time":"2025-03-01T09:30:00.000Z","type":"CouncilCreated","v":2}',
    );
  });

  it('round-trips any valid envelope', () => {
    const arb = fc.record({
      v: fc.constant(2 as const),
      seq: fc.nat(),
      time: fc
        .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      type: fc.constantFrom('CouncilCreated', 'delegate.recalled', 'ballot:cast', 'X1'),
      actor: fc.oneof(fc.constant('system'), fc.stringMatching(/^[a-z0-9_-]{1,30}$/)),
      data: fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<JsonObject>,
    });
    fc.assert(
      fc.property(arb, (e) => {
        const bytes = encodeEntry(e);
        expect(decodeEntry(bytes)).toEqual(JSON.parse(JSON.stringify(e)));
        expect(encodeEntry(decodeEntry(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses entries over 65,535 bytes with RECORD_ENTRY_TOO_LARGE, and accepts exactly 65,535', () => {
    const base = encodeEntry(envelope({ data: { pad: '' } })).length;
    const fits = envelope({ data: { pad: 'x'.repeat(MAX_ENTRY_BYTES - base) } });
    expect(encodeEntry(fits)).toHaveLength(MAX_ENTRY_BYTES);
    const over = envelope({ data: { pad: 'x'.repeat(MAX_ENTRY_BYTES - base + 1) } });
    expect(errorCode(() => encodeEntry(over))).toBe('RECORD_ENTRY_TOO_LARGE');
    expect(() => encodeEntry(over)).toThrowError(
      /at most 65,535 bytes, and this one is 65536 bytes/,
    );
  });

  it('refuses a malformed envelope with RECORD_ENTRY_INVALID and says why', () => {
    const cases: [Partial<Record<keyof EntryEnvelope, unknown>>, RegExp][] = [
      [{ v: 1 }, /v must be 2/],
      [{ seq: -1 }, /seq must be a whole number/],
      [{ seq: 1.5 }, /seq/],
      [{ time: '2025-03-01 09:30:00Z' }, /time must be an ISO 8601 UTC time/],
      [{ time: '2025-02-29T00:00:00Z' }, /time/],
      [{ time: '2025-03-01T09:30:00+01:00' }, /time/],
      [{ type: '' }, /type must be/],
      [{ type: 'has space' }, /type/],
      [{ actor: '' }, /actor must be/],
      [{ actor: 'two words' }, /actor/],
      [{ data: [1] }, /data must be a JSON object/],
      [{ data: null }, /data/],
    ];
    for (const [over, reason] of cases) {
      const f = () => encodeEntry(envelope(over));
      expect(errorCode(f)).toBe('RECORD_ENTRY_INVALID');
      expect(f).toThrowError(reason);
    }
    expect(() => encodeEntry({ ...envelope(), extra: 1 } as EntryEnvelope)).toThrowError(
      /exactly the fields/,
    );
    expect(encodeEntry(envelope({ time: '2024-02-29T23:59:59Z' }))).toBeInstanceOf(Uint8Array);
  });

  it('decodes only canonical bytes: no whitespace, reordering, duplicates or bad UTF-8', () => {
    const good = new TextDecoder().decode(encodeEntry(envelope()));
    const variants = [
      good.replace('{"actor"', '{ "actor"'),
      good.replace('"seq":7', '"seq":7.0'),
      good.replace('{"actor":"m_01HZX3",', '{').replace('"v":2}', '"v":2,"actor":"m_01HZX3"}'),
      good.replace('"v":2}', '"v":2,"v":2}'),
      `${good}\n`,
    ];
    for (const text of variants)
      expect(errorCode(() => decodeEntry(utf8(text)))).toBe('RECORD_ENTRY_INVALID');
    expect(() => decodeEntry(Uint8Array.of(0x7b, 0xff, 0x7d))).toThrowError(/not valid UTF-8/);
    expect(() => decodeEntry(utf8('{"v":2'))).toThrowError(/not JSON/);
    expect(decodeEntry(utf8(good))).toEqual(envelope());
  });
});
