import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { main } from '../../src/cli/main.js';
import { createSovietService } from '../../src/service/index.js';
import { democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore, type StoreConfig } from '../../src/store/open-store.js';
import type { LogHead } from '../../src/store/store.js';
import { branchWithMembers, FakeClock } from '../service/service-world.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';

/**
 * `soviet backup` and `soviet restore` on whichever backend the environment selects
 * (PGlite, or PostgreSQL with DATABASE_URL): an organisation written through the service
 * is backed up, restored into a fresh database, checked clean by the restore's fsck, and
 * has the same log head; a database holding organisations is only replaced with --force.
 */
const org = 'kept';
let source: TestTarget;
let copy: TestTarget;
let head: LogHead;
let work: string;
let out: MockInstance<typeof process.stdout.write>;
let err: MockInstance<typeof process.stderr.write>;

const flagsOf = (config: StoreConfig) => [
  '--data',
  config.dataDir,
  ...(config.databaseUrl ? ['--database-url', config.databaseUrl] : []),
];
const printed = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map((c) => String(c[0])).join('');

async function headOf(config: StoreConfig): Promise<LogHead> {
  const store = await openStore(config, { domain: democracyDomain });
  try {
    return await store.head(org);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'soviet-backup-'));
  [source, copy] = await Promise.all([createTestTarget(migrations), createTestTarget(migrations)]);
  const store = await openStore(source.config, {
    domain: democracyDomain,
    ...(source.template ? { template: source.template } : {}),
  });
  const service = createSovietService({ store, clock: new FakeClock().read });
  await branchWithMembers(service, org, 3);
  head = await store.head(org);
  await store.close();
}, 120_000);
afterAll(async () => {
  await Promise.all([source.drop(), copy.drop()]);
  rmSync(work, { recursive: true, force: true });
});
afterEach(() => {
  out?.mockRestore();
  err?.mockRestore();
});
const capture = () => {
  out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
};

describe('soviet backup and restore', () => {
  it('round-trips an organisation into a fresh database, checked, with the same log head', async () => {
    const file = join(work, 'soviet.backup');
    capture();
    expect(await main([...flagsOf(source.config), 'backup', file])).toBe(0);
    expect(printed(out)).toMatch(/^Backed up the .* to .*soviet\.backup \(\d+\.\d MB, /);
    expect(printed(err)).toContain('soviet backup:'); // progress on stderr

    expect(await main([...flagsOf(copy.config), 'restore', file])).toBe(0);
    expect(printed(out)).toMatch(new RegExp(`^${org}: ${head.size} entries, .*: ok$`, 'm'));
    expect(printed(out)).toContain('1 organisation(s), checked.');
    err.mockRestore();
    out.mockRestore();
    const restored = await headOf(copy.config);
    expect(restored.size).toBe(head.size);
    expect(Buffer.from(restored.root).toString('hex')).toBe(Buffer.from(head.root).toString('hex'));
    expect(restored.checkpoint).toBe(head.checkpoint);
  }, 120_000);

  it('refuses to replace a database holding organisations without --force', async () => {
    const file = join(work, 'soviet.backup'); // from the test above
    capture();
    expect(await main([...flagsOf(copy.config), 'restore', file])).toBe(1);
    expect(printed(err)).toMatch(/soviet: RESTORE_TARGET_NOT_EMPTY: .* 1 organisation\(s\)/);
    expect(await main([...flagsOf(copy.config), 'restore', '--force', file])).toBe(0);
    expect(printed(out)).toContain('checked.');
  }, 120_000);

  it('refuses a file that is not a backup, and a backup of the other kind of database', async () => {
    const junk = join(work, 'junk');
    writeFileSync(junk, 'not a backup at all');
    capture();
    expect(await main([...flagsOf(copy.config), 'restore', junk])).toBe(1);
    expect(printed(err)).toContain('soviet: RESTORE_BAD_FILE:');
    const other = join(work, 'other');
    // The first bytes of the other format (a pg_dump archive, or a gzip stream).
    writeFileSync(
      other,
      copy.config.databaseUrl ? Buffer.from([0x1f, 0x8b, 0x08, 0x00]) : 'PGDMP\x01',
    );
    expect(await main([...flagsOf(copy.config), 'restore', other])).toBe(1);
    expect(printed(err)).toContain('soviet: RESTORE_WRONG_BACKEND:');
  });
});
