import type { DemocracyCommand, MotionBody } from '../../src/democracy/index.js';
import { balanceOf } from '../../src/democracy/treasury-state.js';
import { electAll, electMany, passMotion, TREE, World } from './world.js';

/**
 * Test organisations with books: Docks (ten members) with its treasurer elected
 * (`docks[1]`) and its ledger open in EUR. Helpers pass spending motions and read
 * balances.
 */
export interface Books {
  readonly w: World;
  readonly docks: readonly string[];
  readonly docksId: string;
  readonly treasurer: string;
  /** A member of Docks who holds no office. */
  readonly member: string;
}

export const yesFrom = (voters: readonly string[]) =>
  Object.fromEntries(voters.map((v) => [v, 'yes' as const]));

/** Docks with ten members, `docks[1]` elected treasurer (and `docks[2]` chair), ledger in EUR. */
export function books(w = new World()): Books {
  const founder = w.found(TREE, 'Docks');
  const docks = [founder, ...w.populate(founder, 9, 'Docker')];
  const docksId = w.councilId('Docks');
  electMany(w, [
    { groupKey: `o:${docksId}:treasurer`, candidates: [docks[1] as string], voters: docks },
    { groupKey: `o:${docksId}:chair`, candidates: [docks[2] as string], voters: docks },
  ]);
  const treasurer = docks[1] as string;
  w.run(treasurer, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' });
  return { w, docks, docksId, treasurer, member: docks[5] as string };
}

/** Passes a motion of Docks with every member voting yes; returns its id. */
export function passInDocks(b: Books, body: MotionBody, title = 'Spend'): string {
  return passMotion(b.w, {
    proposer: b.docks[3] as string,
    seconder: b.docks[4] as string,
    councilId: b.docksId,
    body,
    votes: yesFrom(b.docks),
    title,
  });
}

/** A passed spending motion of Docks for `amount` cents of EUR; returns the authorisation id. */
export function authorise(b: Books, amount: number, extra: Partial<MotionBody> = {}): string {
  return passInDocks(b, {
    kind: 'spending',
    amount,
    currency: 'EUR',
    payee: 'Print shop',
    ...extra,
  } as MotionBody);
}

export function income(b: Books, amount: number): void {
  b.w.run(b.treasurer, {
    kind: 'RecordIncome',
    councilId: b.docksId,
    amount,
    source: 'Dues',
  });
}

export function pay(_b: Books, authorisationId: string, amount: number): DemocracyCommand {
  return { kind: 'MakePayment', authorisationId, amount };
}

/** Every account's balance on its growing side. */
export function balances(w: World, councilId: string): Record<string, number> {
  const ledger = w.state.treasury.ledgers.get(councilId);
  return Object.fromEntries(
    [...(ledger?.accounts.values() ?? [])].map((a) => [a.code, balanceOf(a)]),
  );
}

export { electAll };
