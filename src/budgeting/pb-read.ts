import { VOTE_TYPES, type VoteType } from './budget-instance.js';
import { budgetingError } from './errors.js';
import { ceilDecimal, type DecimalAmount, parseDecimal, toMinorUnits } from './money.js';
import { forEachRecord, type PbRecord } from './pb-csv.js';
import type { PbBallot, PbFile, PbProject } from './pb-file.js';

type Section = 'meta' | 'projects' | 'votes';
const SECTIONS: readonly Section[] = ['meta', 'projects', 'votes'];
const WHOLE = /^\d+$/;

function sectionTitle(record: PbRecord): Section | undefined {
  if (record.fields.length !== 1) return undefined;
  const name = (record.fields[0] ?? '').trim().toLowerCase();
  return SECTIONS.find((s) => s === name);
}

function columnsOf(record: PbRecord, section: string, required: readonly string[]): string[] {
  const columns = record.fields.map((f) => f.trim());
  for (const name of required) {
    if (!columns.includes(name)) {
      throw budgetingError('PB_BAD_HEADER', {
        line: record.line,
        section,
        reason: `has no column "${name}"`,
      });
    }
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === '') {
      throw budgetingError('PB_BAD_HEADER', {
        line: record.line,
        section,
        reason: 'has an empty column name',
      });
    }
    if (seen.has(name)) {
      throw budgetingError('PB_BAD_HEADER', {
        line: record.line,
        section,
        reason: `names "${name}" twice`,
      });
    }
    seen.add(name);
  }
  return columns;
}

function checkWidth(record: PbRecord, section: string, columns: readonly string[]): void {
  if (record.fields.length !== columns.length) {
    throw budgetingError('PB_FIELD_COUNT', {
      line: record.line,
      section,
      found: record.fields.length,
      expected: columns.length,
    });
  }
}

/**
 * Reads a pabulib `.pb` file (pabulib.org/format): a META section of `key;value` rows, a
 * PROJECTS section whose header names at least `project_id` and `cost`, and a VOTES
 * section whose header names at least `voter_id` and `vote` (project ids separated by
 * commas; cumulative and scoring ballots also have `points`, in the same order). Each
 * section starts with its title line, then its header line.
 *
 * Checks, each refused with a stable code and the line: section order and headers, field
 * counts, META keys given twice, `budget` and `vote_type` present and valid, decimal
 * costs and budget (digits with at most one point: "222176.85"), project and voter ids
 * non-empty and unique, ballots naming only listed projects and each at most once,
 * points whole, non-negative and one per project (required for cumulative and scoring,
 * optional for ordinal, refused for approval and choose-1), one project per choose-1
 * ballot, and `num_projects` / `num_votes` equal to the counts when given.
 *
 * Money is kept in minor units at the largest number of decimals the file uses.
 */
export function readPb(text: string): PbFile {
  let records = 0;
  let lastLine = 1;
  let section: Section | undefined;
  let header: PbRecord | undefined;
  let columns: string[] = [];
  const seenSections = new Set<Section>();

  const meta: [string, string][] = [];
  const metaLines = new Map<string, number>();
  let voteType: VoteType | undefined;

  const projectIndex = new Map<string, number>();
  const projects: {
    id: string;
    cost: DecimalAmount;
    fields: string[];
    selected: string | undefined;
  }[] = [];
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  const ballots: PbBallot[] = [];
  const voterIds = new Set<string>();
  let stamp = new Int32Array(0);
  let idAt = 0;
  let costAt = 0;
  let selectedAt = -1;
  let voterAt = 0;
  let voteAt = 0;
  let pointsAt = -1;

  const finishMeta = (line: number): void => {
    const typeText = metaValue(meta, 'vote_type');
    if (typeText === undefined) throw budgetingError('PB_MISSING_META', { key: 'vote_type' });
    const type = VOTE_TYPES.find((t) => t === typeText.toLowerCase());
    if (!type) {
      throw budgetingError('PB_BAD_VOTE_TYPE', {
        line: metaLines.get('vote_type') ?? line,
        value: typeText,
      });
    }
    voteType = type;
    if (metaValue(meta, 'budget') === undefined)
      throw budgetingError('PB_MISSING_META', { key: 'budget' });
  };

  forEachRecord(text, (line, fields) => {
    records += 1;
    lastLine = line;
    const record: PbRecord = { line, fields };
    const title = sectionTitle(record);
    if (title) {
      const expected = SECTIONS[seenSections.size];
      if (title !== expected) {
        throw budgetingError('PB_BAD_SECTION', {
          line: record.line,
          reason: seenSections.has(title)
            ? `the ${title.toUpperCase()} section appears twice`
            : `expected the ${(expected ?? 'end').toUpperCase()} section, found ${title.toUpperCase()}`,
        });
      }
      if (section && !header) {
        throw budgetingError('PB_BAD_SECTION', {
          line: record.line,
          reason: `the ${section.toUpperCase()} section has no header line`,
        });
      }
      if (title === 'projects') finishMeta(record.line);
      seenSections.add(title);
      section = title;
      header = undefined;
      return;
    }
    if (!section) {
      throw budgetingError('PB_BAD_SECTION', {
        line: record.line,
        reason: 'the file must start with META',
      });
    }
    if (!header) {
      header = record;
      if (section === 'meta') {
        const names = record.fields.map((f) => f.trim());
        if (names.length !== 2 || names[0] !== 'key' || names[1] !== 'value') {
          throw budgetingError('PB_BAD_HEADER', {
            line: record.line,
            section: 'META',
            reason: 'must be "key;value"',
          });
        }
        columns = names;
      } else if (section === 'projects') {
        columns = columnsOf(record, 'PROJECTS', ['project_id', 'cost']);
        projectColumns = columns;
        idAt = columns.indexOf('project_id');
        costAt = columns.indexOf('cost');
        selectedAt = columns.indexOf('selected');
      } else {
        columns = columnsOf(record, 'VOTES', ['voter_id', 'vote']);
        voteColumns = columns;
        voterAt = columns.indexOf('voter_id');
        voteAt = columns.indexOf('vote');
        pointsAt = columns.indexOf('points');
        if (pointsAt < 0 && (voteType === 'cumulative' || voteType === 'scoring')) {
          throw budgetingError('PB_BAD_HEADER', {
            line: record.line,
            section: 'VOTES',
            reason: `has no column "points", which ${voteType} ballots need`,
          });
        }
        stamp = new Int32Array(projects.length).fill(-1);
      }
      return;
    }
    if (section === 'meta') {
      checkWidth(record, 'META', columns);
      const key = (record.fields[0] ?? '').trim();
      if (key === '')
        throw budgetingError('PB_BAD_META', {
          line: record.line,
          reason: 'has a row without a key',
        });
      if (metaLines.has(key)) {
        throw budgetingError('PB_BAD_META', { line: record.line, reason: `gives "${key}" twice` });
      }
      metaLines.set(key, record.line);
      meta.push([key, (record.fields[1] ?? '').trim()]);
    } else if (section === 'projects') {
      checkWidth(record, 'PROJECTS', columns);
      const id = (record.fields[idAt] ?? '').trim();
      if (id === '') throw budgetingError('PB_EMPTY_ID', { line: record.line, what: 'project' });
      if (projectIndex.has(id))
        throw budgetingError('PB_DUPLICATE_ID', { line: record.line, what: 'project', id });
      const costText = (record.fields[costAt] ?? '').trim();
      const cost = parseDecimal(costText);
      if (!cost || cost.digits === 0n) {
        throw budgetingError('PB_BAD_NUMBER', {
          line: record.line,
          field: 'cost',
          expected: 'a positive amount such as 7200 or 7200.50',
          value: costText,
        });
      }
      projectIndex.set(id, projects.length);
      projects.push({
        id,
        cost,
        fields: record.fields,
        selected: selectedAt >= 0 ? (record.fields[selectedAt] ?? '').trim() : undefined,
      });
    } else {
      checkWidth(record, 'VOTES', columns);
      const line = record.line;
      const voterId = (record.fields[voterAt] ?? '').trim();
      if (voterId === '') throw budgetingError('PB_EMPTY_ID', { line, what: 'voter' });
      if (voterIds.has(voterId))
        throw budgetingError('PB_DUPLICATE_ID', { line, what: 'voter', id: voterId });
      voterIds.add(voterId);
      const voteText = (record.fields[voteAt] ?? '').trim();
      const named = voteText === '' ? [] : splitList(voteText);
      const row = ballots.length;
      for (const id of named) {
        if (id === '')
          throw budgetingError('PB_BAD_BALLOT', { line, reason: 'has an empty project id' });
        const c = projectIndex.get(id);
        if (c === undefined) throw budgetingError('PB_UNKNOWN_PROJECT', { line, id });
        if (stamp[c] === row) throw budgetingError('PB_DUPLICATE_IN_BALLOT', { line, id });
        stamp[c] = row;
      }
      if (voteType === 'choose-1' && named.length !== 1) {
        throw budgetingError('PB_BAD_BALLOT', {
          line,
          reason: `names ${named.length} projects; choose-1 ballots name one`,
        });
      }
      const pointsText = pointsAt >= 0 ? (record.fields[pointsAt] ?? '').trim() : '';
      let points: number[] | undefined;
      if (pointsText !== '') {
        if (voteType === 'approval' || voteType === 'choose-1') {
          throw budgetingError('PB_BAD_POINTS', {
            line,
            reason: `are given, but ${voteType} ballots have none`,
          });
        }
        const parts = splitList(pointsText);
        if (parts.length !== named.length) {
          throw budgetingError('PB_BAD_POINTS', {
            line,
            reason: `number ${parts.length}, but the vote names ${named.length} projects`,
          });
        }
        points = parts.map((s) => {
          if (!WHOLE.test(s) || !Number.isSafeInteger(Number(s))) {
            throw budgetingError('PB_BAD_POINTS', {
              line,
              reason: `include "${s}", which is not a whole number`,
            });
          }
          return Number(s);
        });
      } else if ((voteType === 'cumulative' || voteType === 'scoring') && named.length > 0) {
        throw budgetingError('PB_BAD_POINTS', {
          line,
          reason: `are missing, which ${voteType} ballots need`,
        });
      }
      ballots.push(
        points === undefined
          ? { voterId, projects: named, fields: record.fields }
          : { voterId, projects: named, points, fields: record.fields },
      );
    }
  });

  if (records === 0) throw budgetingError('PB_EMPTY_FILE');
  for (const s of SECTIONS) {
    if (!seenSections.has(s)) {
      throw budgetingError('PB_BAD_SECTION', {
        line: lastLine,
        reason: `the file has no ${s.toUpperCase()} section`,
      });
    }
  }
  if (!header) {
    throw budgetingError('PB_BAD_SECTION', {
      line: lastLine,
      reason: 'the VOTES section has no header line',
    });
  }

  const budgetText = metaValue(meta, 'budget') ?? '';
  const budget = parseDecimal(budgetText);
  if (!budget) {
    throw budgetingError('PB_BAD_NUMBER', {
      line: metaLines.get('budget') ?? 1,
      field: 'budget',
      expected: 'an amount such as 100000 or 222176.85',
      value: budgetText,
    });
  }
  let scale = budget.decimals;
  for (const p of projects) scale = Math.max(scale, p.cost.decimals);

  const thresholdText = metaValue(meta, 'min_project_score_threshold');
  let scoreThreshold: bigint | undefined;
  if (thresholdText !== undefined) {
    const threshold = parseDecimal(thresholdText);
    if (!threshold) {
      throw budgetingError('PB_BAD_NUMBER', {
        line: metaLines.get('min_project_score_threshold') ?? 1,
        field: 'min_project_score_threshold',
        expected: 'a number such as 100',
        value: thresholdText,
      });
    }
    scoreThreshold = ceilDecimal(threshold);
  }
  checkCount(meta, metaLines, 'num_projects', projects.length);
  checkCount(meta, metaLines, 'num_votes', ballots.length);

  const typedProjects: PbProject[] = projects.map((p) => ({
    id: p.id,
    cost: toMinorUnits(p.cost, scale),
    fields: p.fields,
    selected: p.selected,
  }));
  return {
    budget: toMinorUnits(budget, scale),
    scale,
    voteType: voteType ?? 'approval',
    projects: typedProjects,
    ballots,
    ...(scoreThreshold !== undefined ? { scoreThreshold } : {}),
    meta,
    rule: metaValue(meta, 'rule'),
    projectColumns,
    voteColumns,
  };
}

/** A comma-separated list, each item trimmed (without work when nothing needs it). */
function splitList(text: string): string[] {
  const parts = text.split(',');
  if (text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) {
    for (let i = 0; i < parts.length; i++) parts[i] = (parts[i] ?? '').trim();
  }
  return parts;
}

function metaValue(meta: readonly (readonly [string, string])[], key: string): string | undefined {
  return meta.find(([k]) => k === key)?.[1];
}

function checkCount(
  meta: readonly (readonly [string, string])[],
  lines: ReadonlyMap<string, number>,
  key: string,
  actual: number,
): void {
  const text = metaValue(meta, key);
  if (text === undefined || text === '') return;
  if (!WHOLE.test(text)) {
    throw budgetingError('PB_BAD_NUMBER', {
      line: lines.get(key) ?? 1,
      field: key,
      expected: 'a whole number',
      value: text,
    });
  }
  if (Number(text) !== actual) {
    throw budgetingError('PB_COUNT_MISMATCH', { key, declared: text, actual });
  }
}
