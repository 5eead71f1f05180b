import { budgetingError } from './errors.js';

/**
 * The rules, named as pabulib names them in a file's META `rule` (pabulib.org/format,
 * "rule"; the variants of the Method of Equal Shares as documented by Pabulib in April
 * 2026):
 * - `equalshares`: the Method of Equal Shares with cost utilities, each voter's share
 *   being budget / voters, no completion;
 * - `equalshares-comparison`: the same, then the comparison step with greedy;
 * - `equalshares/add1`: the Method of Equal Shares completed by Add1 (mes-completion.ts);
 * - `equalshares/add1-comparison`: the same, then the comparison step;
 * - `greedy`: projects by score, best first, each funded if it still fits;
 * - `greedy-threshold`: the same, only among projects whose score reaches the file's
 *   `min_project_score_threshold`;
 * - `greedy-no-skip`: projects by score until the first one that does not fit.
 */
export type RuleName =
  | 'equalshares'
  | 'equalshares-comparison'
  | 'equalshares/add1'
  | 'equalshares/add1-comparison'
  | 'greedy'
  | 'greedy-threshold'
  | 'greedy-no-skip';

export const RULE_NAMES: readonly RuleName[] = [
  'equalshares/add1',
  'equalshares/add1-comparison',
  'equalshares',
  'equalshares-comparison',
  'greedy',
  'greedy-threshold',
  'greedy-no-skip',
];

/** Aliases accepted on the command line. */
const ALIASES: Readonly<Record<string, RuleName>> = { mes: 'equalshares/add1' };

/** The rule a name stands for (case and surrounding spaces ignored); PB_UNKNOWN_RULE else. */
export function parseRuleName(text: string): RuleName {
  const name = text.trim().toLowerCase();
  const alias = ALIASES[name];
  if (alias) return alias;
  const rule = RULE_NAMES.find((r) => r === name);
  if (!rule) throw budgetingError('PB_UNKNOWN_RULE', { rule: text });
  return rule;
}

export function isEqualShares(rule: RuleName): boolean {
  return rule.startsWith('equalshares');
}
