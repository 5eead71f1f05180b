import type { CommandKind, DemocracyCommand } from './commands.js';

type FieldsOf<K extends CommandKind> = Exclude<
  keyof Extract<DemocracyCommand, { kind: K }>,
  'kind'
>;

/**
 * The fields each command may carry besides `kind`: a signed act's command is logged as
 * signed (MemberActed), so the server refuses one with any other field rather than log
 * what the rules never read (docs/design/record.md, "Signed acts"). The rules (`decide`)
 * check each field's type and bounds. Typed so that a field that does not exist cannot
 * be listed and a command cannot be left out.
 */
export const COMMAND_FIELDS: { readonly [K in CommandKind]: readonly FieldsOf<K>[] } = {
  FoundOrganisation: [
    'name',
    'slug',
    'founderName',
    'councils',
    'founderCouncil',
    'constitution',
    'founderKey',
  ],
  InviteMember: ['councilId'],
  JoinWithInvitation: ['token', 'name', 'key'],
  RegisterKey: ['publicKey', 'label'],
  RevokeKey: ['keyId'],
  LeaveOrganisation: [],
  ErasePersonalData: [],
  TransferMember: ['toCouncilId'],
  Nominate: ['electionId', 'candidateId', 'standingName'],
  AcceptNomination: ['electionId', 'standingName'],
  DeclineNomination: ['electionId'],
  CastBallot: ['electionId', 'ranking'],
  CallElection: ['groupKey'],
  ResignMandate: ['mandateId'],
  OpenRecallPetition: ['mandateId', 'reason', 'breachIds'],
  SignRecallPetition: ['petitionId'],
  CastRecallVote: ['petitionId', 'choice'],
  ProposeMotion: ['councilId', 'title', 'text', 'body'],
  SecondMotion: ['motionId'],
  WithdrawMotion: ['motionId'],
  ProposeAmendment: ['motionId', 'text'],
  CastAmendmentVote: ['amendmentId', 'choice'],
  CastMotionVote: ['motionId', 'choice'],
  AdvanceTime: ['now'],
  OpenLedger: ['councilId', 'currency'],
  AddLedgerAccount: ['councilId', 'code', 'name', 'accountType'],
  RecordIncome: ['councilId', 'amount', 'source', 'account', 'into', 'memo'],
  RecordTransfer: ['councilId', 'amount', 'from', 'to', 'memo'],
  MakePayment: ['authorisationId', 'amount', 'from', 'account', 'memo'],
  ProposeProject: ['roundId', 'title', 'description', 'cost', 'payee'],
  WithdrawProject: ['projectId'],
  CastBudgetBallot: ['roundId', 'projects', 'points'],
};

/** Why `command` is not a command of this catalogue with only its own fields, or null. */
export function commandShapeProblem(command: { readonly kind: string }): string | null {
  const fields = (COMMAND_FIELDS as Record<string, readonly string[]>)[command.kind];
  if (!fields) return `there is no command ${command.kind}`;
  const extra = Object.keys(command).filter((k) => k !== 'kind' && !fields.includes(k));
  return extra.length > 0 ? `${command.kind} has no field ${extra.join(', ')}` : null;
}
