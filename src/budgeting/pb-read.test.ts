import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInstance } from './budget-instance.js';
import type { PbFile } from './pb-file.js';
import { readPb } from './pb-read.js';
import { writePb } from './pb-write.js';
import { roundArbitrary, SMALL } from './test-support/arbitraries.js';

const GOOD = [
  'META',
  'key;value',
  'description;A "quoted" test',
  'budget;222176.85',
  'vote_type;approval',
  'rule;greedy',
  'num_projects;3',
  'num_votes;2',
  'PROJECTS',
  'project_id;cost;name;selected',
  'a;1000;"Park; with ""benches""";1',
  'M/01/X;2500.5;Library;0',
  'c;7;"two',
  'lines";0',
  'VOTES',
  'voter_id;vote;age',
  'v1;a,M/01/X;30',
  'v2;c;',
].join('\r\n');

/** The same file with line `line` (1-based) replaced. */
function withLine(line: number, text: string): string {
  const lines = GOOD.split('\r\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

function refusal(text: string): { code: string; message: string } {
  try {
    readPb(text);
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('expected the file to be refused');
}

/** The round and fields of a file, without what the writer regenerates. */
function content(file: PbFile) {
  return {
    budget: file.budget,
    scale: file.scale,
    voteType: file.voteType,
    scoreThreshold: file.scoreThreshold,
    rule: file.rule,
    projects: file.projects.map((p) => ({
      id: p.id,
      cost: p.cost,
      selected: p.selected,
      others: p.fields.filter(
        (_, i) => !['project_id', 'cost'].includes(file.projectColumns[i] ?? ''),
      ),
    })),
    ballots: file.ballots.map((b) => ({
      voterId: b.voterId,
      projects: b.projects,
      points: b.points,
      others: b.fields.filter(
        (_, i) => !['voter_id', 'vote', 'points'].includes(file.voteColumns[i] ?? ''),
      ),
    })),
  };
}

describe('readPb', () => {
  it('reads sections, CSV quoting across lines, decimal money and string ids', () => {
    const file = readPb(GOOD);
    expect(file.scale).toBe(2);
    expect(file.budget).toBe(22217685n);
    expect(file.projects.map((p) => [p.id, p.cost, p.selected])).toEqual([
      ['a', 100000n, '1'],
      ['M/01/X', 250050n, '0'],
      ['c', 700n, '0'],
    ]);
    expect(file.projects[0]?.fields[2]).toBe('Park; with "benches"');
    expect(file.projects[2]?.fields[2]).toBe('two\nlines');
    expect(file.ballots.map((b) => b.projects)).toEqual([['a', 'M/01/X'], ['c']]);
    // A quote inside an unquoted field is kept as written.
    expect(file.meta[0]).toEqual(['description', 'A "quoted" test']);
    expect(file.rule).toBe('greedy');
  });

  it('reads points, a threshold, and ballots that name nothing', () => {
    const file = readPb(
      [
        'META',
        'key;value',
        'budget;10',
        'vote_type;cumulative',
        'min_project_score_threshold;2.5',
        'PROJECTS',
        'project_id;cost',
        '1;5',
        '2;5',
        'VOTES',
        'voter_id;vote;points',
        'x;1,2;3,0',
        'y;;',
      ].join('\n'),
    );
    expect(file.ballots[0]?.points).toEqual([3, 0]);
    expect(file.ballots[1]?.projects).toEqual([]);
    expect(file.scoreThreshold).toBe(3n);
  });

  const cases: [string, string, string, RegExp][] = [
    ['an empty file', '\n\n', 'PB_EMPTY_FILE', /empty/],
    ['an unclosed quote', withLine(14, 'lines;0'), 'PB_BAD_QUOTING', /Line 13 .*never closed/],
    [
      'text after a closing quote',
      withLine(11, 'a;1000;"Park"x;1'),
      'PB_BAD_QUOTING',
      /Line 11 .*closing quote/,
    ],
    ['rows before META', `x;y\n${GOOD}`, 'PB_BAD_SECTION', /Line 1 .*start with META/],
    [
      'sections out of order',
      withLine(9, 'VOTES'),
      'PB_BAD_SECTION',
      /Line 9 .*expected the PROJECTS section, found VOTES/,
    ],
    ['a section twice', `${GOOD}\nPROJECTS`, 'PB_BAD_SECTION', /PROJECTS section appears twice/],
    [
      'a missing section',
      GOOD.split('\r\nVOTES')[0] ?? '',
      'PB_BAD_SECTION',
      /has no VOTES section/,
    ],
    [
      'a section without its header',
      `${GOOD.split('\r\nvoter_id')[0]}`,
      'PB_BAD_SECTION',
      /VOTES section has no header/,
    ],
    [
      'a bad META header',
      withLine(2, 'name;value'),
      'PB_BAD_HEADER',
      /Line 2: the META header must be "key;value"/,
    ],
    [
      'a PROJECTS header without cost',
      withLine(10, 'project_id;price;name;selected'),
      'PB_BAD_HEADER',
      /Line 10: the PROJECTS header has no column "cost"/,
    ],
    [
      'a header naming a column twice',
      withLine(16, 'voter_id;vote;vote'),
      'PB_BAD_HEADER',
      /names "vote" twice/,
    ],
    [
      'a header with an empty column',
      withLine(16, 'voter_id;vote;'),
      'PB_BAD_HEADER',
      /empty column name/,
    ],
    [
      'a short row',
      withLine(12, 'M/01/X;2500.5;Library'),
      'PB_FIELD_COUNT',
      /Line 12 has 3 fields, but the PROJECTS header names 4/,
    ],
    [
      'a META key twice',
      withLine(6, 'budget;5'),
      'PB_BAD_META',
      /Line 6: the META section gives "budget" twice/,
    ],
    ['a META row without key', withLine(3, ';x'), 'PB_BAD_META', /Line 3: .*without a key/],
    ['no budget', withLine(4, 'currency;PLN'), 'PB_MISSING_META', /budget/],
    ['no vote type', withLine(5, 'currency;PLN'), 'PB_MISSING_META', /vote_type/],
    [
      'an unknown vote type',
      withLine(5, 'vote_type;quadratic'),
      'PB_BAD_VOTE_TYPE',
      /Line 5: the vote type "quadratic"/,
    ],
    [
      'a comma decimal',
      withLine(4, 'budget;222176,85'),
      'PB_BAD_NUMBER',
      /Line 4: budget must be .*"222176,85"/,
    ],
    [
      'a zero cost',
      withLine(12, 'M/01/X;0;Library;0'),
      'PB_BAD_NUMBER',
      /Line 12: cost must be a positive amount/,
    ],
    ['a negative cost', withLine(12, 'M/01/X;-5;Library;0'), 'PB_BAD_NUMBER', /Line 12: cost/],
    [
      'a bad threshold',
      withLine(6, 'min_project_score_threshold;many'),
      'PB_BAD_NUMBER',
      /Line 6: min_project_score_threshold/,
    ],
    [
      'a bad count',
      withLine(7, 'num_projects;three'),
      'PB_BAD_NUMBER',
      /Line 7: num_projects must be a whole number/,
    ],
    [
      'a duplicate project id',
      withLine(12, 'a;2500.5;Library;0'),
      'PB_DUPLICATE_ID',
      /Line 12: the project id "a" appears twice/,
    ],
    [
      'a duplicate voter id',
      withLine(18, 'v1;c;'),
      'PB_DUPLICATE_ID',
      /Line 18: the voter id "v1"/,
    ],
    [
      'an empty project id',
      withLine(12, ' ;2500.5;Library;0'),
      'PB_EMPTY_ID',
      /Line 12: the project id is empty/,
    ],
    ['an empty voter id', withLine(18, ';c;'), 'PB_EMPTY_ID', /Line 18: the voter id is empty/],
    [
      'a vote for an unknown project',
      withLine(18, 'v2;zz;'),
      'PB_UNKNOWN_PROJECT',
      /Line 18: .*"zz"/,
    ],
    [
      'a project named twice in a vote',
      withLine(18, 'v2;c,c;'),
      'PB_DUPLICATE_IN_BALLOT',
      /Line 18: .*"c" more than once/,
    ],
    [
      'an empty id in a vote',
      withLine(18, 'v2;c,;'),
      'PB_BAD_BALLOT',
      /Line 18: the vote has an empty project id/,
    ],
    [
      'a count that does not match',
      withLine(8, 'num_votes;3'),
      'PB_COUNT_MISMATCH',
      /num_votes is 3, but the file has 2/,
    ],
  ];
  for (const [what, text, code, message] of cases) {
    it(`refuses ${what} with ${code}`, () => {
      const error = refusal(text);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  }

  const pointsFile = (type: string, header: string, row: string) =>
    [
      'META',
      'key;value',
      'budget;10',
      `vote_type;${type}`,
      'PROJECTS',
      'project_id;cost',
      '1;5',
      '2;5',
      'VOTES',
      header,
      row,
    ].join('\n');
  const pointCases: [string, string, string, RegExp][] = [
    [
      'points on approval ballots',
      pointsFile('approval', 'voter_id;vote;points', 'x;1;1'),
      'PB_BAD_POINTS',
      /Line 11: the points are given, but approval/,
    ],
    [
      'missing points on cumulative ballots',
      pointsFile('cumulative', 'voter_id;vote;points', 'x;1;'),
      'PB_BAD_POINTS',
      /Line 11: the points are missing/,
    ],
    [
      'a points column missing for cumulative ballots',
      pointsFile('cumulative', 'voter_id;vote', 'x;1'),
      'PB_BAD_HEADER',
      /Line 10: the VOTES header has no column "points"/,
    ],
    [
      'fewer points than projects',
      pointsFile('scoring', 'voter_id;vote;points', 'x;1,2;3'),
      'PB_BAD_POINTS',
      /number 1, but the vote names 2/,
    ],
    [
      'fractional points',
      pointsFile('ordinal', 'voter_id;vote;points', 'x;1,2;2,1.5'),
      'PB_BAD_POINTS',
      /"1.5", which is not a whole number/,
    ],
    [
      'two projects on a choose-1 ballot',
      pointsFile('choose-1', 'voter_id;vote', 'x;1,2'),
      'PB_BAD_BALLOT',
      /Line 11: the vote names 2 projects; choose-1/,
    ],
  ];
  for (const [what, text, code, message] of pointCases) {
    it(`refuses ${what} with ${code}`, () => {
      const error = refusal(text);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  }
});

describe('writePb', () => {
  it('writes a file that reads back to the same round and fields, and writes back to the same text', () => {
    const file = readPb(GOOD);
    const text = writePb(file);
    const again = readPb(text);
    expect(content(again)).toEqual(content(file));
    expect(writePb(again)).toBe(text);
  });

  it('round-trips random rounds, including ids and fields that need quoting', () => {
    const awkward = fc.stringMatching(/^[a-z;" ]{0,6}$/);
    fc.assert(
      fc.property(
        roundArbitrary({ ...SMALL, maxScale: 2 }),
        awkward,
        (round: BudgetInstance, note) => {
          const text = writePb(round, 'equalshares/add1');
          const file = readPb(text);
          expect(file.budget).toBe(round.budget);
          expect(file.voteType).toBe(round.voteType);
          expect(file.projects.map((p) => [p.id, p.cost])).toEqual(
            round.projects.map((p) => [p.id, p.cost]),
          );
          expect(file.ballots.map((b) => [b.voterId, b.projects, b.points])).toEqual(
            round.ballots.map((b) => [b.voterId, b.projects, b.points]),
          );
          expect(file.rule).toBe('equalshares/add1');
          // An extra column with awkward text survives a second trip unchanged.
          const annotated: PbFile = {
            ...file,
            projectColumns: [...file.projectColumns, 'note'],
            projects: file.projects.map((p) => ({ ...p, fields: [...p.fields, note] })),
          };
          const again = readPb(writePb(annotated));
          expect(again.projects.map((p) => p.fields.at(-1))).toEqual(file.projects.map(() => note));
          expect(writePb(again)).toBe(writePb(annotated));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses project ids a .pb file cannot hold', () => {
    const round: BudgetInstance = {
      budget: 1n,
      scale: 0,
      voteType: 'approval',
      projects: [{ id: 'a,b', cost: 1n }],
      ballots: [],
    };
    expect(() => writePb(round)).toThrow(expect.objectContaining({ code: 'PB_BAD_INSTANCE' }));
  });
});
