import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { main } from '../../src/cli/main.js';
import { migrations as storeMigrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { plainCounterDomain } from '../support/counter-domain.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';

/**
 * `soviet key`, `soviet export` and `soviet fsck`, called in-process through `main`, on
 * a database seeded by a store that has since closed (the CLI opens its own).
 */
const T0 = Date.UTC(2026, 7, 1);
let target: TestTarget;
let flags: string[];
let out: MockInstance<typeof process.stdout.write>;
let err: MockInstance<typeof process.stderr.write>;
let scratch: string;

const printed = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map((c) => String(c[0])).join('');

beforeAll(async () => {
  target = await createTestTarget(storeMigrations);
  const store = await openStore(target.config, {
    domain: plainCounterDomain,
    migrations: storeMigrations,
    ...(target.template ? { template: target.template } : {}),
  });
  await store.createOrganisation('acme', T0);
  await store.createOrganisation('empty', T0);
  await Promise.all(
    Array.from({ length: 26 }, (_, i) =>
      store.execute('acme', { kind: 'burst', counter: 'x', count: 20 }, { now: T0 + i }),
    ),
  );
  await store.execute('acme', { kind: 'note', text: 'z'.repeat(70_000), actor: 'a' }, { now: T0 });
  await store.close();
  flags = [
    '--data',
    target.config.dataDir,
    ...(target.config.databaseUrl ? ['--database-url', target.config.databaseUrl] : []),
  ];
});
afterAll(async () => target.drop());
beforeEach(() => {
  out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  scratch = mkdtempSync(join(tmpdir(), 'soviet-cli-'));
});
afterEach(() => {
  out.mockRestore();
  err.mockRestore();
  rmSync(scratch, { recursive: true, force: true });
});

async function keyOf(org: string): Promise<{ origin: string; vkey: string }> {
  out.mockClear();
  expect(await main([...flags, 'key', org, '--json'])).toBe(0);
  return JSON.parse(printed(out)) as { origin: string; vkey: string };
}

describe('soviet key', () => {
  it("prints the organisation's origin and verifier key", async () => {
    expect(await main([...flags, 'key', 'acme'])).toBe(0);
    const text = printed(out);
    const { origin, vkey } = await keyOf('acme');
    expect(origin).toBe('soviet.localhost/acme');
    expect(vkey).toMatch(/^soviet\.localhost\/acme\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(text).toBe(`origin: ${origin}\nvkey:   ${vkey}\n`);
  });

  it('names an unknown organisation', async () => {
    expect(await main([...flags, 'key', 'nobody'])).toBe(1);
    expect(printed(err)).toBe('soviet: ORG_NOT_FOUND: There is no organisation called "nobody".\n');
  });
});

describe('soviet export', () => {
  it('writes a static tlog-tiles log that soviet verify accepts', async () => {
    const dir = join(scratch, 'log');
    expect(await main([...flags, 'export', 'acme', dir])).toBe(0);
    const { origin, vkey } = await keyOf('acme');
    // The note too large for an entry is logged by SHA-256; its data is beside the tiles.
    expect(readdirSync(dir).sort()).toEqual(['blob', 'checkpoint', 'tile']);
    expect(readdirSync(join(dir, 'blob'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(readdirSync(join(dir, 'tile', 'entries')).sort()).toEqual(['000', '001', '002.p']);
    expect(readdirSync(join(dir, 'tile', '0', '002.p'))).toEqual(['9']);
    expect(readdirSync(join(dir, 'tile', '1', '000.p'))).toEqual(['2']);
    expect(readFileSync(join(dir, 'checkpoint'), 'utf8').split('\n').slice(0, 2)).toEqual([
      origin,
      '521',
    ]);

    out.mockClear();
    const verify = [
      'verify',
      dir,
      '--origin',
      origin,
      '--key',
      vkey,
      '--state-file',
      join(scratch, 's.json'),
      '--envelopes',
    ];
    expect(await main(verify)).toBe(0);
    expect(printed(out)).toContain('verified');
  });

  it('exports an empty log, and refuses a directory that is not empty', async () => {
    const dir = join(scratch, 'empty');
    expect(await main([...flags, 'export', 'empty', dir])).toBe(0);
    expect(readdirSync(dir)).toEqual(['checkpoint']);
    expect(await main([...flags, 'export', 'empty', dir])).toBe(1);
    expect(printed(err)).toContain('soviet: EXPORT_TARGET_NOT_EMPTY:');
  });
});

describe('soviet fsck', () => {
  it('reports a sound store and exits 0, then names damage and exits 1', async () => {
    expect(await main([...flags, 'fsck'])).toBe(0);
    expect(printed(out)).toMatch(
      /^acme: 521 entries, \d+ checkpoints, 0 projection rows: ok\nempty: 0 entries, 1 checkpoints, 0 projection rows: ok\n$/,
    );

    const store = await openStore(target.config, { migrations: storeMigrations });
    const org = await store.organisation('acme');
    await sql`update log_strata set hash = sha256(hash) where org_id = ${org.id} and level = 1 and idx = 1`.execute(
      store.db,
    );
    await store.close();
    out.mockClear();
    expect(await main([...flags, 'fsck', 'acme'])).toBe(1);
    expect(printed(out)).toContain('acme: 521 entries');
    expect(printed(out)).toContain('  - the tile hash at level 1, index 1 is wrong\n');
    expect(printed(err)).toContain('soviet: FSCK_PROBLEMS: fsck found 1 problem(s) in acme');
  });
});
