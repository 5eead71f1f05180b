import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { officialSelection, readPb } from '../../budgeting/index.js';
import { main } from '../main.js';

const data = join(import.meta.dirname, '../../../../shared/datasets/pabulib');
const assen = join(data, 'Netherlands_Assen_2024.pb');
const kinowa = join(data, 'Poland_Warszawa_2019_Grochow_Kinowa.pb');
const official = (file: string) => officialSelection(readPb(readFileSync(file, 'utf8'))).sort();

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

interface PbJson {
  file: string;
  rule: string;
  selected: string[];
  spent: string;
  perVoter?: string;
  payments?: { voters: number; paidNothing: number; paidAll: number; median: string };
  voters?: Record<string, string>;
}
const jsonLines = () =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PbJson);

const SMALL_FILE = [
  'META',
  'key;value',
  'budget;30',
  'vote_type;approval',
  'PROJECTS',
  'project_id;cost;name',
  'X;20;Park',
  'Y;20;Library',
  'VOTES',
  'voter_id;vote',
  'a;X',
  'b;Y',
  'c;X,Y',
].join('\n');

function temp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soviet-pb-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('soviet pb', () => {
  it('prints one JSON line per file with file and the funded ids, by the rule each file names', async () => {
    expect(await main(['pb', '--json', assen, kinowa])).toBe(0);
    const lines = jsonLines();
    expect(lines.map((l) => l.file)).toEqual([assen, kinowa]);
    expect(lines.map((l) => l.rule)).toEqual(['equalshares/add1', 'greedy']);
    expect([...(lines[0]?.selected ?? [])].sort()).toEqual(official(assen));
    expect([...(lines[1]?.selected ?? [])].sort()).toEqual(official(kinowa));
    expect(lines[0]?.perVoter).toBe('2033.00');
    expect(lines[1]?.spent).toBe('204740.00');
  });

  it('applies --rule mes (equalshares/add1) and gives the payments, per voter with --voters', async () => {
    expect(await main(['pb', '--json', '--rule', 'mes', '--voters', kinowa])).toBe(0);
    const [line] = jsonLines();
    expect(line?.rule).toBe('equalshares/add1');
    expect(line?.payments?.voters).toBe(491);
    const paid = Object.values(line?.voters ?? {});
    expect(paid).toHaveLength(491);
    // Every funded project is paid in full by its supporters: the payments add up to
    // what is spent (to within the rounding of each to the cent).
    const cents = paid.reduce((s, p) => s + Math.round(Number(p) * 100), 0);
    expect(Math.abs(cents - Math.round(Number(line?.spent) * 100))).toBeLessThanOrEqual(491);
  });

  it('prints the funded projects with their costs and the payment distribution', async () => {
    expect(await main(['pb', assen])).toBe(0);
    expect(out).toContain('Rule: equalshares/add1 (Method of Equal Shares, Add1 completion)');
    expect(out).toContain('Share per voter: 1190.00, raised to 2033.00 in 843 one-unit steps');
    expect(out).toMatch(/Funded: 9 projects, 76700 EUR of 100000 EUR/);
    expect(out).toMatch(/\n\s+1 {2}3 +7200 {2}PopUp Podium\n/);
    expect(out).toMatch(/84 voters: \d+ paid nothing, \d+ paid their whole share; mean/);
    expect(out).toContain('(--voters lists what each voter paid)');
  });

  it('breaks ties by --tie-order when cost and votes cannot', async () => {
    // Each voter's share is 10; X and Y each ask 10 of two supporters: equal ρ, cost and
    // votes. The tie order decides which is funded; the other no longer fits.
    const file = temp('tie.pb', SMALL_FILE);
    expect(await main(['pb', '--json', '--rule', 'equalshares', file])).toBe(0);
    expect(jsonLines()[0]?.selected).toEqual(['X']);
    out = '';
    expect(await main(['pb', '--json', '--rule', 'equalshares', '--tie-order', 'Y,X', file])).toBe(
      0,
    );
    expect(jsonLines()[0]?.selected).toEqual(['Y']);
  });

  it('refuses a file without a rule unless --rule is given (PB_NO_RULE)', async () => {
    const file = temp('norule.pb', SMALL_FILE);
    expect(await main(['pb', file])).toBe(1);
    expect(err).toMatch(/^soviet: PB_NO_RULE: /);
    expect(await main(['pb', '--rule', 'greedy', file])).toBe(0);
  });

  it('names the file and line of a malformed file, with a stable code and no stack trace', async () => {
    const file = temp('bad.pb', SMALL_FILE.replace('Y;20;Library', 'Y;2O;Library'));
    expect(await main(['pb', '--rule', 'greedy', file])).toBe(1);
    expect(err).toBe(
      `soviet: PB_BAD_NUMBER: ${file}: Line 8: cost must be a positive amount such as 7200 or 7200.50, not "2O".\n`,
    );
  });

  it('refuses an unknown rule and a missing file', async () => {
    expect(await main(['pb', '--rule', 'lottery', assen])).toBe(1);
    expect(err).toMatch(/^soviet: PB_UNKNOWN_RULE: The rule "lottery" is not supported/);
    err = '';
    expect(await main(['pb', join(data, 'no-such-file.pb')])).toBe(1);
    expect(err).toMatch(
      /^soviet: PB_FILE_UNREADABLE: The file .*no-such-file.pb cannot be read: ENOENT/,
    );
  });
});
