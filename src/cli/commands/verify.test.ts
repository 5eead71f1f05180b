import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../../record/bytes.js';
import { nodeEd25519 } from '../../record/node-ed25519.js';
import { nodeTreeHasher } from '../../record/node-tree-hasher.js';
import { tesseraLogPath } from '../../record/testing/datasets.js';
import {
  type SignedTestLog,
  signedTestLog,
  TESSERA_ORIGIN,
  TESSERA_VKEY,
  testEntries,
  testKey,
} from '../../record/testing/fixtures.js';
import { main } from '../main.js';

const ORIGIN = 'soviet.example/org/cli';
const key = testKey(ORIGIN, 0x17, nodeEd25519);
let work: string;
let stateFile: string;

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

async function writeLog(
  dir: string,
  log: SignedTestLog,
  change?: (path: string, bytes: Uint8Array) => Uint8Array,
) {
  for (const [path, bytes] of log.files) {
    const file = join(dir, ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, change ? change(path, bytes) : bytes);
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'soviet-verify-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
beforeEach(async (context) => {
  stateFile = join(work, `state-${context.task.id}.json`);
});

describe('soviet verify on the tessera test log directory', () => {
  it('verifies it with origin and key, records the checkpoint, and checks it next time', async () => {
    const first = await run(
      'verify',
      tesseraLogPath,
      '--origin',
      TESSERA_ORIGIN,
      '--key',
      TESSERA_VKEY,
      '--state-file',
      stateFile,
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain('size: 15\n');
    expect(first.out).toContain('root: rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=\n');
    expect(first.out).toContain(
      'verified: signed by example.com/log/testdata; 15 entries rehashed, 1 hash tile checked',
    );
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(state.checkpoints[TESSERA_ORIGIN]).toMatch(/^example\.com\/log\/testdata\n15\n/);
    const second = await run(
      'verify',
      tesseraLogPath,
      '--origin',
      TESSERA_ORIGIN,
      '--key',
      TESSERA_VKEY,
      '--state-file',
      stateFile,
    );
    expect(second.code).toBe(0);
    expect(second.out).toContain('consistent with the checkpoint of size 15 verified before');
  });

  it('without a key, says that it verified consistency only, and records nothing', async () => {
    const result = await run('verify', tesseraLogPath, '--state-file', stateFile);
    expect(result.code).toBe(0);
    expect(result.out).toContain('verified (consistency only)');
    expect(result.out).toContain('the signer was NOT checked');
    await expect(readFile(stateFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('prints JSON when asked', async () => {
    const result = await run(
      'verify',
      tesseraLogPath,
      '--key',
      TESSERA_VKEY,
      '--state-file',
      stateFile,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: true,
      origin: TESSERA_ORIGIN,
      size: 15,
      signerVerified: true,
      keyName: TESSERA_ORIGIN,
      stateUpdated: true,
    });
  });

  it('refuses the wrong key', async () => {
    const result = await run(
      'verify',
      tesseraLogPath,
      '--key',
      key.vkey,
      '--state-file',
      stateFile,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_SIGNATURE_INVALID: The log's checkpoint \(checkpoint\) is not validly signed by soviet\.example\/org\/cli/,
    );
  });
});

describe('soviet verify on a generated log', () => {
  const entries = testEntries(700, 30);
  const log = signedTestLog(ORIGIN, entries, key.signer, nodeTreeHasher, nodeEd25519);
  const args = (source: string, ...more: string[]) => [
    'verify',
    source,
    '--origin',
    ORIGIN,
    '--key',
    key.vkey,
    '--state-file',
    stateFile,
    ...more,
  ];

  it('names the altered entry and exits 1', async () => {
    const dir = join(work, 'tampered-entry');
    await writeLog(dir, log, (path, bytes) => {
      if (path !== 'tile/entries/001') return bytes;
      const copy = bytes.slice();
      copy[40] = (copy[40] as number) ^ 1;
      return copy;
    });
    const result = await run(...args(dir));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_ENTRY_MISMATCH: Entry 25\d \(in tile\/entries\/001\) has been altered/,
    );
    await expect(readFile(stateFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names an altered hash tile, also in JSON', async () => {
    const dir = join(work, 'tampered-tile');
    await writeLog(dir, log, (path, bytes) => {
      if (path !== 'tile/0/000') return bytes;
      const copy = bytes.slice();
      copy[32 * 77 + 5] = (copy[32 * 77 + 5] as number) ^ 0x80;
      return copy;
    });
    const result = await run(...args(dir, '--json'));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: false,
      code: 'VERIFY_TILE_MISMATCH',
      path: 'tile/0/000',
      hashIndex: 77,
    });
    expect(result.err).toContain(
      'soviet: VERIFY_TILE_MISMATCH: The hash tile tile/0/000 has been altered',
    );
  });

  it('detects a rewritten history through the recorded checkpoint', async () => {
    const dir = join(work, 'forked');
    await writeLog(dir, log);
    const fork = signedTestLog(
      ORIGIN,
      entries.map((e, i) => (i === 10 ? utf8('forged') : e)).slice(0, 500),
      key.signer,
      nodeTreeHasher,
      nodeEd25519,
    );
    await writeFile(
      stateFile,
      JSON.stringify({ version: 1, checkpoints: { [ORIGIN]: fork.checkpoint } }),
    );
    const result = await run(...args(dir));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^soviet: VERIFY_INCONSISTENT: The log of size 700 is not consistent with the checkpoint of size 500 seen before/,
    );
  });

  it('verifies over HTTP, and reports a server error as a failed fetch', async () => {
    const dir = join(work, 'served');
    await writeLog(dir, log);
    const server: Server = createServer(async (request, response) => {
      const path = (request.url ?? '').replace(/^\/log\//, '');
      if (path === 'tile/0/001' && failing) {
        response.writeHead(500).end();
        return;
      }
      try {
        const body = await readFile(join(dir, ...path.split('/')));
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    let failing = false;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const ok = await run(...args(`http://127.0.0.1:${port}/log`));
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('size: 700');
      failing = true;
      const bad = await run(...args(`http://127.0.0.1:${port}/log/`));
      expect(bad.code).toBe(1);
      expect(bad.err).toBe(
        'soviet: VERIFY_FETCH_FAILED: Fetching tile/0/001 failed: HTTP 500 Internal Server Error.\n',
      );
    } finally {
      server.close();
    }
  });

  it('refuses a bad source, a bad key and a corrupt state file with clear errors', async () => {
    const missing = await run(...args(join(work, 'no-such-dir')));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(
      /^soviet: VERIFY_SOURCE_INVALID: Cannot read a log at ".*no-such-dir": it is neither an http\(s\) URL nor a directory\.\n$/,
    );
    const badKey = await run(
      'verify',
      tesseraLogPath,
      '--key',
      'nonsense',
      '--state-file',
      stateFile,
    );
    expect(badKey.err).toMatch(/^soviet: RECORD_KEY_INVALID: The verifier key is not valid/);
    await writeFile(stateFile, '{"version": 2}');
    const corrupt = await run('verify', tesseraLogPath, '--state-file', stateFile);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(
      /^soviet: VERIFY_STATE_INVALID: The verification state file .* cannot be used/,
    );
    const usage = await run('verify');
    expect(usage.code).toBe(2);
  });
});
