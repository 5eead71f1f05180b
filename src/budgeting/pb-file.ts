import type { BudgetBallot, BudgetInstance, BudgetProject } from './budget-instance.js';

/**
 * A pabulib `.pb` file read into memory (pabulib.org/format): the round the rules need
 * (budget-instance.ts) plus everything else the file carries, so that it can be written
 * back. Read with `readPb`, written with `writePb`.
 */
export interface PbFile extends BudgetInstance {
  /** META key/value pairs in file order, values as written (trimmed). */
  readonly meta: readonly (readonly [string, string])[];
  /** The META `rule`, if any (e.g. "equalshares/add1"). */
  readonly rule: string | undefined;
  /** The PROJECTS header, in order; includes `project_id` and `cost`. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly PbProject[];
  /** The VOTES header, in order; includes `voter_id` and `vote`. */
  readonly voteColumns: readonly string[];
  readonly ballots: readonly PbBallot[];
}

export interface PbProject extends BudgetProject {
  /** Every field of the row, aligned with `projectColumns`, as written. */
  readonly fields: readonly string[];
  /**
   * The `selected` column (the official result: 1 funded, 0 not, 2 and 3 special cases
   * explained in the file's comment), undefined without that column.
   */
  readonly selected: string | undefined;
}

export interface PbBallot extends BudgetBallot {
  /** Every field of the row, aligned with `voteColumns`, as written. */
  readonly fields: readonly string[];
}

/** The ids of the projects a file marks as funded (`selected` = 1). */
export function officialSelection(file: PbFile): string[] {
  return file.projects.filter((p) => p.selected === '1').map((p) => p.id);
}
