import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DemocracyCommand, decide, evolve } from '../../src/democracy/index.js';
import { balanceOf } from '../../src/democracy/treasury-state.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { expectRecountClean } from './published-log.js';
import { authorise, books, income } from './treasury-world.js';

/**
 * The ledger under random sequences of treasury commands, checked against a slow,
 * obviously correct model of the rules (a table of balances and of what each
 * authorisation has left): the domain accepts exactly what the model accepts, with the
 * model's refusal otherwise, and after every step every entry balances, balances equal
 * the sums of the logged entries, no asset or liability is below zero, and every payment
 * is linked to an authorisation it stays within.
 */

type Type = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
const ACCOUNTS: Readonly<Record<string, Type>> = {
  cash: 'asset',
  bank: 'asset',
  loans: 'liability',
  income: 'income',
  opening: 'equity',
  expenses: 'expense',
  wages: 'expense',
};

/** Mostly valid choices, sometimes a wrong one: the rules are exercised both ways. */
const mostly = <T>(usual: readonly T[], rare: readonly T[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...usual) },
    { weight: 1, arbitrary: fc.constantFrom(...rare) },
  );
const treasurer = fc.oneof(
  { weight: 6, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const amount = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 30_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -3, 2.5) },
);
const step = fc.oneof(
  fc.record({
    kind: fc.constant('income' as const),
    treasurer,
    amount,
    account: mostly(['income', 'opening', 'loans'], ['expenses', 'cash']),
    into: mostly(['cash', 'bank'], ['income']),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    treasurer,
    amount,
    from: mostly(['cash', 'bank'], ['loans', 'income', 'expenses']),
    to: mostly(['cash', 'bank'], ['loans']),
  }),
  fc.record({
    kind: fc.constant('pay' as const),
    treasurer,
    amount,
    auth: fc.oneof({ weight: 6, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.constant(3) }),
    from: mostly(['cash', 'bank'], ['expenses']),
    account: mostly(['expenses', 'wages', 'loans', 'bank'], ['income', 'cash']),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** The model's verdict on a step: null (accepted) or the refusal's code, in the rules' order. */
function modelVerdict(
  s: Step,
  balance: Record<string, number>,
  remaining: (number | undefined)[],
): string | null {
  const positive = Number.isSafeInteger(s.amount) && s.amount > 0;
  const typeOf = (code: string) => ACCOUNTS[code] as Type;
  const after = (code: string, side: 'debit' | 'credit') => {
    const grows = typeOf(code) === 'asset' || typeOf(code) === 'expense' ? 'debit' : 'credit';
    return (balance[code] ?? 0) + (side === grows ? s.amount : -s.amount);
  };
  const goesNegative = (code: string, side: 'debit' | 'credit') =>
    (typeOf(code) === 'asset' || typeOf(code) === 'liability') && after(code, side) < 0;
  if (s.kind === 'income') {
    if (!s.treasurer) return 'NOT_TREASURER';
    if (!positive) return 'BAD_COMMAND';
    if (typeOf(s.into) !== 'asset') return 'LEDGER_ACCOUNT_TYPE';
    if (!['income', 'equity', 'liability'].includes(typeOf(s.account)))
      return 'LEDGER_ACCOUNT_TYPE';
    return null;
  }
  if (s.kind === 'transfer') {
    if (!s.treasurer) return 'NOT_TREASURER';
    if (!positive) return 'BAD_COMMAND';
    if (typeOf(s.from) !== 'asset' || typeOf(s.to) !== 'asset') return 'LEDGER_ACCOUNT_TYPE';
    if (s.from === s.to) return 'BAD_COMMAND';
    // Only into the account the ledger opened with, without a motion (issue 14).
    if (s.to !== 'cash') return 'TRANSFER_NEEDS_MOTION';
    if (goesNegative(s.from, 'credit')) return 'INSUFFICIENT_FUNDS';
    return null;
  }
  const left = remaining[s.auth];
  if (left === undefined) return 'AUTHORISATION_UNKNOWN';
  if (!s.treasurer) return 'NOT_TREASURER';
  if (!positive) return 'BAD_COMMAND';
  if (s.amount > left) return 'AUTHORISATION_EXCEEDED';
  if (typeOf(s.from) !== 'asset') return 'LEDGER_ACCOUNT_TYPE';
  if (!['expense', 'asset', 'liability'].includes(typeOf(s.account))) return 'LEDGER_ACCOUNT_TYPE';
  if (s.account === s.from) return 'BAD_COMMAND';
  // Debit first, then credit: the debited liability (a repayment) may not go below zero
  // either, but lines are checked in order, debit line first.
  if (goesNegative(s.account, 'debit') || goesNegative(s.from, 'credit'))
    return 'INSUFFICIENT_FUNDS';
  return null;
}

describe('Treasury: the ledger stays balanced under any sequence of commands (property)', () => {
  it('accepts exactly what the rules allow; balances equal the entries; no payment without or beyond its authorisation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(step, { minLength: 1, maxLength: 50 }),
        (amounts, steps) => {
          const b = books();
          const { w } = b;
          w.run(b.treasurer, {
            kind: 'AddLedgerAccount',
            councilId: b.docksId,
            code: 'bank',
            name: 'Bank',
            accountType: 'asset',
          });
          w.run(b.treasurer, {
            kind: 'AddLedgerAccount',
            councilId: b.docksId,
            code: 'loans',
            name: 'Loans',
            accountType: 'liability',
          });
          const ids = amounts.map((a) => authorise(b, a));
          income(b, 50_000);
          const balance: Record<string, number> = { cash: 50_000, income: 50_000 };
          const remaining: (number | undefined)[] = [...amounts, undefined];
          const authId = (i: number) => ids[i] ?? 'mo999';
          for (const s of steps) {
            const actor = s.treasurer ? b.treasurer : b.member;
            const command: DemocracyCommand =
              s.kind === 'income'
                ? {
                    kind: 'RecordIncome',
                    councilId: b.docksId,
                    amount: s.amount,
                    source: 'Dues',
                    account: s.account,
                    into: s.into,
                  }
                : s.kind === 'transfer'
                  ? {
                      kind: 'RecordTransfer',
                      councilId: b.docksId,
                      amount: s.amount,
                      from: s.from,
                      to: s.to,
                    }
                  : {
                      kind: 'MakePayment',
                      authorisationId: authId(s.auth),
                      amount: s.amount,
                      from: s.from,
                      account: s.account,
                    };
            const expected = modelVerdict(s, balance, remaining);
            let refusal: string | null = null;
            let events: ReturnType<typeof decide> = [];
            try {
              events = decide(w.state, command, {
                now: w.now,
                actor,
                seed: w.seed,
                entropy: w.entropy(),
              });
            } catch (error) {
              if (!(error instanceof SovietError)) throw error;
              refusal = error.code;
            }
            expect(refusal, JSON.stringify(s)).toBe(expected);
            for (const e of events) w.state = evolve(w.state, e);
            w.log.push(...events);
            if (expected === null) {
              const post = (code: string, side: 'debit' | 'credit') => {
                const grows =
                  ACCOUNTS[code] === 'asset' || ACCOUNTS[code] === 'expense' ? 'debit' : 'credit';
                balance[code] = (balance[code] ?? 0) + (side === grows ? s.amount : -s.amount);
              };
              if (s.kind === 'income') {
                post(s.into, 'debit');
                post(s.account, 'credit');
              }
              if (s.kind === 'transfer') {
                post(s.to, 'debit');
                post(s.from, 'credit');
              }
              if (s.kind === 'pay') {
                post(s.account, 'debit');
                post(s.from, 'credit');
                remaining[s.auth] = (remaining[s.auth] ?? 0) - s.amount;
              }
            }

            // Invariants, from the state and from the log independently.
            const ledger = w.state.treasury.ledgers.get(b.docksId);
            const accounts = [...(ledger?.accounts.values() ?? [])];
            expect(accounts.reduce((s, a) => s + a.debits, 0)).toBe(
              accounts.reduce((s, a) => s + a.credits, 0),
            );
            const fromLog: Record<string, { debits: number; credits: number }> = {};
            for (const e of w.log) {
              if (
                e.kind !== 'IncomeRecorded' &&
                e.kind !== 'TransferRecorded' &&
                e.kind !== 'PaymentMade'
              )
                continue;
              const debit = e.lines
                .filter((l) => l.side === 'debit')
                .reduce((x, l) => x + l.amount, 0);
              const credit = e.lines
                .filter((l) => l.side === 'credit')
                .reduce((x, l) => x + l.amount, 0);
              expect(debit).toBe(credit);
              for (const l of e.lines) {
                fromLog[l.account] ??= { debits: 0, credits: 0 };
                const t = fromLog[l.account] as { debits: number; credits: number };
                if (l.side === 'debit') t.debits += l.amount;
                else t.credits += l.amount;
              }
            }
            for (const a of accounts) {
              expect({ debits: a.debits, credits: a.credits }).toEqual(
                fromLog[a.code] ?? { debits: 0, credits: 0 },
              );
              expect(balanceOf(a)).toBe(balance[a.code] ?? 0);
              if (a.type === 'asset' || a.type === 'liability')
                expect(balanceOf(a)).toBeGreaterThanOrEqual(0);
            }
            const paidBy = new Map<string, number>();
            for (const e of w.events('PaymentMade')) {
              const auth = w.state.treasury.authorisations.get(e.authorisationId);
              expect(auth?.decision).toEqual(e.decision);
              paidBy.set(e.authorisationId, (paidBy.get(e.authorisationId) ?? 0) + e.amount);
            }
            for (const auth of w.state.treasury.authorisations.values()) {
              expect(auth.paid).toBe(paidBy.get(auth.id) ?? 0);
              expect(auth.paid).toBeLessThanOrEqual(auth.amount);
            }
          }
          w.expectReplayEqualsLive();
          // The recount (issue 14) re-decides every entry and payment in the published log.
          expectRecountClean(w.log);
        },
      ),
      { numRuns: 100 },
    );
  });
});
