import { describe, expect, it } from 'vitest';
import { formatAmount, minorUnitDigits } from '../../src/democracy/currency.js';
import { publicPart } from '../../src/democracy/index.js';
import { ledgerCsv, ledgerEntriesOf } from '../../src/democracy/ledger-csv.js';
import { authorise, balances, books, income, pay, yesFrom } from './treasury-world.js';
import { DAY, electMany, passMotion, TREE, World } from './world.js';

describe('Treasury: a double-entry ledger per council, kept by its elected treasurer', () => {
  it('only the sitting treasurer opens the ledger and records income and transfers', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const docksId = w.councilId('Docks');
    // Nobody is treasurer yet: not even the founder may open the books.
    w.refuse(founder, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' }, 'NOT_TREASURER');

    const b = books();
    const { treasurer, member } = b;
    expect(b.w.state.treasury.ledgers.get(b.docksId)?.currency).toBe('EUR');
    b.w.refuse(
      member,
      { kind: 'OpenLedger', councilId: b.docksId, currency: 'EUR' },
      'NOT_TREASURER',
    );
    b.w.refuse(
      treasurer,
      { kind: 'OpenLedger', councilId: b.docksId, currency: 'USD' },
      'LEDGER_ALREADY_OPEN',
    );
    const incomeCmd = {
      kind: 'RecordIncome' as const,
      councilId: b.docksId,
      amount: 50_000,
      source: 'Dues, January',
    };
    b.w.refuse(member, incomeCmd, 'NOT_TREASURER');
    b.w.refuse('outsider', incomeCmd, 'NOT_A_MEMBER');
    // The Docks treasurer keeps no other council's books, and Mill has no treasurer.
    const millId = b.w.councilId('Mill');
    b.w.refuse(treasurer, { ...incomeCmd, councilId: millId }, 'NOT_TREASURER');
    b.w.run(treasurer, incomeCmd);
    expect(balances(b.w, b.docksId)).toMatchObject({ cash: 50_000, income: 50_000 });

    b.w.refuse(
      member,
      {
        kind: 'AddLedgerAccount',
        councilId: b.docksId,
        code: 'bank',
        name: 'Bank',
        accountType: 'asset',
      },
      'NOT_TREASURER',
    );
    b.w.run(treasurer, {
      kind: 'AddLedgerAccount',
      councilId: b.docksId,
      code: 'bank',
      name: 'Bank account',
      accountType: 'asset',
    });
    // Into the new account only under a motion (issue 14); income may go straight in.
    b.w.refuse(
      treasurer,
      { kind: 'RecordTransfer', councilId: b.docksId, amount: 1, from: 'cash', to: 'bank' },
      'TRANSFER_NEEDS_MOTION',
    );
    b.w.run(treasurer, { ...incomeCmd, amount: 20_000, into: 'bank' });
    const transfer = {
      kind: 'RecordTransfer' as const,
      councilId: b.docksId,
      amount: 5_000,
      from: 'bank',
      to: 'cash',
      memo: 'To the till',
    };
    b.w.refuse(member, transfer, 'NOT_TREASURER');
    b.w.run(treasurer, transfer);
    expect(balances(b.w, b.docksId)).toMatchObject({ cash: 55_000, bank: 15_000, income: 70_000 });
    // Money that is not there cannot be moved.
    b.w.refuse(treasurer, { ...transfer, amount: 15_001 }, 'INSUFFICIENT_FUNDS');
    b.w.refuse(treasurer, { ...transfer, to: 'income' }, 'LEDGER_ACCOUNT_TYPE');
    b.w.refuse(treasurer, { ...transfer, to: 'vault' }, 'LEDGER_ACCOUNT_UNKNOWN');
    b.w.refuse(treasurer, { ...transfer, from: 'cash' }, 'BAD_COMMAND');
    for (const amount of [0, -5, 1.5, Number.NaN, 2 ** 60])
      b.w.refuse(treasurer, { ...incomeCmd, amount }, 'BAD_COMMAND');
    b.w.refuse(treasurer, { ...incomeCmd, account: 'expenses' }, 'LEDGER_ACCOUNT_TYPE');
    b.w.refuse(treasurer, { ...incomeCmd, source: '  ' }, 'BAD_COMMAND');

    // The power ends with the mandate: a treasurer who resigns keeps no books.
    const mandate = b.w.sittingMandate(`o:${b.docksId}:treasurer`, treasurer);
    b.w.run(treasurer, { kind: 'ResignMandate', mandateId: mandate.id });
    b.w.refuse(treasurer, incomeCmd, 'NOT_TREASURER');
    b.w.expectReplayEqualsLive();
  });

  it('every entry is an event with balanced lines; balances are the sums of the entries', () => {
    const b = books();
    income(b, 80_000);
    b.w.run(b.treasurer, {
      kind: 'RecordIncome',
      councilId: b.docksId,
      amount: 5_000,
      source: 'Opening cash box',
      account: 'opening',
    });
    const id = authorise(b, 30_000);
    b.w.run(b.treasurer, pay(b, id, 12_345));
    const entries = b.w.log.filter(
      (e) =>
        e.kind === 'IncomeRecorded' || e.kind === 'TransferRecorded' || e.kind === 'PaymentMade',
    );
    expect(entries).toHaveLength(3);
    const sums: Record<string, number> = {};
    for (const e of entries) {
      if (!('lines' in e)) continue;
      const debit = e.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
      const credit = e.lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
      expect(debit).toBe(credit);
      for (const l of e.lines)
        sums[l.account] = (sums[l.account] ?? 0) + (l.side === 'debit' ? l.amount : -l.amount);
    }
    expect(sums).toEqual({
      cash: 85_000 - 12_345,
      income: -80_000,
      opening: -5_000,
      expenses: 12_345,
    });
    expect(balances(b.w, b.docksId)).toMatchObject({
      cash: 72_655,
      income: 80_000,
      opening: 5_000,
      expenses: 12_345,
      wages: 0,
    });
  });
});

describe('Treasury: money leaves only under a passed spending motion or an adopted budget, never beyond what it authorised', () => {
  it('refuses a payment without an authorisation, beyond it, beyond the funds, or by anyone but the treasurer', () => {
    const b = books();
    income(b, 100_000);
    b.w.refuse(b.treasurer, pay(b, 'mo99', 100), 'AUTHORISATION_UNKNOWN');
    // A spending motion that failed authorises nothing.
    const failed = passMotion(b.w, {
      proposer: b.docks[3] as string,
      seconder: b.docks[4] as string,
      councilId: b.docksId,
      body: { kind: 'spending', amount: 5_000, currency: 'EUR', payee: 'Caterer' },
      votes: {
        [b.docks[3] as string]: 'yes',
        ...Object.fromEntries(b.docks.slice(4).map((v) => [v, 'no'])),
      },
    });
    expect(b.w.state.motions.get(failed)?.phase).toBe('failed');
    b.w.refuse(b.treasurer, pay(b, failed, 100), 'AUTHORISATION_UNKNOWN');

    const id = authorise(b, 12_000, { purpose: 'Leaflets for the strike' });
    expect(b.w.state.treasury.authorisations.get(id)).toMatchObject({
      amount: 12_000,
      paid: 0,
      payee: 'Print shop',
      purpose: 'Leaflets for the strike',
      decision: { kind: 'motion', motionId: id },
    });
    b.w.refuse(b.member, pay(b, id, 5_000), 'NOT_TREASURER');
    b.w.run(b.treasurer, pay(b, id, 5_000));
    b.w.refuse(b.treasurer, pay(b, id, 7_001), 'AUTHORISATION_EXCEEDED');
    b.w.run(b.treasurer, { ...pay(b, id, 7_000), memo: 'Second instalment' } as never);
    b.w.refuse(b.treasurer, pay(b, id, 1), 'AUTHORISATION_EXCEEDED');
    expect(b.w.state.treasury.authorisations.get(id)?.paid).toBe(12_000);
    // Every payment names its authorisation and the decision behind it.
    const payments = b.w.events('PaymentMade');
    expect(payments.map((p) => [p.authorisationId, p.decision, p.amount, p.payee])).toEqual([
      [id, { kind: 'motion', motionId: id }, 5_000, 'Print shop'],
      [id, { kind: 'motion', motionId: id }, 7_000, 'Print shop'],
    ]);

    const big = authorise(b, 500_000);
    b.w.refuse(b.treasurer, pay(b, big, 100_000), 'INSUFFICIENT_FUNDS');
    b.w.run(b.treasurer, pay(b, big, 88_000));
    expect(balances(b.w, b.docksId).cash).toBe(0);
    b.w.refuse(b.treasurer, pay(b, big, 1), 'INSUFFICIENT_FUNDS');
    b.w.expectReplayEqualsLive();
  });

  it('spends in the ledger’s currency only, and only from the council whose motion passed', () => {
    const b = books();
    income(b, 10_000);
    b.w.refuse(
      b.docks[3] as string,
      {
        kind: 'ProposeMotion',
        councilId: b.docksId,
        title: 'Dollars',
        text: 'Pay in dollars.',
        body: { kind: 'spending', amount: 100, currency: 'USD', payee: 'X' },
      },
      'MOTION_NOT_ALLOWED',
    );
    // A motion that passed before the ledger opened in another currency cannot be paid from it.
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const docks = [founder, ...w.populate(founder, 9, 'Docker')];
    const docksId = w.councilId('Docks');
    electMany(w, [
      { groupKey: `o:${docksId}:treasurer`, candidates: [docks[1] as string], voters: docks },
    ]);
    const early = passMotion(w, {
      proposer: docks[3] as string,
      seconder: docks[4] as string,
      councilId: docksId,
      body: { kind: 'spending', amount: 100, currency: 'USD', payee: 'X' },
      votes: yesFrom(docks),
    });
    w.run(docks[1] as string, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' });
    w.run(docks[1] as string, {
      kind: 'RecordIncome',
      councilId: docksId,
      amount: 500,
      source: 'Dues',
    });
    w.refuse(
      docks[1] as string,
      { kind: 'MakePayment', authorisationId: early, amount: 100 },
      'CURRENCY_MISMATCH',
    );
  });
});

/**
 * The federation of TREE: Docks (10), Mill (10) and Depot (3) with their delegates, North's
 * and South's delegates to the congress (`docks[1]` and `depot[0]`), and Docks' treasurer
 * (`docks[4]`), whose ledger is open in EUR with 2,000,000 cents in cash.
 */
function federation() {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const docks = [founder, ...w.populate(founder, 9, 'Docker')];
  const mill = w.seedCouncil(founder, 'Mill', 10);
  const depot = w.seedCouncil(founder, 'Depot', 3);
  const [docksId, millId, depotId, northId, southId] = [
    'Docks',
    'Mill',
    'Depot',
    'North',
    'South',
  ].map((n) => w.councilId(n)) as [string, string, string, string, string];
  const d1 = docks[1] as string;
  const s0 = depot[0] as string;
  electMany(w, [
    { groupKey: `d:${docksId}`, candidates: [d1], voters: docks },
    { groupKey: `d:${millId}`, candidates: [mill[1] as string], voters: mill },
    { groupKey: `d:${depotId}`, candidates: [s0], voters: depot },
    { groupKey: `o:${docksId}:treasurer`, candidates: [docks[4] as string], voters: docks },
  ]);
  electMany(w, [
    { groupKey: `d:${northId}`, candidates: [d1], voters: [d1, mill[1] as string] },
    { groupKey: `d:${southId}`, candidates: [s0], voters: [s0] },
  ]);
  const treasurer = docks[4] as string;
  w.run(treasurer, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' });
  w.run(treasurer, { kind: 'RecordIncome', councilId: docksId, amount: 2_000_000, source: 'Dues' });
  const rootId = w.state.org?.rootCouncilId as string;
  /** The congress amends the constitution (both delegates vote yes). */
  const amend = (parameter: string, value: number | string) =>
    passMotion(w, {
      proposer: d1,
      seconder: s0,
      councilId: rootId,
      body: { kind: 'constitutional', parameter, value },
      votes: { [d1]: 'yes', [s0]: 'yes' },
    });
  const b = { w, docks, docksId, treasurer, member: docks[5] as string };
  return { w, docks, mill, depot, docksId, rootId, treasurer, d1, s0, amend, b };
}

describe('Treasury: no payment to a mandate holder for their office exceeds the constitution’s wageCap', () => {
  it('pays no office until the congress sets the cap; then at most the cap per member and month', () => {
    const f = federation();
    const { w, b } = f;
    const treasurerMandate = w.sittingMandate(`o:${f.docksId}:treasurer`, f.treasurer);
    const delegateMandate = w.sittingMandate(`d:${f.docksId}`, f.d1);
    const wage = authorise(b, 1_000_000, { payee: 'Treasurer', mandateId: treasurerMandate.id });
    const wage2 = authorise(b, 1_000_000, { payee: 'Treasurer', mandateId: treasurerMandate.id });
    const delegateWage = authorise(b, 1_000_000, {
      payee: 'Delegate',
      mandateId: delegateMandate.id,
    });
    expect(w.state.treasury.authorisations.get(wage)?.mandateId).toBe(treasurerMandate.id);
    expect(w.state.constitution.wageCap).toBe(0);
    w.refuse(f.treasurer, pay(b, wage, 1), 'WAGE_CAP_NOT_SET');

    // The congress sets the cap (two thirds), first without its currency.
    f.amend('wageCap', 200_000);
    expect(w.state.constitution).toMatchObject({ wageCap: 200_000, wageCapCurrency: 'XXX' });
    w.refuse(f.treasurer, pay(b, wage, 1), 'WAGE_CAP_CURRENCY');
    f.amend('wageCapCurrency', 'EUR');
    // The payments below are all in one calendar month.
    const month = new Date(w.now).toISOString().slice(0, 7);
    expect(new Date(w.now + DAY).toISOString().slice(0, 7)).toBe(month);

    w.run(f.treasurer, pay(b, wage, 150_000));
    // Another authorisation for the same office does not reset the cap: it is per member.
    w.refuse(f.treasurer, pay(b, wage2, 50_001), 'WAGE_CAP_EXCEEDED');
    w.run(f.treasurer, pay(b, wage2, 50_000));
    w.refuse(f.treasurer, pay(b, wage, 1), 'WAGE_CAP_EXCEEDED');
    // Another member's office pay has its own cap.
    w.run(f.treasurer, pay(b, delegateWage, 200_000));
    const paid = w.events('PaymentMade').filter((p) => p.wage !== null);
    expect(
      paid.map((p) => [p.wage?.memberId, p.wage?.month, p.amount, p.lines[0]?.account]),
    ).toEqual([
      [f.treasurer, month, 150_000, 'wages'],
      [f.treasurer, month, 50_000, 'wages'],
      [f.d1, month, 200_000, 'wages'],
    ]);
    // A new month: the cap is available again.
    const next = new Date(`${month}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    w.tick(next.getTime());
    w.run(f.treasurer, pay(b, wage, 200_000));
    w.refuse(f.treasurer, pay(b, wage2, 1), 'WAGE_CAP_EXCEEDED');
    // Office pay is an expense: it cannot be booked as an asset.
    w.refuse(
      f.treasurer,
      { kind: 'MakePayment', authorisationId: delegateWage, amount: 1, account: 'cash' },
      'LEDGER_ACCOUNT_TYPE',
    );
    // A mandate that ends is paid no more.
    w.run(f.d1, { kind: 'ResignMandate', mandateId: delegateMandate.id });
    w.refuse(f.treasurer, pay(b, delegateWage, 1), 'MANDATE_NOT_SITTING');
    w.expectReplayEqualsLive();
  });

  it('wageCap and its currency are parameters within entrenched bounds, and office pay only for this council’s mandates', () => {
    const f = federation();
    const { w } = f;
    const propose = (parameter: string, value: number | string) => ({
      kind: 'ProposeMotion' as const,
      councilId: f.rootId,
      title: 'Wages',
      text: 'x',
      body: { kind: 'constitutional' as const, parameter, value },
    });
    for (const value of [-1, 1e12 + 1, 0.5, '100'])
      w.refuse(f.d1, propose('wageCap', value), 'PARAMETER_OUT_OF_BOUNDS');
    for (const value of ['eur', 'EURO', 'XXX', 12])
      w.refuse(f.d1, propose('wageCapCurrency', value), 'PARAMETER_OUT_OF_BOUNDS');
    w.run(f.d1, propose('wageCap', 1e12));
    w.run(f.d1, propose('wageCapCurrency', 'JPY'));
    // Docks may not vote office pay for a mandate that is not its own (Mill's delegate).
    const millDelegate = w.sittingMandate(`d:${w.councilId('Mill')}`, f.mill[1] as string);
    w.refuse(
      f.docks[3] as string,
      {
        kind: 'ProposeMotion',
        councilId: f.docksId,
        title: 'Pay',
        text: 'x',
        body: {
          kind: 'spending',
          amount: 5,
          currency: 'EUR',
          payee: 'M',
          mandateId: millDelegate.id,
        },
      },
      'MOTION_NOT_ALLOWED',
    );
  });
});

describe('Treasury: the wage cap applies to every payment to a person holding a mandate, whatever the motion says', () => {
  it('caps a payment to a mandate holder that the motion does not call office pay', () => {
    const f = federation();
    const { w, b } = f;
    f.amend('wageCap', 200_000);
    f.amend('wageCapCurrency', 'EUR');
    // A spending motion to the treasurer as a person, naming no mandate.
    const gift = authorise(b, 1_000_000, { payee: 'Our treasurer', payeeMemberId: f.treasurer });
    w.refuse(f.treasurer, pay(b, gift, 200_001), 'WAGE_CAP_EXCEEDED');
    w.run(f.treasurer, pay(b, gift, 200_000));
    w.refuse(f.treasurer, pay(b, gift, 1), 'WAGE_CAP_EXCEEDED');
    expect(w.events('PaymentMade').at(-1)?.wage).toMatchObject({ memberId: f.treasurer });
    // A member who holds no mandate is paid as any payee.
    const other = authorise(b, 300_000, { payee: 'A member', payeeMemberId: b.member });
    w.run(f.treasurer, pay(b, other, 300_000));
    w.expectReplayEqualsLive();
  });
});

describe('Treasury: moving money to a new account needs a motion', () => {
  it('refuses a transfer into an asset account the ledger did not open with; a spending motion can move it', () => {
    const f = federation();
    const { w, b } = f;
    w.run(f.treasurer, {
      kind: 'AddLedgerAccount',
      councilId: f.docksId,
      code: 'pocket',
      name: 'A new account',
      accountType: 'asset',
    });
    w.refuse(
      f.treasurer,
      { kind: 'RecordTransfer', councilId: f.docksId, amount: 1000, from: 'cash', to: 'pocket' },
      'TRANSFER_NEEDS_MOTION',
    );
    const move = authorise(b, 1000, { payee: 'Our new bank account' });
    w.run(f.treasurer, {
      kind: 'MakePayment',
      authorisationId: move,
      amount: 1000,
      account: 'pocket',
    });
    // Back into the account the ledger opened with needs no motion.
    w.run(f.treasurer, {
      kind: 'RecordTransfer',
      councilId: f.docksId,
      amount: 1000,
      from: 'pocket',
      to: 'cash',
    });
  });
});

describe('Treasury: the ledger exports as CSV', () => {
  it('one row per line of each entry, amounts in the currency’s decimals, text made safe for spreadsheets', () => {
    const b = books();
    b.w.run(b.treasurer, {
      kind: 'RecordIncome',
      councilId: b.docksId,
      amount: 123_456,
      source: '=HYPERLINK("http://x")',
      memo: 'Dues, "January"\nand February',
    });
    const id = authorise(b, 10_000);
    b.w.run(b.treasurer, pay(b, id, 9_999));
    // The export reads only public events: what anyone with the log has.
    const entries = ledgerEntriesOf(b.w.log.map(publicPart));
    expect(entries.map((e) => e.entryId)).toEqual(['le1', 'le2']);
    const csv = ledgerCsv(entries);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'entry,date,council,kind,account,debit,credit,currency,authorisation,decision,payee,source,memo,recorded_by',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[1]).toMatch(
      /^le1,2026-\d\d-\d\dT[\d:.]+Z,c\d+,income,cash,1234\.56,,EUR,,,,"'=HYPERLINK\(""http:\/\/x""\)","Dues, ""January""\nand February",m2$/,
    );
    expect(lines[2]).toContain(',income,income,,1234.56,EUR,');
    expect(lines[3]).toContain(`,payment,expenses,99.99,,EUR,${id},motion:${id},Print shop,`);
    expect(lines[4]).toContain(`,payment,cash,,99.99,EUR,${id},motion:${id},`);
    // A council filter keeps that ledger's entries only.
    expect(ledgerEntriesOf(b.w.log, { councilId: 'c99' })).toEqual([]);
  });

  it('formats minor units by the ISO 4217 digits of the currency', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([
      2, 0, 3,
    ]);
    expect(formatAmount(5, 'EUR')).toBe('0.05');
    expect(formatAmount(123_456, 'JPY')).toBe('123456');
    expect(formatAmount(1_234, 'KWD')).toBe('1.234');
    expect(formatAmount(-250, 'EUR')).toBe('-2.50');
  });
});
