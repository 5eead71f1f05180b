import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fraction } from './fraction.js';
import { officialSelection } from './pb-file.js';
import { readPb } from './pb-read.js';
import { compileProfile } from './profile.js';
import { parseRuleName } from './rule-name.js';
import { selectOnProfile, selectProjects } from './select-projects.js';
import { referenceAdd1, referenceMes } from './test-support/reference-rules.js';

/**
 * The real instances in ../shared/datasets/pabulib (see its SOURCE.md): each file's
 * PROJECTS section records in `selected` what the city funded, and its META names the
 * rule the city applied. Applying that rule must reproduce the official result exactly.
 */
const DIR = new URL('../../../shared/datasets/pabulib/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.pb'))
  .sort();

describe('official results of the Pabulib instances', () => {
  it('finds all 13 files of the data set', () => {
    expect(FILES).toHaveLength(13);
  });

  for (const name of FILES) {
    it(`reproduces ${name}`, () => {
      const file = readPb(readFileSync(new URL(name, DIR), 'utf8'));
      const rule = parseRuleName(file.rule ?? '');
      const profile = compileProfile(file);
      const result = selectOnProfile(profile, file, rule, { payments: false });
      expect([...result.selected].sort()).toEqual(officialSelection(file).sort());
      expect(result.spent <= file.budget).toBe(true);

      // The votes and scores the file lists match the ones counted from its ballots.
      const column = (header: string) => file.projectColumns.indexOf(header);
      for (const [c, project] of file.projects.entries()) {
        if (column('votes') >= 0)
          expect(Number(project.fields[column('votes')])).toBe(profile.votes[c]);
        if (column('score') >= 0)
          expect(Number(project.fields[column('score')])).toBe(profile.scores[c]);
      }
    });
  }

  it('agrees with the literal reference on Assen 2024, completion included', () => {
    const file = readPb(readFileSync(new URL('Netherlands_Assen_2024.pb', DIR), 'utf8'));
    const fast = selectProjects(file, 'equalshares/add1', { payments: false });
    const slow = referenceAdd1(file);
    expect(fast.selected).toEqual(slow.run.selected.map((c) => file.projects[c]?.id));
    if (fast.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    expect(fast.report.perVoter).toEqual(fraction(slow.perVoter));
  });

  it('agrees with the literal reference at the last steps of Świecie 2023', () => {
    // The completion's last accepted share and the one after it, literally.
    const file = readPb(readFileSync(new URL('Poland_Swiecie_2023.pb', DIR), 'utf8'));
    const fast = selectProjects(file, 'equalshares/add1', { payments: false });
    if (fast.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    const share = fast.report.perVoter.num;
    const last = referenceMes(file, fraction(share));
    expect(fast.selected).toEqual(last.selected.map((c) => file.projects[c]?.id));
    const cost = (list: number[]) => list.reduce((s, c) => s + (file.projects[c]?.cost ?? 0n), 0n);
    expect(cost(last.selected) <= file.budget).toBe(true);
    expect(cost(referenceMes(file, fraction(share + 1n)).selected) > file.budget).toBe(true);
  });
});
