import { createPrivateKey, sign } from 'node:crypto';
import { ActCheck } from '../src/cli/act-check.js';
import { actBody } from '../src/democracy/acts.js';
import { canonicalJson, type JsonValue } from '../src/record/canonical-json.js';
import { keyIdOf, signatureBase, toBase64 } from '../src/record/http-signature.js';
import { nodeEd25519 } from '../src/record/node-ed25519.js';
import { nodeTreeHasher } from '../src/record/node-tree-hasher.js';
import { mapFetcher, signedTestLog, testKey } from '../src/record/testing/fixtures.js';
import { verifyLog } from '../src/record/verify-log.js';
import type { BenchResult } from './bench-types.js';

/**
 * What checking members' signatures adds to `soviet verify` (issue 14: "verifying member
 * signatures adds at most 2× to soviet verify on a 1,000,000-entry log"). A log of
 * 1,000,000 entries of entry format 2: 1,000 members each registering a key, then acts
 * of three entries each — MemberActed (an Ed25519 signature), the member's event, and a
 * decision of the system — so a third of the entries carry a signature. Baseline: the
 * same verification without the act check, in the same process; the ratio is the time
 * with the check over the time without (target ≤ 2).
 */
const ENTRIES = Number(process.env.BENCH_ACTS_ENTRIES ?? 1_000_000);
const MEMBERS = 1000;
const ROUNDS = 3;
const ORIGIN = 'bench.soviet.example/acts';
const PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

interface Member {
  readonly id: string;
  readonly key: ReturnType<typeof createPrivateKey>;
  readonly publicKey: string;
  readonly keyId: string;
}

function members(): Member[] {
  return Array.from({ length: MEMBERS }, (_, i) => {
    const seed = new Uint8Array(32).fill(7);
    seed[0] = i & 0xff;
    seed[1] = i >> 8;
    const publicKey = nodeEd25519.publicKey(seed);
    return {
      id: `m${i + 1}`,
      key: createPrivateKey({ key: Buffer.concat([PKCS8, seed]), format: 'der', type: 'pkcs8' }),
      publicKey: toBase64(publicKey),
      keyId: keyIdOf(publicKey),
    };
  });
}

function entry(seq: number, at: number, type: string, actor: string, data: object): Uint8Array {
  const value = { actor, data, seq, time: new Date(at).toISOString(), type, v: 2 };
  return new TextEncoder().encode(canonicalJson(value as unknown as JsonValue));
}

/** The log's entries, every signature real. */
function generate(count: number): { entries: Uint8Array[]; signatures: number } {
  const people = members();
  const entries: Uint8Array[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (const m of people) {
    const at = start + entries.length;
    const data = { at, by: m.id, keyId: m.keyId, label: 'laptop', publicKey: m.publicKey };
    entries.push(entry(entries.length, at, 'MemberKeyRegistered', m.id, data));
  }
  let signatures = 0;
  for (let i = 0; entries.length + 3 <= count; i++) {
    const m = people[(i * 7919) % MEMBERS] as Member;
    const at = start + 10_000_000 + i * 1000;
    const command = { kind: 'SecondMotion', motionId: `mo${i + 1}` };
    const actId = (i + 1).toString(16).padStart(32, '0');
    const body = actBody({ origin: ORIGIN, by: m.id, id: actId, issued: at, command });
    const created = Math.floor(at / 1000);
    const value = sign(null, signatureBase(body, m.keyId, created), m.key).toString('base64');
    const signature = { created, keyId: m.keyId, value };
    const acted = { actId, at, by: m.id, command, covers: 1, issued: at, signature };
    entries.push(entry(entries.length, at, 'MemberActed', m.id, acted));
    entries.push(
      entry(entries.length, at, 'MotionSeconded', m.id, { at, by: m.id, motionId: `mo${i + 1}` }),
    );
    entries.push(
      entry(entries.length, at, 'DebateOpened', 'system', { at, motionId: `mo${i + 1}` }),
    );
    signatures += 1;
  }
  return { entries, signatures };
}

async function timed(f: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

export async function run(): Promise<BenchResult> {
  const genStart = performance.now();
  const { entries, signatures } = generate(ENTRIES);
  const key = testKey(ORIGIN, 0x5b, nodeEd25519);
  const log = signedTestLog(ORIGIN, entries, key.signer, nodeTreeHasher, nodeEd25519);
  const generateSeconds = (performance.now() - genStart) / 1000;
  const fetch = mapFetcher(log.files);
  const verify = (withActs: boolean) => async () => {
    const acts = new ActCheck(ORIGIN);
    const result = await verifyLog({
      fetch,
      hasher: nodeTreeHasher,
      ed25519: nodeEd25519,
      origin: ORIGIN,
      verifier: key.verifier,
      ...(withActs ? { checkEntry: acts.entry, checkEnd: acts.end } : {}),
    });
    if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result)}`);
    if (withActs && acts.report()?.signed !== signatures)
      throw new Error(`the act check saw ${JSON.stringify(acts.report())}`);
  };
  await verify(true)(); // warm-up, and proof that every act checks
  const plain: number[] = [];
  const checked: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await timed(verify(false)));
    checked.push(await timed(verify(true)));
  }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const ratios = plain.map((p, i) => (checked[i] as number) / p);
  return {
    name: 'signed-acts',
    figures: {
      entries: entries.length,
      signed_acts: signatures,
      members: MEMBERS,
      generate_s: Number(generateSeconds.toFixed(2)),
      verify_without_acts_s: Number(median(plain).toFixed(3)),
      verify_with_acts_s: Number(median(checked).toFixed(3)),
      signatures_per_s: Math.round(signatures / median(checked)),
      ratio: Number(median(ratios).toFixed(3)),
      ratio_per_round: ratios.map((r) => r.toFixed(3)).join(' '),
      ratio_target: 2,
    },
  } as BenchResult;
}
