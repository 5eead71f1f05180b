import type { CouncilSpec, DemocracyCommand } from '../commands.js';
import { type Constitution, DEFAULT_CONSTITUTION } from '../constitution.js';
import type { DemocracyEvent, OrganisationFounded } from '../events/index.js';
import type { MotionBody } from '../motion-body.js';
import { votingBody } from '../queries.js';
import { tokenHashOf } from '../secrets.js';
import type { OrgState } from '../state.js';
import type { EntryLine } from '../treasury-state.js';

/**
 * Members' acts on the log, read back as the commands that made them (recount.ts). The
 * recount takes a member's act as recorded (who acted is theirs to sign) and asks the
 * rules, through `decide`, what that act gives in the state before it: the act's own
 * event with every field the rules compute (the signatures a petition needs, an entry's
 * lines), and every consequence (a debate opened, a breach recorded, the elections a
 * change of membership opens).
 *
 * Some fields of an act come from the member's secrets, which the log never holds and
 * the recount does not need: an invitation token's hash, a name's salted commitment, a
 * read token's hash. The command is rebuilt with stand-ins, and `graft` puts the recorded
 * values back before the comparison.
 */
export interface Act {
  readonly command: DemocracyCommand;
  /** Who acted (a secret ballot's voter is never on the log, and is not needed). */
  readonly actor: string;
  /** The state the rules must see besides the log: the stand-in token of an invitation. */
  readonly prepare?: (state: OrgState) => OrgState;
}

/** The invitation token the recount stands in for the one only the invitee held. */
const STAND_IN_TOKEN = 'recount';
const STAND_IN_HASH = tokenHashOf(STAND_IN_TOKEN);
/** A name for the rules' checks; the log holds only its commitment, which is grafted. */
const STAND_IN_NAME = 'Recount';

/**
 * The act that `events[p]` records, as a command and its actor; null when the event is
 * not a member's act (a decision of the system, which only a deadline or an act can give).
 * Secret ballots (`BallotCast`, `BudgetBallotCast`) are not here: their voter is private.
 */
export function actOf(state: OrgState, events: readonly DemocracyEvent[], p: number): Act | null {
  const e = events[p];
  if (!e) return null;
  switch (e.kind) {
    case 'OrganisationFounded':
      return founding(e, events, p);
    case 'MemberInvited':
      return { command: { kind: 'InviteMember', councilId: e.councilId }, actor: e.by };
    case 'MemberJoined': {
      const { invitationId } = e;
      if (invitationId === null) return null;
      const key = firstKey(events, p);
      return {
        command: {
          kind: 'JoinWithInvitation',
          token: STAND_IN_TOKEN,
          name: STAND_IN_NAME,
          ...(key ? { key } : {}),
        },
        actor: 'system',
        prepare: (s) => ({
          ...s,
          invitationByHash: s.invitationByHash.set(STAND_IN_HASH, invitationId),
        }),
      };
    }
    case 'MemberLeft':
      return { command: { kind: 'LeaveOrganisation' }, actor: e.by };
    // A first key by password (a signed act's keys are recounted from its MemberActed).
    case 'MemberKeyRegistered':
      return {
        command: { kind: 'RegisterKey', publicKey: e.publicKey, label: e.label },
        actor: e.by,
      };
    case 'MemberErased':
      return { command: { kind: 'ErasePersonalData' }, actor: e.by };
    case 'MemberTransferred':
      return { command: { kind: 'TransferMember', toCouncilId: e.toId }, actor: e.by };
    case 'CandidateNominated':
      return {
        command: { kind: 'Nominate', electionId: e.electionId, candidateId: e.candidateId },
        actor: e.by,
      };
    case 'NominationAccepted':
      return { command: { kind: 'AcceptNomination', electionId: e.electionId }, actor: e.by };
    case 'CandidacyWithdrawn':
      // Declined or withdrawn by the candidate; dropped (left, ineligible) by the rules.
      if (e.reason !== 'declined' && e.reason !== 'withdrew') return null;
      return {
        command: { kind: 'DeclineNomination', electionId: e.electionId },
        actor: e.candidateId,
      };
    case 'VoteCast':
      return openVote(state, e);
    case 'ElectionOpened':
      // Only a member's call opens an election outside a deadline or another act.
      return { command: { kind: 'CallElection', groupKey: e.groupKey }, actor: caller(state, e) };
    case 'MandateEnded':
      if (e.by === undefined) return null;
      return { command: { kind: 'ResignMandate', mandateId: e.mandateId }, actor: e.by };
    default:
      return motionAct(e) ?? treasuryAct(e);
  }
}

function motionAct(e: DemocracyEvent): Act | null {
  switch (e.kind) {
    case 'RecallPetitionOpened':
      return {
        command: {
          kind: 'OpenRecallPetition',
          mandateId: e.mandateId,
          reason: e.reason,
          breachIds: e.breachIds,
        },
        actor: e.by,
      };
    case 'RecallPetitionSigned':
      return { command: { kind: 'SignRecallPetition', petitionId: e.petitionId }, actor: e.by };
    case 'MotionProposed':
      return {
        command: {
          kind: 'ProposeMotion',
          councilId: e.councilId,
          title: e.title,
          text: e.text,
          body: asProposed(e.body),
        },
        actor: e.by,
      };
    case 'MotionSeconded':
      return { command: { kind: 'SecondMotion', motionId: e.motionId }, actor: e.by };
    case 'MotionWithdrawn':
      return { command: { kind: 'WithdrawMotion', motionId: e.motionId }, actor: e.by };
    case 'AmendmentProposed':
      return {
        command: { kind: 'ProposeAmendment', motionId: e.motionId, text: e.text },
        actor: e.by,
      };
    default:
      return null;
  }
}

function treasuryAct(e: DemocracyEvent): Act | null {
  switch (e.kind) {
    case 'LedgerOpened':
      return {
        command: { kind: 'OpenLedger', councilId: e.councilId, currency: e.currency },
        actor: e.by,
      };
    case 'LedgerAccountAdded':
      return {
        command: {
          kind: 'AddLedgerAccount',
          councilId: e.councilId,
          code: e.code,
          name: e.name,
          accountType: e.accountType,
        },
        actor: e.by,
      };
    case 'IncomeRecorded':
      return {
        command: {
          kind: 'RecordIncome',
          councilId: e.councilId,
          amount: e.amount,
          source: e.source,
          memo: e.memo,
          into: line(e.lines, 'debit'),
          account: line(e.lines, 'credit'),
        },
        actor: e.by,
      };
    case 'TransferRecorded':
      return {
        command: {
          kind: 'RecordTransfer',
          councilId: e.councilId,
          amount: e.amount,
          memo: e.memo,
          from: line(e.lines, 'credit') ?? '',
          to: line(e.lines, 'debit') ?? '',
        },
        actor: e.by,
      };
    case 'PaymentMade':
      return {
        command: {
          kind: 'MakePayment',
          authorisationId: e.authorisationId,
          amount: e.amount,
          memo: e.memo,
          from: line(e.lines, 'credit'),
          account: line(e.lines, 'debit'),
        },
        actor: e.by,
      };
    case 'ProjectProposed':
      return {
        command: {
          kind: 'ProposeProject',
          roundId: e.roundId,
          title: e.title,
          description: e.description,
          cost: e.cost,
          payee: e.payee,
        },
        actor: e.by,
      };
    case 'ProjectWithdrawn':
      return { command: { kind: 'WithdrawProject', projectId: e.projectId }, actor: e.by };
    default:
      return null;
  }
}

/** The account of an entry's debit or credit line (an entry of one act has one of each). */
function line(lines: readonly EntryLine[], side: EntryLine['side']): string | undefined {
  return Array.isArray(lines) ? lines.find((l) => l?.side === side)?.account : undefined;
}

/** A motion's body as its proposer sent it: a read grant's token hash is the rules' (graft). */
function asProposed(body: MotionBody): MotionBody {
  if (body?.kind !== 'readAccess' || body.action !== 'grant') return body;
  return { kind: 'readAccess', action: 'grant', label: body.label };
}

/** An open vote (delegate councils) as the command of the box's subject. */
function openVote(state: OrgState, e: Extract<DemocracyEvent, { kind: 'VoteCast' }>): Act | null {
  const box = state.boxes.get(e.boxId);
  if (!box) return null;
  const { subject } = box;
  const choice = e.ballot as never;
  switch (subject.kind) {
    case 'motion':
      return { command: { kind: 'CastMotionVote', motionId: subject.id, choice }, actor: e.by };
    case 'amendment':
      return {
        command: { kind: 'CastAmendmentVote', amendmentId: subject.id, choice },
        actor: e.by,
      };
    case 'recall':
      return { command: { kind: 'CastRecallVote', petitionId: subject.id, choice }, actor: e.by };
    case 'election': {
      const candidates = state.elections.get(subject.id)?.candidates ?? [];
      const ranking = Array.isArray(e.ballot)
        ? e.ballot.map((i) => candidates[i] ?? String(i))
        : [];
      return { command: { kind: 'CastBallot', electionId: subject.id, ranking }, actor: e.by };
    }
  }
}

/**
 * Who called an election: not on the log (the event is the system's). Any member of the
 * electing body may call one, so the rules are asked as one of them; with nobody there,
 * the rules refuse, as they would have.
 */
function caller(state: OrgState, e: Extract<DemocracyEvent, { kind: 'ElectionOpened' }>): string {
  const group = state.groups.get(e.groupKey);
  if (!group) return 'nobody';
  const [first] = votingBody(state, group.electingCouncilId).keys();
  return first ?? 'nobody';
}

/**
 * The founding, read back from its entries: the organisation, the council tree (the
 * `CouncilCreated` entries of no motion that follow, in the order the rules wrote them)
 * and the council the founder joined. The parameters the founders chose are passed on
 * (the rules check their bounds); the recorded constitution is grafted, as an
 * organisation founded before a parameter existed records none for it (`evolve` starts
 * it at its default).
 */
function founding(
  e: OrganisationFounded,
  events: readonly DemocracyEvent[],
  p: number,
): Act | null {
  type Spec = { name: string; offices: readonly string[]; children: Spec[] };
  const specs = new Map<string, Spec>();
  let root: Spec | undefined;
  let i = p + 1;
  for (; i < events.length; i++) {
    const c = events[i];
    if (c?.kind !== 'CouncilCreated' || c.motionId !== null) break;
    const spec: Spec = { name: c.name, offices: c.offices, children: [] };
    specs.set(c.councilId, spec);
    if (c.parentId === null) root ??= spec;
    else specs.get(c.parentId)?.children.push(spec);
  }
  const joined = events[i];
  if (!root || joined?.kind !== 'MemberJoined') return null;
  const founderKey = firstKey(events, i);
  return {
    command: {
      kind: 'FoundOrganisation',
      name: e.name,
      slug: e.slug,
      founderName: STAND_IN_NAME,
      councils: root as CouncilSpec,
      founderCouncil: specs.get(joined.councilId)?.name ?? '',
      constitution: chosen(e.constitution),
      ...(founderKey ? { founderKey } : {}),
    },
    actor: 'system',
  };
}

/**
 * The first key a member registered as they joined or founded (democracy/acts.ts): the
 * MemberKeyRegistered right after their MemberJoined, by them.
 */
function firstKey(
  events: readonly DemocracyEvent[],
  joinedAt: number,
): { publicKey: string; label: string } | undefined {
  const joined = events[joinedAt];
  const next = events[joinedAt + 1];
  if (joined?.kind !== 'MemberJoined' || next?.kind !== 'MemberKeyRegistered') return undefined;
  if (next.by !== joined.memberId || next.at !== joined.at) return undefined;
  return { publicKey: next.publicKey, label: next.label };
}

/** The parameters the founders chose: those that differ from the defaults. */
function chosen(constitution: Constitution): Record<string, number | string> {
  const defaults = DEFAULT_CONSTITUTION as unknown as Record<string, unknown>;
  const choice: Record<string, number | string> = {};
  for (const [parameter, value] of Object.entries(constitution ?? {}))
    if (defaults[parameter] !== value) choice[parameter] = value;
  return choice;
}

/**
 * Puts back into a recounted event the values the rules derive from a member's secrets
 * (see above), from the recorded event of the same kind. Returns the very same event
 * when it has none (the caller tells a grafted event by identity).
 */
export function graft(recounted: DemocracyEvent, recorded: DemocracyEvent): DemocracyEvent {
  if (recounted.kind !== recorded.kind) return recounted;
  const r = recorded as unknown as Record<string, unknown>;
  switch (recounted.kind) {
    case 'MemberInvited':
      return { ...recounted, tokenHash: r.tokenHash as string };
    case 'MemberJoined':
    case 'NominationAccepted':
      return { ...recounted, nameCommitment: r.nameCommitment as string };
    case 'OrganisationFounded':
      return { ...recounted, constitution: r.constitution as OrganisationFounded['constitution'] };
    case 'MotionProposed': {
      const body = r.body as MotionBody;
      if (recounted.body.kind !== 'readAccess' || recounted.body.action !== 'grant')
        return recounted;
      const tokenHash =
        body?.kind === 'readAccess' && body.action === 'grant' ? body.tokenHash : '';
      return { ...recounted, body: { ...recounted.body, tokenHash: tokenHash ?? '' } };
    }
    default:
      return recounted;
  }
}
