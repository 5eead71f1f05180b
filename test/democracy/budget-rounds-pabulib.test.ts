import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officialSelection, parseRuleName, readPb } from '../../src/budgeting/index.js';
import { minorUnitDigits } from '../../src/democracy/currency.js';
import type { MotionBody } from '../../src/democracy/index.js';
import type { BudgetRound, RoundVoteType } from '../../src/democracy/treasury-state.js';
import { yesFrom } from './treasury-world.js';
import { passMotion, World } from './world.js';

/**
 * Real participatory budgets (../shared/datasets/pabulib, see its SOURCE.md) run through
 * a council's round: one member per voter, the budget motion with the file's vote type
 * and rule, each project proposed with its cost, each ballot cast in secret; at the close
 * the round must fund exactly what the city funded (the file's `selected` column).
 */
const DIR = new URL('../../../shared/datasets/pabulib/', import.meta.url);

function throughARound(name: string) {
  const file = readPb(readFileSync(new URL(name, DIR), 'utf8'));
  const meta = new Map(file.meta);
  const currency = meta.get('currency') ?? 'EUR';
  const digits = minorUnitDigits(currency);
  expect(file.scale).toBeLessThanOrEqual(digits);
  const toMinor = (x: bigint) => Number(x * 10n ** BigInt(digits - file.scale));
  const voteType = file.voteType as RoundVoteType;
  const rule = parseRuleName(file.rule ?? '');

  const w = new World();
  const founder = w.found({ name: 'City', children: [{ name: 'Residents' }] }, 'Residents');
  const voters = [founder, ...w.populate(founder, file.ballots.length - 1, 'Resident')];
  const councilId = w.councilId('Residents');
  const maxPoints = Math.max(
    ...file.ballots.map((b) => (b.points ?? []).reduce((s, p) => s + p, 0)),
  );
  const body = {
    kind: 'budget',
    amount: toMinor(file.budget),
    currency,
    voteType,
    rule,
    ...(voteType === 'cumulative' ? { points: maxPoints } : {}),
  } as MotionBody;
  passMotion(w, {
    proposer: voters[0] as string,
    seconder: voters[1] as string,
    councilId,
    body,
    votes: yesFrom(voters),
    title: `${meta.get('description') ?? name}`,
  });
  const round = [...w.state.treasury.rounds.values()][0] as BudgetRound;
  expect(round).toMatchObject({ budget: toMinor(file.budget), rule, voteType });

  const projectOf = new Map<string, string>();
  const fileIdOf = new Map<string, string>();
  file.projects.forEach((p, c) => {
    const [e] = w.run(voters[c % voters.length] as string, {
      kind: 'ProposeProject',
      roundId: round.id,
      title: `Project ${p.id}`,
      description: '',
      cost: toMinor(p.cost),
      payee: `Applicant of ${p.id}`,
    });
    if (e?.kind !== 'ProjectProposed') throw new Error('not proposed');
    projectOf.set(p.id, e.projectId);
    fileIdOf.set(e.projectId, p.id);
  });
  w.tick(round.proposalsCloseAt);
  file.ballots.forEach((b, i) => {
    w.run(voters[i] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: b.projects.map((id) => projectOf.get(id) as string),
      // Ordinal ballots score by position (the files' points are the same: 3, 2, 1).
      ...(voteType === 'cumulative' && b.points ? { points: b.points } : {}),
    });
  });
  w.tick(round.votingCloseAt);
  const closed = w.events('BudgetRoundClosed')[0];
  if (!closed) throw new Error('the round did not close');
  return {
    funded: closed.selected.map((id) => fileIdOf.get(id) as string),
    official: officialSelection(file),
    closed,
    w,
  };
}

describe('Participatory budgets: real Pabulib instances run through a round reproduce the official selection', () => {
  for (const name of [
    'Netherlands_Assen_2024.pb',
    'Poland_Warszawa_2019_Grochow_Kinowa.pb',
    'Poland_Czestochowa_2024_Stare_Miasto.pb',
    'Poland_Krakow_2022_Stare_Miasto.pb',
    'Poland_Swiecie_2023.pb',
    'Poland_Wieliczka_2023_Green_Budget.pb',
  ])
    it(name, () => {
      const { funded, official, closed, w } = throughARound(name);
      expect([...funded].sort()).toEqual([...official].sort());
      expect(closed.cast).toBe(w.state.treasury.rounds.get(closed.roundId)?.rollSize);
      // Every funded project is now a spending authorisation of its cost.
      const authorised = [...w.state.treasury.authorisations.values()].reduce(
        (s, a) => s + a.amount,
        0,
      );
      expect(authorised).toBe(closed.spent);
    });
});
