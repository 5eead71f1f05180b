import { formatMoney, isCurrency } from './currency.js';
import { democracyError } from './errors.js';
import type { MotionBody } from './motion-body.js';
import { activeMember, officeKey, sittingMandates } from './queries.js';
import type { Council, OrgState } from './state.js';
import type { TreasuryCommand } from './treasury-commands.js';
import {
  ACCOUNT_TYPES,
  type AccountType,
  type Authorisation,
  balanceOf,
  type EntryLine,
  type Ledger,
  type LedgerAccount,
  type LedgerAccountSpec,
  remainingOf,
  TREASURY_ID_PREFIX,
  type TreasuryCounters,
  wageKey,
} from './treasury-state.js';
import type { Tx } from './tx.js';

/**
 * The treasury (RULES.md, "Treasury and distribution"): each council keeps a
 * double-entry ledger (the organisation's own is its congress's), open to every member
 * (every entry is an event on the log). Its elected treasurer records income and
 * transfers; money leaves it only as a payment under an authorisation that a passed
 * spending motion or an adopted participatory budget created, never beyond what that
 * authorised, and office pay never beyond the constitution's `wageCap`.
 */

type Cmd<K extends TreasuryCommand['kind']> = Extract<TreasuryCommand, { kind: K }>;

/** The office whose holder keeps a council's books (founding.ts DEFAULT_OFFICES). */
export const TREASURER_OFFICE = 'treasurer';

/** The chart of accounts a ledger opens with; the treasurer may add more. */
export const DEFAULT_ACCOUNTS: readonly LedgerAccountSpec[] = [
  { code: 'cash', name: 'Cash and bank', type: 'asset' },
  { code: 'income', name: 'Dues and donations', type: 'income' },
  { code: 'opening', name: 'Opening balance', type: 'equity' },
  { code: 'expenses', name: 'Payments under decisions', type: 'expense' },
  { code: 'wages', name: 'Office pay', type: 'expense' },
];

/** The largest single amount (minor units): far below 2^53, so sums stay exact. */
export const MAX_AMOUNT = 1_000_000_000_000_000;
const MAX_ACCOUNTS = 100;
const ACCOUNT_CODE = /^[a-z][a-z0-9-]{0,39}$/;

/** The member who holds the council's treasurer office now, or null (vacant, or no such office). */
export function treasurerOf(state: OrgState, councilId: string): string | null {
  const group = state.groups.get(officeKey(councilId, TREASURER_OFFICE));
  for (const mandateId of group?.sitting ?? []) {
    const holder = state.mandates.get(mandateId)?.holderId;
    if (holder !== undefined) return holder;
  }
  return null;
}

/** The id the next treasury entity of `kind` will get (the treasury evolve advances it). */
export function nextTreasuryId(state: OrgState, kind: keyof TreasuryCounters): string {
  return `${TREASURY_ID_PREFIX[kind]}${state.treasury.counters[kind] + 1}`;
}

function liveCouncil(tx: Tx, councilId: string): Council {
  const c = tx.state.councils.get(councilId);
  if (!c) throw democracyError('COUNCIL_UNKNOWN', { councilId });
  if (c.dissolvedAt !== null) throw democracyError('COUNCIL_DISSOLVED', { councilId });
  return c;
}

/** Refuses anyone but the council's sitting treasurer (RULES.md: every power from an election). */
function requireTreasurer(tx: Tx, councilId: string, action: string): Council {
  tx.member();
  const council = liveCouncil(tx, councilId);
  if (treasurerOf(tx.state, council.id) !== tx.ctx.actor)
    throw democracyError('NOT_TREASURER', { councilId: council.id, action });
  return council;
}

function ledgerOf(tx: Tx, councilId: string): Ledger {
  const ledger = tx.state.treasury.ledgers.get(councilId);
  if (!ledger) throw democracyError('LEDGER_NOT_OPEN', { councilId });
  return ledger;
}

/** A positive whole number of minor units, at most MAX_AMOUNT. */
export function checkAmount(value: unknown, what = 'the amount'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0 || value > MAX_AMOUNT)
    throw democracyError('BAD_COMMAND', {
      reason: `${what} must be a positive whole number of minor units (cents), at most 10^15`,
    });
  return value;
}

/** Trimmed text of `min` to `max` characters. */
export function checkText(value: unknown, what: string, min: number, max: number): string {
  const text =
    value === undefined && min === 0 ? '' : typeof value === 'string' ? value.trim() : null;
  if (text === null || text.length < min || text.length > max)
    throw democracyError('BAD_COMMAND', {
      reason: `${what} must have ${min} to ${max.toLocaleString('en')} characters`,
    });
  return text;
}

function accountOf(
  ledger: Ledger,
  code: unknown,
  allowed: readonly AccountType[],
  needed: string,
): LedgerAccount {
  const account = typeof code === 'string' ? ledger.accounts.get(code) : undefined;
  if (!account)
    throw democracyError('LEDGER_ACCOUNT_UNKNOWN', {
      councilId: ledger.councilId,
      account: String(code),
    });
  if (!allowed.includes(account.type))
    throw democracyError('LEDGER_ACCOUNT_TYPE', {
      account: account.code,
      type: account.type,
      needed,
    });
  return account;
}

/**
 * Checks that an entry can be posted: its lines balance (a bug otherwise), every total
 * stays an exact integer, and no asset or liability account goes below zero (money that
 * is not there cannot leave it; more cannot be repaid than is owed).
 */
function checkPosting(ledger: Ledger, lines: readonly EntryLine[]): void {
  let debit = 0;
  let credit = 0;
  for (const line of lines) {
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
    const account = ledger.accounts.get(line.account) as LedgerAccount;
    const after = {
      type: account.type,
      debits: account.debits + (line.side === 'debit' ? line.amount : 0),
      credits: account.credits + (line.side === 'credit' ? line.amount : 0),
    };
    if (!Number.isSafeInteger(after.debits) || !Number.isSafeInteger(after.credits))
      throw democracyError('AMOUNT_TOO_LARGE', { councilId: ledger.councilId });
    if ((account.type === 'asset' || account.type === 'liability') && balanceOf(after) < 0)
      throw democracyError('INSUFFICIENT_FUNDS', {
        account: account.code,
        balance: formatMoney(balanceOf(account), ledger.currency),
        amount: formatMoney(line.amount, ledger.currency),
      });
  }
  if (debit !== credit) throw new Error('an unbalanced ledger entry (a bug in the treasury)');
}

/** The council's treasurer opens its ledger in one currency (ISO 4217). */
export function openLedger(tx: Tx, cmd: Cmd<'OpenLedger'>): void {
  const council = requireTreasurer(tx, cmd.councilId, 'open its ledger');
  const existing = tx.state.treasury.ledgers.get(council.id);
  if (existing)
    throw democracyError('LEDGER_ALREADY_OPEN', {
      councilId: council.id,
      currency: existing.currency,
    });
  if (!isCurrency(cmd.currency))
    throw democracyError('BAD_COMMAND', {
      reason: 'the currency must be an ISO 4217 code such as EUR',
    });
  tx.emit({
    kind: 'LedgerOpened',
    at: tx.now,
    by: tx.ctx.actor,
    councilId: council.id,
    currency: cmd.currency,
    accounts: DEFAULT_ACCOUNTS,
  });
}

export function addLedgerAccount(tx: Tx, cmd: Cmd<'AddLedgerAccount'>): void {
  const council = requireTreasurer(tx, cmd.councilId, 'add accounts to its ledger');
  const ledger = ledgerOf(tx, council.id);
  if (typeof cmd.code !== 'string' || !ACCOUNT_CODE.test(cmd.code))
    throw democracyError('BAD_COMMAND', {
      reason: 'an account code has 1 to 40 lowercase letters, digits and dashes',
    });
  const name = checkText(cmd.name, 'an account name', 1, 100);
  if (!ACCOUNT_TYPES.includes(cmd.accountType))
    throw democracyError('BAD_COMMAND', {
      reason: `the account type must be one of ${ACCOUNT_TYPES.join(', ')}`,
    });
  if (ledger.accounts.has(cmd.code))
    throw democracyError('LEDGER_ACCOUNT_EXISTS', { councilId: council.id, account: cmd.code });
  if (ledger.accounts.size >= MAX_ACCOUNTS)
    throw democracyError('BAD_COMMAND', {
      reason: `a ledger has at most ${MAX_ACCOUNTS} accounts`,
    });
  tx.emit({
    kind: 'LedgerAccountAdded',
    at: tx.now,
    by: tx.ctx.actor,
    councilId: council.id,
    code: cmd.code,
    name,
    accountType: cmd.accountType,
  });
}

/** Money received: debit an asset account, credit an income (or equity, liability) account. */
export function recordIncome(tx: Tx, cmd: Cmd<'RecordIncome'>): void {
  const council = requireTreasurer(tx, cmd.councilId, 'record income');
  const ledger = ledgerOf(tx, council.id);
  const amount = checkAmount(cmd.amount);
  const source = checkText(cmd.source, 'the source of the money', 1, 200);
  const memo = checkText(cmd.memo, 'a memo', 0, 2000);
  const into = accountOf(
    ledger,
    cmd.into ?? 'cash',
    ['asset'],
    'money is received into an asset account',
  );
  const from = accountOf(
    ledger,
    cmd.account ?? 'income',
    ['income', 'equity', 'liability'],
    'income is credited to an income, equity or liability account',
  );
  const lines: EntryLine[] = [
    { account: into.code, side: 'debit', amount },
    { account: from.code, side: 'credit', amount },
  ];
  checkPosting(ledger, lines);
  tx.emit({
    kind: 'IncomeRecorded',
    at: tx.now,
    by: tx.ctx.actor,
    entryId: nextTreasuryId(tx.state, 'entry'),
    councilId: council.id,
    amount,
    currency: ledger.currency,
    source,
    memo,
    lines,
  });
}

/**
 * Money moved between two asset accounts (from the bank to the till), without a motion
 * only into an account the ledger opened with (`cash`).
 */
export function recordTransfer(tx: Tx, cmd: Cmd<'RecordTransfer'>): void {
  const council = requireTreasurer(tx, cmd.councilId, 'record transfers');
  const ledger = ledgerOf(tx, council.id);
  const amount = checkAmount(cmd.amount);
  const memo = checkText(cmd.memo, 'a memo', 0, 2000);
  const needed = 'a transfer moves money between asset accounts';
  const from = accountOf(ledger, cmd.from, ['asset'], needed);
  const to = accountOf(ledger, cmd.to, ['asset'], needed);
  if (from.code === to.code)
    throw democracyError('BAD_COMMAND', { reason: 'a transfer needs two different accounts' });
  // Issue 14: otherwise the treasurer could open an account of their own and move the
  // money there without any decision.
  if (!DEFAULT_ACCOUNTS.some((a) => a.code === to.code))
    throw democracyError('TRANSFER_NEEDS_MOTION', { account: to.code });
  const lines: EntryLine[] = [
    { account: to.code, side: 'debit', amount },
    { account: from.code, side: 'credit', amount },
  ];
  checkPosting(ledger, lines);
  tx.emit({
    kind: 'TransferRecorded',
    at: tx.now,
    by: tx.ctx.actor,
    entryId: nextTreasuryId(tx.state, 'entry'),
    councilId: council.id,
    amount,
    currency: ledger.currency,
    memo,
    lines,
  });
}

/**
 * RULES.md, "No payment to a mandate holder for their office may exceed wageCap", as
 * issue 14 closes it: the cap applies to every payment to a person who holds a mandate
 * when it is made, whatever the motion calls it. Office pay (the authorisation names a
 * mandate) needs that mandate still sitting (a mandate that ended is paid no more); a
 * payment to a member (`payeeMemberId`) is capped while they hold any mandate. The pay of
 * a member in this calendar month (UTC), across every authorisation, stays within the
 * cap, which must be set, in this currency. Null: not a payment to a mandate holder.
 */
function checkWage(tx: Tx, auth: Authorisation, amount: number, currency: string) {
  let holder: { memberId: string; mandateId: string } | null = null;
  if (auth.mandateId !== null) {
    const mandate = tx.state.mandates.get(auth.mandateId);
    if (!mandate || mandate.endedAt !== null)
      throw democracyError('MANDATE_NOT_SITTING', { mandateId: auth.mandateId });
    holder = { memberId: mandate.holderId, mandateId: mandate.id };
  } else if (auth.payeeMemberId !== null) {
    const [sitting] = sittingMandates(tx.state, auth.payeeMemberId);
    if (sitting) holder = { memberId: auth.payeeMemberId, mandateId: sitting.id };
  }
  if (!holder) return null;
  const c = tx.state.constitution;
  // An organisation founded before the parameter existed has none: not set.
  const cap = c.wageCap ?? 0;
  if (!(cap > 0)) throw democracyError('WAGE_CAP_NOT_SET');
  if (c.wageCapCurrency !== currency)
    throw democracyError('WAGE_CAP_CURRENCY', { capCurrency: c.wageCapCurrency, currency });
  const key = wageKey(holder.memberId, tx.now, currency);
  const paid = tx.state.treasury.wages.get(key) ?? 0;
  if (paid + amount > cap)
    throw democracyError('WAGE_CAP_EXCEEDED', {
      memberId: holder.memberId,
      paid: formatMoney(paid, currency),
      amount: formatMoney(amount, currency),
      cap: formatMoney(cap, currency),
    });
  return { ...holder, month: key.split('|')[1] as string };
}

/**
 * A payment under an authorisation (RULES.md: money leaves only under a passed spending
 * motion or an adopted participatory budget), by the treasurer of the council whose
 * authorisation it is, from that council's ledger, in its currency, never beyond what
 * the authorisation has left nor beyond what the paying account holds. The entry names
 * the authorisation and the decision behind it.
 */
export function makePayment(tx: Tx, cmd: Cmd<'MakePayment'>): void {
  tx.member();
  const auth =
    typeof cmd.authorisationId === 'string'
      ? tx.state.treasury.authorisations.get(cmd.authorisationId)
      : undefined;
  if (!auth)
    throw democracyError('AUTHORISATION_UNKNOWN', {
      authorisationId: String(cmd.authorisationId),
    });
  const council = requireTreasurer(tx, auth.councilId, 'make payments');
  const ledger = ledgerOf(tx, council.id);
  if (auth.currency !== ledger.currency)
    throw democracyError('CURRENCY_MISMATCH', {
      currency: auth.currency,
      councilId: council.id,
      ledgerCurrency: ledger.currency,
    });
  const amount = checkAmount(cmd.amount);
  const memo = checkText(cmd.memo, 'a memo', 0, 2000);
  if (amount > remainingOf(auth))
    throw democracyError('AUTHORISATION_EXCEEDED', {
      authorisationId: auth.id,
      remaining: formatMoney(remainingOf(auth), auth.currency),
      amount: formatMoney(amount, auth.currency),
    });
  const from = accountOf(
    ledger,
    cmd.from ?? 'cash',
    ['asset'],
    'payments are made from an asset account',
  );
  const wage = checkWage(tx, auth, amount, ledger.currency);
  const office = auth.mandateId !== null;
  const to = accountOf(
    ledger,
    cmd.account ?? (office ? 'wages' : 'expenses'),
    office ? ['expense'] : ['expense', 'asset', 'liability'],
    office
      ? 'office pay is debited to an expense account'
      : 'a payment is debited to an expense, asset or liability account',
  );
  if (to.code === from.code)
    throw democracyError('BAD_COMMAND', { reason: 'a payment needs two different accounts' });
  const lines: EntryLine[] = [
    { account: to.code, side: 'debit', amount },
    { account: from.code, side: 'credit', amount },
  ];
  checkPosting(ledger, lines);
  tx.emit({
    kind: 'PaymentMade',
    at: tx.now,
    by: tx.ctx.actor,
    entryId: nextTreasuryId(tx.state, 'entry'),
    councilId: council.id,
    authorisationId: auth.id,
    decision: auth.decision,
    payee: auth.payee,
    amount,
    currency: ledger.currency,
    memo,
    lines,
    wage,
  });
}

/**
 * Why a spending motion cannot be proposed (or take effect) in `council`, beyond its
 * amount, currency and payee (motions.ts): a purpose of at most 2,000 characters; office
 * pay only for a sitting mandate of this council (one of its offices, or a delegate it
 * elects); and, once the council keeps a ledger, its currency.
 */
export function spendingProblem(
  state: OrgState,
  council: Council,
  body: Extract<MotionBody, { kind: 'spending' }>,
): string | null {
  if (
    body.purpose !== undefined &&
    (typeof body.purpose !== 'string' || body.purpose.length > 2000)
  )
    return 'the purpose has at most 2,000 characters';
  if (body.mandateId !== undefined) {
    const mandate =
      typeof body.mandateId === 'string' ? state.mandates.get(body.mandateId) : undefined;
    const group = mandate && state.groups.get(mandate.groupKey);
    if (!mandate || !group || mandate.endedAt !== null)
      return `${String(body.mandateId)} is not a sitting mandate`;
    if (group.seatCouncilId !== council.id && group.electingCouncilId !== council.id)
      return `the mandate ${mandate.id} is neither an office of this council nor a delegate it elects`;
    if (activeMember(state, mandate.holderId) === undefined)
      return `the holder of ${mandate.id} is no longer a member`;
  }
  if (
    body.payeeMemberId !== undefined &&
    (typeof body.payeeMemberId !== 'string' ||
      activeMember(state, body.payeeMemberId) === undefined)
  )
    return `${String(body.payeeMemberId)} is not a member`;
  return currencyProblem(state, council.id, body.currency);
}

/** Once a council keeps a ledger, what it decides to spend is in the ledger's currency. */
export function currencyProblem(
  state: OrgState,
  councilId: string,
  currency: string,
): string | null {
  const ledger = state.treasury.ledgers.get(councilId);
  if (ledger && ledger.currency !== currency)
    return `the council's ledger is kept in ${ledger.currency}, not ${currency}`;
  return null;
}
