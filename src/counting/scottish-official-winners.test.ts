/**
 * The Scottish rules against the official 2017 results: every ward of the shared
 * `scotland-2017-wards` data set, counted from its ballots, must return the councillors
 * the returning officer declared, on the quota the returning officer used. The official
 * winners come from `test/fixtures/scotland-2017-official/winners.csv` (see SOURCE.md
 * there for provenance, matching and the two wards whose official count is incomplete
 * in the source).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countElection, parseBlt } from './index.js';
import { scottishWardBytes, scottishWardFiles } from './testing/datasets.js';

const FIXTURE = new URL('../../test/fixtures/scotland-2017-official/winners.csv', import.meta.url);

interface OfficialWard {
  readonly bltFile: string;
  readonly wardCode: string;
  readonly wardName: string;
  readonly seats: number;
  /** Whole votes, as declared. */
  readonly quota: number;
  /** Candidate names as spelt in the .blt file, in order of election. */
  readonly elected: readonly string[];
}

/** One CSV line (RFC 4180: fields may be double-quoted, `""` is a quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else {
          value += line[i];
          i++;
        }
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

function readOfficial(): OfficialWard[] {
  const lines = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  expect(lines[0]).toBe('blt_file,ward_code,ward_name,seats,quota,elected');
  return lines.slice(1).map((line) => {
    const f = csvFields(line);
    expect(f, line).toHaveLength(6);
    const [bltFile, wardCode, wardName, seats, quota, elected] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      bltFile,
      wardCode,
      wardName,
      seats: Number(seats),
      quota: Number(quota),
      elected: elected.split('|'),
    };
  });
}

/**
 * Wards whose official count is incomplete in the source (gerrymulvenna/council17),
 * so they have no row in winners.csv; documented in the fixture's SOURCE.md. For these
 * the test checks what the source does record: the quota and the councillors already
 * declared elected at the last count it holds.
 */
const DOCUMENTED_EXCEPTIONS: readonly {
  readonly bltFile: string;
  readonly wardCode: string;
  readonly reason: string;
  readonly seats: number;
  readonly quota: number;
  readonly electedSoFar: readonly string[];
}[] = [
  {
    bltFile: 'dundee_2017_ward6.blt',
    wardCode: 'S13002830',
    reason:
      'Dundee North East: the only stored ResultsJson.json holds count 1 only (one of three seats filled)',
    seats: 3,
    quota: 957,
    electedSoFar: ['Gregor MURRAY (SNP)'],
  },
  {
    bltFile: 'edinburgh_2017_ward1.blt',
    wardCode: 'S13002919',
    reason:
      'Edinburgh Almond: the stored ResultsJson.json stops at count 4 with three of four seats filled; the other stored version is empty',
    seats: 4,
    quota: 2842,
    electedSoFar: ['Kevin LANG (LD)', 'Louise YOUNG (LD)', 'Graham HUTCHISON (C)'],
  },
];

const official = readOfficial();
const wards = scottishWardFiles();
const SEED = 'scotland-2017-official';

function count(file: string, seats: number) {
  const profile = parseBlt(scottishWardBytes(file));
  expect(profile.seats, `${file}: seats in the .blt file`).toBe(seats);
  return countElection(profile, { method: 'scottish-stv', seats, seed: SEED });
}

describe('the official 2017 winners fixture', () => {
  it('has a row for every ward of the data set, or documents why not', () => {
    const rows = official.map((w) => w.bltFile);
    const exceptions = DOCUMENTED_EXCEPTIONS.map((e) => e.bltFile);
    expect(new Set(rows).size, 'duplicate blt_file rows').toBe(rows.length);
    expect(new Set(official.map((w) => w.wardCode)).size, 'duplicate ward codes').toBe(rows.length);
    expect(
      exceptions.filter((f) => rows.includes(f)),
      'documented exceptions that now have a row (drop them from the list)',
    ).toEqual([]);
    const covered = new Set([...rows, ...exceptions]);
    expect(
      wards.filter((f) => !covered.has(f)),
      'wards with neither an official row nor a documented exception',
    ).toEqual([]);
    expect(
      [...covered].filter((f) => !wards.includes(f)),
      'rows naming no .blt file of the data set',
    ).toEqual([]);
  });
});

describe('Scottish STV reproduces the official winners of every 2017 Scottish ward', () => {
  it.each(official.map((w) => [`${w.bltFile} (${w.wardCode} ${w.wardName})`, w] as const))(
    '%s',
    (_, ward) => {
      expect(ward.elected, 'official winners fill every seat').toHaveLength(ward.seats);
      const report = count(ward.bltFile, ward.seats);
      const got = [...report.elected].sort();
      const want = [...ward.elected].sort();
      const missing = want.filter((c) => !got.includes(c));
      const extra = got.filter((c) => !want.includes(c));
      expect(
        { missing, extra },
        `${ward.bltFile}: elected ${got.join(', ')}; officially ${want.join(', ')}`,
      ).toEqual({ missing: [], extra: [] });
      expect(report.quota, `${ward.bltFile}: quota (in units of 1/100000 vote)`).toBe(
        ward.quota * 1e5,
      );
    },
  );

  it.each(DOCUMENTED_EXCEPTIONS.map((e) => [`${e.bltFile} (${e.wardCode})`, e] as const))(
    '%s: incomplete in the source; agrees with what it records',
    (_, ward) => {
      const report = count(ward.bltFile, ward.seats);
      expect(report.elected).toHaveLength(ward.seats);
      expect(
        ward.electedSoFar.filter((c) => !report.elected.includes(c)),
        `${ward.bltFile}: officially elected but not by the count (${ward.reason})`,
      ).toEqual([]);
      expect(report.quota, `${ward.bltFile}: quota`).toBe(ward.quota * 1e5);
    },
  );
});
