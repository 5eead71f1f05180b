import type { BudgetInstance } from './budget-instance.js';
import { budgetingError } from './errors.js';
import { formatMinorUnits } from './money.js';
import { quoteField } from './pb-csv.js';
import type { PbFile } from './pb-file.js';

function isPbFile(round: BudgetInstance | PbFile): round is PbFile {
  return 'meta' in round && 'projectColumns' in round && 'voteColumns' in round;
}

/**
 * Writes a round as a pabulib `.pb` file (pabulib.org/format), `\n`-terminated lines,
 * quoting fields as pb-csv.ts describes. For a `PbFile` every META entry and column is
 * written back in its order; the values the round itself defines are written from it:
 * META `budget`, `vote_type`, `num_projects`, `num_votes` (updated where present, added
 * where missing, `rule` likewise if given), project ids and costs (with exactly `scale`
 * decimals, so that the file reads back to the same amounts), voter ids, votes and
 * points. A plain round gets a minimal META and the columns it needs.
 *
 * `readPb(writePb(x))` gives back x's round and fields; `writePb` of that is the same text.
 * Project ids must be non-empty, without commas or outer spaces (PB_BAD_INSTANCE).
 */
export function writePb(round: BudgetInstance | PbFile, rule?: string): string {
  const file = isPbFile(round) ? round : undefined;
  for (const { id } of round.projects) {
    // A vote lists ids separated by commas, and the reader trims them.
    if (id === '' || id.includes(',') || id !== id.trim()) {
      throw budgetingError('PB_BAD_INSTANCE', {
        reason: `the project id "${id}" cannot be written in a .pb file (empty, a comma, or outer spaces)`,
      });
    }
  }
  const defined: [string, string][] = [
    ['num_projects', String(round.projects.length)],
    ['num_votes', String(round.ballots.length)],
    ['budget', formatMinorUnits(round.budget, round.scale)],
    ['vote_type', round.voteType],
  ];
  if (rule !== undefined) defined.push(['rule', rule]);
  else if (file?.rule !== undefined) defined.push(['rule', file.rule]);
  if (round.scoreThreshold !== undefined) {
    defined.push(['min_project_score_threshold', round.scoreThreshold.toString()]);
  }
  const meta: [string, string][] = (file?.meta ?? []).map(([k, v]) => [k, v]);
  for (const [key, value] of defined) {
    const at = meta.findIndex(([k]) => k === key);
    if (at >= 0) {
      // Keep a written threshold as it was unless it no longer rounds up to the same score.
      if (key !== 'min_project_score_threshold') meta[at] = [key, value];
    } else {
      meta.push([key, value]);
    }
  }
  const hasPoints = round.ballots.some((b) => b.points !== undefined);
  const projectColumns = file?.projectColumns ?? ['project_id', 'cost'];
  const voteColumns =
    file?.voteColumns ?? (hasPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']);

  const out: string[] = ['META', 'key;value'];
  for (const [key, value] of meta) out.push(`${quoteField(key)};${quoteField(value)}`);
  out.push('PROJECTS', projectColumns.map(quoteField).join(';'));
  for (const [c, project] of round.projects.entries()) {
    const raw = file?.projects[c]?.fields;
    const row = projectColumns.map((column, i) => {
      if (column === 'project_id') return project.id;
      if (column === 'cost') return formatMinorUnits(project.cost, round.scale);
      return raw?.[i] ?? '';
    });
    out.push(row.map(quoteField).join(';'));
  }
  out.push('VOTES', voteColumns.map(quoteField).join(';'));
  for (const [i, ballot] of round.ballots.entries()) {
    const raw = file?.ballots[i]?.fields;
    const row = voteColumns.map((column, k) => {
      if (column === 'voter_id') return ballot.voterId;
      if (column === 'vote') return ballot.projects.join(',');
      if (column === 'points') return ballot.points?.join(',') ?? '';
      return raw?.[k] ?? '';
    });
    out.push(row.map(quoteField).join(';'));
  }
  return `${out.join('\n')}\n`;
}
