import { describe, expect, it } from 'vitest';
import { ActAudit, type AuditedEntry, actBody } from '../../src/democracy/index.js';
import { nobleEd25519 } from '../../src/record/ed25519.js';
import { keyIdOf, signatureBase, toBase64 } from '../../src/record/http-signature.js';

/**
 * The act audit `soviet verify` and the browser run (democracy/act-audit.ts): each way
 * an operator could slip an act into a member's name is refused, naming why.
 */
const ORIGIN = 'example.org/union';
const T = Date.UTC(2026, 5, 1);
const ed = nobleEd25519;

function keyOf(fill: number) {
  const seed = new Uint8Array(32).fill(fill);
  const publicKey = ed.publicKey(seed);
  return { seed, publicKey: toBase64(publicKey), keyId: keyIdOf(publicKey) };
}
const ann = keyOf(1);
const bob = keyOf(2);

function registered(seq: number, by: string, key = ann): AuditedEntry {
  const data = { at: T, by, keyId: key.keyId, publicKey: key.publicKey, label: 'laptop' };
  return { seq, time: T, type: 'MemberKeyRegistered', actor: by, data };
}

function acted(
  seq: number,
  by: string,
  key: typeof ann,
  options: {
    id?: string;
    issued?: number;
    covers?: number;
    command?: { kind: string; [f: string]: unknown };
  } = {},
): AuditedEntry {
  const command = options.command ?? { kind: 'SecondMotion', motionId: 'mo1' };
  const id = options.id ?? seq.toString(16).padStart(32, '0');
  const issued = options.issued ?? T;
  const body = actBody({ origin: ORIGIN, by, id, issued, command });
  const created = Math.floor(issued / 1000);
  const value = toBase64(ed.sign(key.seed, signatureBase(body, key.keyId, created)));
  const data = {
    at: T,
    by,
    actId: id,
    issued,
    command,
    signature: { keyId: key.keyId, created, value },
    covers: options.covers ?? 1,
  };
  return { seq, time: T, type: 'MemberActed', actor: by, data };
}

function event(seq: number, actor: string | null, type = 'MotionSeconded'): AuditedEntry {
  return { seq, time: T, type, actor, data: { at: T, by: actor } };
}

/** The first refusal over `entries`, as [seq, reason], or null. */
function audit(entries: AuditedEntry[]): [number, string] | null {
  const auditor = new ActAudit(ORIGIN, ed);
  for (const e of entries) {
    const problem = auditor.check(e);
    if (problem) return [e.seq, problem];
  }
  const end = auditor.finish();
  return end ? [-1, end] : null;
}

describe('the act audit', () => {
  it('accepts signed acts and counts the unsigned ones of members without a key', () => {
    const auditor = new ActAudit(ORIGIN, ed);
    const log = [
      event(0, 'm2'),
      registered(1, 'm1'),
      acted(2, 'm1', ann),
      event(3, 'm1'),
      event(4, 'system'),
    ];
    expect(log.map((e) => auditor.check(e))).toEqual([null, null, null, null, null]);
    expect(auditor.finish()).toBeNull();
    expect(auditor.report()).toEqual({ signed: 1, unsigned: 2, keys: 1 });
  });

  it.each([
    [
      'an entry in the name of a member with a key, no act signing it',
      [registered(0, 'm1'), event(1, 'm1')],
      1,
      'no act of theirs signs it',
    ],
    [
      'an act signed by another member’s key',
      [registered(0, 'm1'), registered(1, 'm2', bob), acted(2, 'm1', bob), event(3, 'm1')],
      2,
      'is not a live key of m1',
    ],
    [
      'an act whose command was altered after signing',
      [
        registered(0, 'm1'),
        (() => {
          const a = acted(1, 'm1', ann);
          const data = a.data as Record<string, unknown>;
          return { ...a, data: { ...data, command: { kind: 'SecondMotion', motionId: 'mo2' } } };
        })(),
        event(2, 'm1'),
      ],
      1,
      'does not verify',
    ],
    [
      'the same act twice',
      [
        registered(0, 'm1'),
        acted(1, 'm1', ann, { id: 'a'.repeat(32) }),
        event(2, 'm1'),
        acted(3, 'm1', ann, { id: 'a'.repeat(32) }),
        event(4, 'm1'),
      ],
      3,
      'was accepted before',
    ],
    [
      'an act signed an hour before its entry',
      [registered(0, 'm1'), acted(1, 'm1', ann, { issued: T - 3_600_000 }), event(2, 'm1')],
      1,
      'more than five minutes',
    ],
    [
      "another member's entry inside an act",
      [registered(0, 'm1'), acted(1, 'm1', ann), event(2, 'm3')],
      2,
      'inside the act 1 signed by m1',
    ],
    [
      'a key used after its revocation',
      [
        registered(0, 'm1'),
        acted(1, 'm1', ann, {
          command: { kind: 'RegisterKey', publicKey: bob.publicKey, label: 'laptop' },
        }),
        registered(2, 'm1', bob),
        acted(3, 'm1', bob, { command: { kind: 'RevokeKey', keyId: ann.keyId } }),
        { seq: 4, time: T, type: 'MemberKeyRevoked', actor: 'm1', data: { keyId: ann.keyId } },
        acted(5, 'm1', ann),
        event(6, 'm1'),
      ],
      5,
      'is not a live key of m1',
    ],
  ])('refuses %s', (_what, log, seq, reason) => {
    expect(audit(log)).toEqual([seq, expect.stringContaining(reason)]);
  });

  it('refuses a key slipped into an act that registers another, and an act cut short', () => {
    const command = { kind: 'RegisterKey', publicKey: bob.publicKey, label: 'phone' };
    const slipped = registered(2, 'm1', keyOf(3));
    expect(audit([registered(0, 'm1'), acted(1, 'm1', ann, { command }), slipped])).toEqual([
      2,
      expect.stringContaining('not the key the member signed for'),
    ]);
    expect(
      audit([registered(0, 'm1'), acted(1, 'm1', ann, { covers: 2 }), event(2, 'm1')]),
    ).toEqual([-1, expect.stringContaining('past the end of the log')]);
  });
});
