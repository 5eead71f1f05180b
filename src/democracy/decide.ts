import { actedEvent, checkAct, registerKey, revokeKey } from './acts.js';
import type { ActProof } from './acts-state.js';
import { castBudgetBallot, proposeProject, withdrawProject } from './budget-rounds.js';
import type { DecideContext, DemocracyCommand } from './commands.js';
import {
  acceptNomination,
  callElection,
  castBallot,
  declineNomination,
  nominate,
  resign,
} from './elections.js';
import { democracyError } from './errors.js';
import type { DemocracyEvent } from './events/index.js';
import { found } from './founding.js';
import { erase, invite, join, leave, transfer } from './membership.js';
import { amend, propose, second, voteAmendment, voteMotion, withdraw } from './motions.js';
import { castRecallVote, openPetition, signPetition } from './recall.js';
import type { OrgState } from './state.js';
import { catchUp } from './time.js';
import {
  addLedgerAccount,
  makePayment,
  openLedger,
  recordIncome,
  recordTransfer,
} from './treasury.js';
import { Tx } from './tx.js';

/**
 * Decides a command against the organisation's state: returns the events it causes, or
 * throws a SovietError refusal (democracy/errors.ts) and nothing is written. Pure: no
 * I/O, no clock, no randomness of its own (`ctx` brings the time, the actor, the seed of
 * draws and fresh entropy).
 *
 * Every command first catches up with the deadlines that have passed by `ctx.now`
 * (`AdvanceTime` does only that, to its own `now`), so no member can act in a phase
 * that has ended even if the server's tick is late; the catch-up events come first.
 */
export function decide(
  state: OrgState,
  command: DemocracyCommand,
  ctx: DecideContext,
): readonly DemocracyEvent[] {
  return decideTx(state, command, ctx).events;
}

/**
 * `decide`, giving back its working transaction: the events and the state after them
 * (the recount, audit/recount.ts, takes that state rather than evolving the events again).
 */
export function decideTx(state: OrgState, command: DemocracyCommand, ctx: DecideContext): Tx {
  if (!command || typeof command !== 'object' || typeof command.kind !== 'string')
    throw democracyError('BAD_COMMAND', { reason: 'a command needs a kind' });
  if (!Number.isSafeInteger(ctx.now) || ctx.now < 0)
    throw democracyError('BAD_COMMAND', {
      reason: 'the time must be a whole number of milliseconds',
    });
  const tx = new Tx(state, ctx);
  if (command.kind === 'FoundOrganisation') {
    found(tx, command);
    return tx;
  }
  if (!state.org) throw democracyError('NOT_FOUNDED');
  if (command.kind === 'AdvanceTime') {
    if (ctx.actor !== 'system') throw democracyError('SYSTEM_ONLY', { action: 'advance time' });
    if (!Number.isSafeInteger(command.now))
      throw democracyError('BAD_COMMAND', {
        reason: 'the time must be a whole number of milliseconds',
      });
    catchUp(tx, command.now);
    return tx;
  }
  catchUp(tx, ctx.now);
  tx.now = ctx.now;
  // A newcomer joining has no key yet; every other act is signed once its member has one.
  const proof = command.kind === 'JoinWithInvitation' ? null : checkAct(tx, command);
  const start = tx.events.length;
  memberCommand(tx, command);
  if (proof) logAct(tx, proof, start);
  return tx;
}

/**
 * Logs the act's MemberActed before the events it caused (from `start`), with how many
 * they are; not when none of them is attributed to the member (a secret ballot: logging
 * the voter's act beside it would tie the voter to the ballot, RECORD.md "Secret ballots
 * on a public record"). Emitted last and moved: evolving it touches only the act ids.
 */
function logAct(tx: Tx, proof: ActProof, start: number): void {
  const caused = tx.events.length - start;
  if (!tx.events.slice(start).some((e) => 'by' in e && e.by === proof.act.by)) return;
  const acted = tx.emit(actedEvent(tx, proof, caused));
  tx.events.pop();
  tx.events.splice(start, 0, acted);
}

function memberCommand(tx: Tx, command: DemocracyCommand): void {
  switch (command.kind) {
    case 'InviteMember':
      invite(tx, command);
      break;
    case 'JoinWithInvitation':
      join(tx, command);
      break;
    case 'LeaveOrganisation':
      leave(tx);
      break;
    case 'ErasePersonalData':
      erase(tx);
      break;
    case 'TransferMember':
      transfer(tx, command);
      break;
    case 'Nominate':
      nominate(tx, command);
      break;
    case 'AcceptNomination':
      acceptNomination(tx, command);
      break;
    case 'DeclineNomination':
      declineNomination(tx, command);
      break;
    case 'CastBallot':
      castBallot(tx, command);
      break;
    case 'CallElection':
      callElection(tx, command);
      break;
    case 'ResignMandate':
      resign(tx, command);
      break;
    case 'OpenRecallPetition':
      openPetition(tx, command);
      break;
    case 'SignRecallPetition':
      signPetition(tx, command);
      break;
    case 'CastRecallVote':
      castRecallVote(tx, command);
      break;
    case 'ProposeMotion':
      propose(tx, command);
      break;
    case 'SecondMotion':
      second(tx, command);
      break;
    case 'WithdrawMotion':
      withdraw(tx, command);
      break;
    case 'ProposeAmendment':
      amend(tx, command);
      break;
    case 'CastAmendmentVote':
      voteAmendment(tx, command);
      break;
    case 'CastMotionVote':
      voteMotion(tx, command);
      break;
    case 'OpenLedger':
      openLedger(tx, command);
      break;
    case 'AddLedgerAccount':
      addLedgerAccount(tx, command);
      break;
    case 'RecordIncome':
      recordIncome(tx, command);
      break;
    case 'RecordTransfer':
      recordTransfer(tx, command);
      break;
    case 'MakePayment':
      makePayment(tx, command);
      break;
    case 'ProposeProject':
      proposeProject(tx, command);
      break;
    case 'WithdrawProject':
      withdrawProject(tx, command);
      break;
    case 'CastBudgetBallot':
      castBudgetBallot(tx, command);
      break;
    case 'RegisterKey':
      registerKey(tx, command);
      break;
    case 'RevokeKey':
      revokeKey(tx, command);
      break;
    default:
      throw democracyError('BAD_COMMAND', {
        reason: `unknown command ${String((command as { kind: unknown }).kind)}`,
      });
  }
}
