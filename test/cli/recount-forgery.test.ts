import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { EntryEnvelope } from '../../src/record/index.js';
import { buildApp } from '../../src/server/build-app.js';
import { exportLog } from '../../src/store/export-log.js';
import { TEST_SECURITY } from '../server/api-world.js';
import { openServiceWorld, type ServiceWorld } from '../service/service-world.js';
import { rewriteLog } from '../support/operator-forgery.js';
import { serviceYear } from './service-year.js';

/**
 * Issue 14, "Done when": the operator, who holds the database and the instance key,
 * rewrites a decision of the system in place and signs a fresh checkpoint
 * (test/support/operator-forgery.ts). `soviet verify` alone passes for a verifier who
 * never saw the log before; `soviet verify --replay` recounts and fails, naming the
 * entry, the election or motion, and what differs: an election's count, a motion's
 * result, a mandate granted to another member. The honest log (elections by IRV and
 * STV, a recall, motions, a payment, a budget round) recounts clean, from an exported
 * copy and from the server. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
const org = 'union';
let w: ServiceWorld;
let work: string;
let origin: string;
let vkey: string;
let files = 0;
const apps: FastifyInstance[] = [];

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** `soviet verify <source> --origin --key …` as a verifier who never saw this log. */
function verify(source: string, ...more: string[]) {
  files++;
  const stateFile = joinPath(work, `state-${files}.json`);
  return run(
    'verify',
    source,
    '--origin',
    origin,
    '--key',
    vkey,
    '--state-file',
    stateFile,
    ...more,
  );
}

/** The log as `soviet export` writes it, in a new directory. */
async function exported(): Promise<string> {
  files++;
  const dir = joinPath(work, `copy-${files}`);
  await exportLog(w.store, org, dir);
  return dir;
}

async function serve(): Promise<string> {
  const app = await buildApp({
    store: w.store,
    clock: w.clock.read,
    service: w.service,
    security: TEST_SECURITY,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/api/v1/orgs/${org}/log`;
}

/**
 * Rewrites the first entry of `type` that `which` picks, as the operator would, reopens
 * the store on the forged log, and gives the entry's index and its original data.
 */
async function forge(
  type: string,
  edit: (data: Record<string, unknown>) => Record<string, unknown>,
  which: (data: Record<string, unknown>) => boolean = () => true,
): Promise<{ seq: number; original: Record<string, unknown> }> {
  const record = await w.service.recordView(org, { from: 0, limit: 10_000 });
  const seq = record.entries.find((e) => e.type === type && which(e.data))?.seq as number;
  const original = record.entries[seq]?.data as Record<string, unknown>;
  await rewriteLog(w.store, org, (entry: EntryEnvelope) =>
    entry.seq === seq ? { ...entry, data: edit(structuredClone(entry.data)) as never } : entry,
  );
  await w.reopen();
  return { seq, original };
}

/** Puts the honest entry back (and a fresh checkpoint over it). */
async function restore(seq: number, data: Record<string, unknown>): Promise<void> {
  await rewriteLog(w.store, org, (entry) =>
    entry.seq === seq ? { ...entry, data: data as never } : entry,
  );
  await w.reopen();
}

/** A candidate of a count who was not elected. */
function runnerUp(counted: Record<string, unknown>): string {
  const report = counted.report as { candidates: { id: string }[] };
  const elected = counted.elected as string[];
  return report.candidates.find((c) => !elected.includes(c.id))?.id as string;
}

beforeAll(async () => {
  work = await mkdtemp(joinPath(tmpdir(), 'soviet-recount-'));
  w = await openServiceWorld();
  await serviceYear(w.service, w.clock, org);
  origin = (await w.store.organisation(org)).origin;
  vkey = await w.store.verifierKey(org);
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await w?.dispose();
  await rm(work, { recursive: true, force: true });
});

describe('soviet verify --replay recounts an honest log', () => {
  it('from an exported copy: every decision is what the rules give', async () => {
    const dir = await exported();
    const { size } = await w.store.head(org);
    const result = await verify(dir, '--replay');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`verified: signed by ${origin}`);
    expect(result.out).toMatch(
      new RegExp(
        `recounted ${size} events: every decision of the system the log records is what the rules give from the ballots and the acts before it \\(4 elections, 3 motions, 1 recall vote, 1 budget round, \\d+ mandates granted, 1 payment; \\d+ decisions, \\d+ acts\\)\\n`,
      ),
    );
    expect(result.out).not.toContain('organisation page');

    const json = await verify(dir, '--replay', '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      size,
      replay: {
        events: size,
        pageCompared: false,
        recount: { elections: 4, motions: 3, recallVotes: 1, budgetRounds: 1, payments: 1 },
      },
    });
  });

  it('from the server: the recount, and the organisation page it shows', async () => {
    const result = await verify(await serve(), '--replay');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'every decision of the system the log records is what the rules give',
    );
    expect(result.out).toContain("the server's organisation page matches the log");
  });
});

describe('an operator who rewrites a decision and signs the log again', () => {
  it("changes an election's count: verify passes, the recount names the election", async () => {
    // The chair's count (IRV among three): the runner-up is recorded as elected.
    const { seq, original } = await forge(
      'ElectionCounted',
      (data) => ({ ...data, elected: [runnerUp(data)] }),
      (data) => data.unopposed === false,
    );
    try {
      const dir = await exported();
      const plain = await verify(dir);
      expect(plain.err).toBe('');
      expect(plain.code).toBe(0);
      const recount = await verify(dir, '--replay');
      expect(recount.code).toBe(1);
      const elected = (original.elected as string[])[0];
      expect(recount.err).toBe(
        `soviet: VERIFY_RECOUNT_MISMATCH: The recount departs from the log at entry ${seq} (ElectionCounted, election ${original.electionId}): elected[0]: the log records "${runnerUp(original)}", the rules give "${elected}".\n`,
      );
      // The server replays the forged log, so its page agrees with it; the recount does not.
      const served = await verify(await serve(), '--replay');
      expect(served.code).toBe(1);
      expect(served.err).toContain(
        `VERIFY_RECOUNT_MISMATCH: The recount departs from the log at entry ${seq} (ElectionCounted, election ${original.electionId})`,
      );
    } finally {
      await restore(seq, original);
    }
  });

  it("flips a motion's result: the recount names the motion", async () => {
    // The motion that failed is recorded as passed, its tally turned round.
    const { seq, original } = await forge(
      'MotionVotingClosed',
      (data) => ({ ...data, passed: true, yes: data.no, no: data.yes, reason: null }),
      (data) => data.passed === false,
    );
    try {
      const dir = await exported();
      expect((await verify(dir)).code).toBe(0);
      const recount = await verify(dir, '--replay', '--json');
      expect(recount.code).toBe(1);
      expect(JSON.parse(recount.out)).toMatchObject({
        ok: false,
        code: 'VERIFY_RECOUNT_MISMATCH',
        seq,
        type: 'MotionVotingClosed',
        subject: `motion ${original.motionId}`,
        what: 'passed',
        recorded: 'true',
        recounted: 'false',
      });
    } finally {
      await restore(seq, original);
    }
  });

  it('grants a mandate to another member than the count elected: the recount names the election', async () => {
    const { seq, original } = await forge('MandateGranted', (data) => ({
      ...data,
      holderId: data.holderId === 'm6' ? 'm5' : 'm6',
    }));
    try {
      const dir = await exported();
      expect((await verify(dir)).code).toBe(0);
      const recount = await verify(dir, '--replay');
      expect(recount.code).toBe(1);
      expect(recount.err).toContain(
        `at entry ${seq} (MandateGranted, election ${original.electionId}): holderId: the log records "${original.holderId === 'm6' ? 'm5' : 'm6'}", the rules give "${original.holderId}".`,
      );
    } finally {
      await restore(seq, original);
    }
  });

  it('after the honest entries are put back, the copy recounts clean again', async () => {
    expect((await verify(await exported(), '--replay')).code).toBe(0);
  });
});
