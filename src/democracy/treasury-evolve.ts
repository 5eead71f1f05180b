import { roundElectorate } from './budget-rounds.js';
import type { BudgetEvent } from './events/budget-events.js';
import type { DemocracyEvent } from './events/index.js';
import type { SpendingAuthorised } from './events/motion-events.js';
import type { TreasuryEvent } from './events/treasury-events.js';
import { PMap } from './pmap.js';
import { type OrgState, type TimerKind, timerKey } from './state.js';
import type {
  Authorisation,
  EntryLine,
  Ledger,
  LedgerAccount,
  TreasuryCounters,
  TreasuryState,
} from './treasury-state.js';

/** The events whose effect is on the treasury's part of the state. */
export type TreasuryStateEvent = TreasuryEvent | BudgetEvent | SpendingAuthorised;

const KINDS: ReadonlySet<string> = new Set<TreasuryStateEvent['kind']>([
  'LedgerOpened',
  'LedgerAccountAdded',
  'IncomeRecorded',
  'TransferRecorded',
  'PaymentMade',
  'SpendingAuthorised',
  'BudgetRoundOpened',
  'ProjectProposed',
  'ProjectWithdrawn',
  'BudgetVotingOpened',
  'BudgetRoundLapsed',
  'BudgetBallotCast',
  'BudgetBallotsPublished',
  'BudgetRoundClosed',
]);

export function isTreasuryStateEvent(e: DemocracyEvent): e is TreasuryStateEvent {
  return KINDS.has(e.kind);
}

/**
 * `evolve` for the treasury and participatory budgets (evolve.ts delegates here). Pure;
 * O(log n) per entry touched, plus O(members of the subtree) when a round's roll is fixed.
 * Works without events' secrets (a public replay): a round then knows how many ballots
 * it holds, not whose they are, until they are published.
 */
export function evolveTreasury(s: OrgState, e: TreasuryStateEvent): OrgState {
  const t = s.treasury;
  const withT = (treasury: TreasuryState, st: OrgState = s): OrgState => ({ ...st, treasury });
  switch (e.kind) {
    case 'LedgerOpened': {
      const ledger: Ledger = {
        councilId: e.councilId,
        currency: e.currency,
        openedAt: e.at,
        accounts: PMap.of(
          e.accounts.map((a): [string, LedgerAccount] => [
            a.code,
            { code: a.code, name: a.name, type: a.type, debits: 0, credits: 0 },
          ]),
        ),
        entries: 0,
      };
      return withT({ ...t, ledgers: t.ledgers.set(e.councilId, ledger) });
    }
    case 'LedgerAccountAdded':
      return withT({
        ...t,
        ledgers: t.ledgers.update(e.councilId, (l) => ({
          ...l,
          accounts: l.accounts.set(e.code, {
            code: e.code,
            name: e.name,
            type: e.accountType,
            debits: 0,
            credits: 0,
          }),
        })),
      });
    case 'IncomeRecorded':
    case 'TransferRecorded':
      return withT({ ...bump(t, 'entry'), ledgers: post(t.ledgers, e.councilId, e.lines) });
    case 'PaymentMade': {
      let wages = t.wages;
      if (e.wage) {
        const key = `${e.wage.memberId}|${e.wage.month}|${e.currency}`;
        wages = wages.set(key, (wages.get(key) ?? 0) + e.amount);
      }
      return withT({
        ...bump(t, 'entry'),
        ledgers: post(t.ledgers, e.councilId, e.lines),
        authorisations: t.authorisations.update(e.authorisationId, (a) => ({
          ...a,
          paid: a.paid + e.amount,
        })),
        wages,
      });
    }
    case 'SpendingAuthorised':
      return withT({
        ...t,
        authorisations: t.authorisations.set(e.motionId, {
          id: e.motionId,
          councilId: e.councilId,
          decision: { kind: 'motion', motionId: e.motionId },
          amount: e.amount,
          currency: e.currency,
          payee: e.payee,
          purpose: e.purpose ?? '',
          mandateId: e.mandateId ?? null,
          payeeMemberId: e.payeeMemberId ?? null,
          paid: 0,
          authorisedAt: e.at,
        }),
      });

    case 'BudgetRoundOpened': {
      const st = addTimer(s, e.proposalsCloseAt, 'round-proposals', e.roundId);
      return withT(
        {
          ...bump(t, 'round'),
          rounds: t.rounds.set(e.roundId, {
            id: e.roundId,
            councilId: e.councilId,
            motionId: e.motionId,
            title: e.title,
            budget: e.budget,
            currency: e.currency,
            scale: e.scale,
            voteType: e.voteType,
            rule: e.rule,
            points: e.points,
            maxChoices: e.maxChoices,
            minScore: e.minScore,
            openedAt: e.at,
            proposalsCloseAt: e.proposalsCloseAt,
            votingCloseAt: e.votingCloseAt,
            phase: 'proposals',
            projectIds: [],
            ballotProjects: [],
            roll: PMap.empty(),
            rollSize: 0,
            cast: 0,
            voted: PMap.empty(),
            sealed: PMap.empty(),
            published: [],
            selected: null,
            spent: null,
          }),
        },
        st,
      );
    }
    case 'ProjectProposed':
      return withT({
        ...bump(t, 'project'),
        projects: t.projects.set(e.projectId, {
          id: e.projectId,
          roundId: e.roundId,
          proposedBy: e.by,
          title: e.title,
          description: e.description,
          cost: e.cost,
          payee: e.payee,
          proposedAt: e.at,
          withdrawn: false,
        }),
        rounds: t.rounds.update(e.roundId, (r) => ({
          ...r,
          projectIds: [...r.projectIds, e.projectId],
        })),
      });
    case 'ProjectWithdrawn':
      return withT({
        ...t,
        projects: t.projects.update(e.projectId, (p) => ({ ...p, withdrawn: true })),
      });
    case 'BudgetVotingOpened': {
      const round = t.rounds.get(e.roundId);
      if (!round) return s;
      let st = removeTimer(s, round.proposalsCloseAt, 'round-proposals', round.id);
      st = addTimer(st, round.votingCloseAt, 'round-voting', round.id);
      const roll = roundElectorate(s, round.councilId);
      return withT(
        {
          ...t,
          rounds: t.rounds.set(round.id, {
            ...round,
            phase: 'voting',
            ballotProjects: e.projects,
            roll,
            rollSize: e.rollSize,
          }),
        },
        st,
      );
    }
    case 'BudgetRoundLapsed': {
      const round = t.rounds.get(e.roundId);
      if (!round) return s;
      const st = removeTimer(s, round.proposalsCloseAt, 'round-proposals', round.id);
      return withT({ ...t, rounds: t.rounds.set(round.id, { ...round, phase: 'lapsed' }) }, st);
    }
    case 'BudgetBallotCast':
      return withT({
        ...t,
        rounds: t.rounds.update(e.roundId, (r) =>
          e.secret
            ? {
                ...r,
                cast: e.cast,
                voted: r.voted.set(e.secret.voterId, true),
                sealed: r.sealed.set(e.secret.receipt, e.secret.ballot),
              }
            : { ...r, cast: e.cast },
        ),
      });
    case 'BudgetBallotsPublished':
      return withT({
        ...t,
        rounds: t.rounds.update(e.roundId, (r) => ({
          ...r,
          published: [...r.published, ...e.ballots],
        })),
      });
    case 'BudgetRoundClosed': {
      const round = t.rounds.get(e.roundId);
      if (!round) return s;
      const st = removeTimer(s, round.votingCloseAt, 'round-voting', round.id);
      let authorisations = t.authorisations;
      for (const projectId of e.selected) {
        const p = t.projects.get(projectId);
        if (!p) continue;
        const a: Authorisation = {
          id: p.id,
          councilId: round.councilId,
          decision: { kind: 'budget', roundId: round.id, projectId: p.id },
          amount: p.cost,
          currency: round.currency,
          payee: p.payee,
          purpose: p.title,
          mandateId: null,
          payeeMemberId: null,
          paid: 0,
          authorisedAt: e.at,
        };
        authorisations = authorisations.set(p.id, a);
      }
      return withT(
        {
          ...t,
          authorisations,
          rounds: t.rounds.set(round.id, {
            ...round,
            phase: 'closed',
            selected: e.selected,
            spent: e.spent,
          }),
        },
        st,
      );
    }
    default: {
      const unknown: never = e;
      throw new Error(`evolveTreasury: unknown event ${(unknown as { kind: string }).kind}`);
    }
  }
}

function bump(t: TreasuryState, kind: keyof TreasuryCounters): TreasuryState {
  return { ...t, counters: { ...t.counters, [kind]: t.counters[kind] + 1 } };
}

/** Posts an entry's lines to the ledger's account totals. */
function post(ledgers: PMap<Ledger>, councilId: string, lines: readonly EntryLine[]): PMap<Ledger> {
  return ledgers.update(councilId, (l) => {
    let accounts = l.accounts;
    for (const line of lines)
      accounts = accounts.update(line.account, (a) =>
        line.side === 'debit'
          ? { ...a, debits: a.debits + line.amount }
          : { ...a, credits: a.credits + line.amount },
      );
    return { ...l, accounts, entries: l.entries + 1 };
  });
}

function addTimer(s: OrgState, at: number, kind: TimerKind, ref: string): OrgState {
  return { ...s, timers: s.timers.set(timerKey(at, kind, ref), { at, kind, ref }) };
}

function removeTimer(s: OrgState, at: number, kind: TimerKind, ref: string): OrgState {
  return { ...s, timers: s.timers.delete(timerKey(at, kind, ref)) };
}
