import { createHash, hash } from 'node:crypto';
import { decodeEntry } from '../src/record/entry.js';
import { nodeEd25519 } from '../src/record/node-ed25519.js';
import { nodeTreeHasher } from '../src/record/node-tree-hasher.js';
import { mapFetcher, signedTestLog, testKey } from '../src/record/testing/fixtures.js';
import type { TreeHasher } from '../src/record/tree-hasher.js';
import { verifyLog } from '../src/record/verify-log.js';
import type { BenchResult } from './bench-types.js';

/**
 * `soviet verify` throughput: the verifier core (verifyLog, as the command runs it) on an
 * in-memory tlog-tiles log of 1,000,000 Soviet entries of 200–400 bytes, against the
 * baseline of hashing the same entry bytes once each with node:crypto in the same
 * process. Target: ratio (baseline time / verify time) ≥ 0.5, i.e. verifying costs at
 * most twice the bare hashing of the entries.
 */
const ENTRIES = Number(process.env.BENCH_VERIFY_ENTRIES ?? 1_000_000);
const ROUNDS = 5;
const ORIGIN = 'bench.soviet.example/org/federation';

/**
 * Realistic entries, fast: canonical JSON envelopes written from a template whose keys
 * are already in RFC 8785 order (checked below with decodeEntry on a sample).
 */
function generateEntries(count: number): Uint8Array[] {
  const words =
    'motion council delegate recall mandate instruct quorum ballot second amend report treasury'.split(
      ' ',
    );
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(count * 420);
  const entries: Uint8Array[] = [];
  let offset = 0;
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < count; i++) {
    const bodyWords = 2 + ((i * 7919) % 27);
    let body = '';
    for (let w = 0; w < bodyWords; w++) body += `${words[(i + w * 3) % words.length]} `;
    const time = new Date(start + i * 1000).toISOString();
    const json =
      `{"actor":"m_${(i * 2654435761) % 100000}","data":{"body":"${body.trimEnd()}","council":"c_${i % 97}",` +
      `"motion":${i >> 3},"votes":{"abstain":${i % 5},"against":${i % 11},"for":${i % 23}}},` +
      `"seq":${i},"time":"${time}","type":"MotionDecided","v":1}`;
    const { read, written } = encoder.encodeInto(json, buffer.subarray(offset));
    if (read !== json.length) throw new Error('the entry buffer is too small');
    entries.push(buffer.subarray(offset, offset + written));
    offset += written;
  }
  for (const i of [0, 1, count >> 1, count - 1]) decodeEntry(entries[i] as Uint8Array);
  const lengths = entries.map((e) => e.length);
  if (Math.min(...lengths.slice(0, 1000)) < 150 || Math.max(...lengths.slice(0, 1000)) > 420) {
    throw new Error('entries are not of realistic size');
  }
  return entries;
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
}

async function timeAsync(f: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

export async function run(): Promise<BenchResult> {
  const genStart = performance.now();
  const entries = generateEntries(ENTRIES);
  const key = testKey(ORIGIN, 0x5a, nodeEd25519);
  const log = signedTestLog(ORIGIN, entries, key.signer, nodeTreeHasher, nodeEd25519);
  const generateSeconds = (performance.now() - genStart) / 1000;
  const bytes = entries.reduce((n, e) => n + e.length, 0);
  const fetch = mapFetcher(log.files);

  let sink = 0;
  const baselineHash = () => {
    for (const entry of entries) sink ^= hash('sha256', entry, 'buffer')[0] as number;
  };
  const baselineLatin1 = () => {
    for (const entry of entries) sink ^= hash('sha256', entry, 'binary').charCodeAt(0);
  };
  const baselineCreateHash = () => {
    for (const entry of entries) sink ^= createHash('sha256').update(entry).digest()[0] as number;
  };
  const verifyWith = (hasher: TreeHasher) => async () => {
    const result = await verifyLog({
      fetch,
      hasher,
      ed25519: nodeEd25519,
      origin: ORIGIN,
      verifier: key.verifier,
    });
    if (!result.ok || result.size !== ENTRIES)
      throw new Error(`verification failed: ${JSON.stringify(result)}`);
  };

  const baseline: number[] = [];
  const baselineCreate: number[] = [];
  const verify: number[] = [];
  await verifyWith(nodeTreeHasher)(); // warm-up
  baselineCreate.push(time(baselineCreateHash));
  const latin1: number[] = [];
  // Baseline and verification alternate, and each round gives its own ratio: on a shared
  // machine the load drifts, and adjacent runs see about the same load.
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(time(baselineHash));
    verify.push(await timeAsync(verifyWith(nodeTreeHasher)));
    latin1.push(time(baselineLatin1));
  }

  const best = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const ratios = baseline.map((b, i) => b / (verify[i] as number));
  const figures = {
    entries: ENTRIES,
    mean_entry_bytes: Math.round(bytes / ENTRIES),
    log_files: log.files.size,
    generate_s: Number(generateSeconds.toFixed(2)),
    baseline_crypto_hash_s: Number(best(baseline).toFixed(3)),
    baseline_createHash_s: Number(best(baselineCreate).toFixed(3)),
    verify_s: Number(best(verify).toFixed(3)),
    verify_median_s: Number(median(verify).toFixed(3)),
    verify_entries_per_s: Math.round(ENTRIES / best(verify)),
    baseline_entries_per_s: Math.round(ENTRIES / best(baseline)),
    ratio: Number(median(ratios).toFixed(3)),
    ratio_best_times: Number((best(baseline) / best(verify)).toFixed(3)),
    ratio_per_round: ratios.map((r) => r.toFixed(3)).join(' '),
    ratio_target: 0.5,
    baseline_latin1_digest_s: Number(best(latin1).toFixed(3)),
    ratio_vs_latin1_digest: Number(
      median(latin1.map((b, i) => b / (verify[i] as number))).toFixed(3),
    ),
  };
  const result: BenchResult = {
    name: 'verify',
    figures,
    notes: [
      'verify = verifyLog on an in-memory tlog-tiles log (checkpoint signature, every bundle and hash tile, every entry rehashed, root), as `soviet verify` runs it, minus file or HTTP reads.',
      'baseline = one node:crypto SHA-256 per entry over the same bytes, digest as bytes: crypto.hash(..., "buffer"), faster than createHash().digest(); ratio = median over 5 alternating rounds of baseline time / verify time.',
      'ratio_vs_latin1_digest is the strictest comparison: the baseline then reads the digest as a latin1 string (no Buffer allocation), the trick the verifier itself uses for leaves.',
      'Every hash, leaf and interior node, goes through node:crypto: a verification does about two hashes per entry, the baseline one.',
      `sink ${sink & 1}`,
    ],
  };
  console.log(JSON.stringify(result.figures, null, 2));
  return result;
}
