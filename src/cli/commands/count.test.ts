import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const wards = join(
  import.meta.dirname,
  '../../../../shared/datasets/elections/scotland-2017-wards/blt',
);
const debian = join(
  import.meta.dirname,
  '../../../../shared/datasets/elections/debian-dpl-preflib',
);

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('soviet count', () => {
  it('prints one JSON line per file with file and elected in order of election', async () => {
    const files = ['highland_2017_ward1.blt', 'aberdeen_2017_ward10.blt'].map((f) =>
      join(wards, f),
    );
    expect(await main(['count', '--json', ...files])).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { file: string; elected: string[]; method: string; stages: unknown[] },
      );
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0]?.method).toBe('scottish-stv');
    expect([...(lines[0]?.elected ?? [])].sort()).toEqual([
      'Hugh MORRISON (Ind)',
      'Kirsteen CURRIE (SNP)',
      'Linda MUNRO (LD)',
    ]);
    expect(lines[0]?.stages).toHaveLength(6);
  });

  it('honours --method, --seats and --seed', async () => {
    const file = join(wards, 'highland_2017_ward1.blt');
    expect(
      await main(['count', '--json', '--method', 'meek', '--seats', '2', '--seed', 'abc', file]),
    ).toBe(0);
    const report = JSON.parse(out) as { method: string; seats: number; elected: string[] };
    expect(report.method).toBe('meek');
    expect(report.seats).toBe(2);
    expect(report.elected).toHaveLength(2);
  });

  it('gives Schulze a ranking', async () => {
    expect(
      await main(['count', '--json', '--method', 'schulze', join(debian, '00002-00000006.soi')]),
    ).toBe(0);
    const report = JSON.parse(out) as { ranking: string[]; elected: string[] };
    expect(report.ranking[0]).toBe('Stefano Zacchiroli');
    expect(report.elected).toEqual(['Stefano Zacchiroli']);
  });

  it('prints the stage-by-stage table', async () => {
    expect(await main(['count', join(wards, 'highland_2017_ward1.blt')])).toBe(0);
    expect(out).toContain('quota 702.00000');
    expect(out).toMatch(
      /Linda MUNRO \(LD\)\s+504\.00000\s+510\.00000\s+521\.00000\s+587\.00000\s+671\.00000\s+899\.00000/,
    );
    expect(out).toContain("Stage 2: Brendan O'HANRAHAN (Ind) excluded");
    expect(out).toContain('Elected: Linda MUNRO (LD), Hugh MORRISON (Ind), Kirsteen CURRIE (SNP)');
  });

  it('refuses a malformed file with its name, the line and the reason (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soviet-count-'));
    const bad = join(dir, 'bad.blt');
    writeFileSync(bad, '3 1\n2 1 2 0\n1 4 0\n0\n');
    expect(await main(['count', bad])).toBe(1);
    expect(err).toBe(
      `soviet: BLT_BAD_BALLOT: ${bad}: Line 3 of the ballot file is not a valid ballot: there is no candidate 4.\n`,
    );
  });

  it('refuses a missing file, a bad method and bad seats with stable codes', async () => {
    expect(await main(['count', '/nonexistent/x.blt'])).toBe(1);
    expect(err).toContain(
      'soviet: COUNT_FILE_UNREADABLE: The ballot file /nonexistent/x.blt cannot be read: ENOENT.',
    );
    const file = join(wards, 'highland_2017_ward1.blt');
    err = '';
    expect(await main(['count', '--method', 'borda', file])).toBe(1);
    expect(err).toContain('soviet: COUNT_UNKNOWN_METHOD:');
    err = '';
    expect(await main(['count', '--seats', 'two', file])).toBe(1);
    expect(err).toContain('soviet: COUNT_BAD_SEATS:');
    err = '';
    expect(await main(['count', '--method', 'irv', file])).toBe(1);
    expect(err).toContain('soviet: COUNT_METHOD_SINGLE_SEAT:');
  });

  it('reads PrefLib files by their first line even without the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soviet-count-'));
    const file = join(dir, 'votes.txt');
    writeFileSync(
      file,
      '# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n3: 2,1\n2: 1\n',
    );
    expect(await main(['count', '--json', file])).toBe(0);
    expect((JSON.parse(out) as { elected: string[] }).elected).toEqual(['Bob']);
  });
});
