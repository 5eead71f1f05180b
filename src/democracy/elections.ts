import { countElection, profileFromBallots } from '../counting/index.js';
import { ensureElection, ensureElections } from './automatic-elections.js';
import { castInBox, closeBox } from './ballots.js';
import type { DemocracyCommand } from './commands.js';
import { democracyError } from './errors.js';
import { endMandatesHeldByVirtueOf, sweepVotingBody } from './mandate-cascade.js';
import { checkName, commitFact } from './personal.js';
import {
  activeMember,
  groupKeysOf,
  inVotingBody,
  sittingMandates,
  votingBodySize,
} from './queries.js';
import type { Election, OrgState, SeatGroup } from './state.js';
import type { Tx } from './tx.js';

type Cmd<K extends DemocracyCommand['kind']> = Extract<DemocracyCommand, { kind: K }>;

/**
 * Rotation (RULES.md, Mandates): the consecutive terms `memberId` would serve on the
 * election's seat group, and the limit that applies. Every mandate on the seat that
 * overlaps a term window counts that term, by-elections included (issue 14: otherwise
 * a holder of two full terms wins a by-election early in the third and then a fourth).
 * A regular election fills the next window: one more than the windows held up to the
 * current one, if the member held the seat in it. A by-election fills the rest of the
 * current window: no more if the member already held the seat in it (a recalled holder
 * may stand again), one more if they held it up to the window's start. The limit is the
 * election's (fixed when it opened), or the one in force when the member's last mandate
 * was granted if that was lower: a raised limit never lets a sitting holder stand again.
 */
export function rotation(
  state: OrgState,
  election: Election,
  memberId: string,
): { terms: number; limit: number } {
  const group = state.groups.get(election.groupKey) as SeatGroup;
  const t = state.tenures.get(`${memberId}|${election.groupKey}`);
  if (!t) return { terms: 1, limit: election.maxConsecutiveTerms };
  const start = group.termStartedAt;
  const inWindow = t.sitting || (t.lastEndAt !== null && start !== null && t.lastEndAt > start);
  const upToWindow = inWindow || (t.lastEndAt !== null && start !== null && t.lastEndAt >= start);
  const limit = Math.min(election.maxConsecutiveTerms, t.limit);
  if (election.kind === 'regular') return inWindow ? { terms: t.terms + 1, limit } : fresh();
  if (inWindow) return { terms: t.terms, limit };
  return upToWindow ? { terms: t.terms + 1, limit } : fresh();

  function fresh() {
    return { terms: 1, limit: election.maxConsecutiveTerms };
  }
}

/**
 * Refuses a candidate who may not stand (RULES.md, Elections and Mandates): not in the
 * constituency (the electing body: members of the child council for a delegation, the
 * voting body for an office), already holding a seat of the group beyond this
 * election, beyond `maxConsecutiveTerms`, or beyond `maxConcurrentMandates` counting
 * the mandates still sitting when this one would start and every other accepted
 * candidacy (so that winning several elections at once can never break the limit).
 */
export function checkEligible(state: OrgState, election: Election, candidateId: string): void {
  const member = activeMember(state, candidateId);
  if (!member || !inVotingBody(state, election.electingCouncilId, candidateId))
    throw democracyError('NOT_IN_CONSTITUENCY', {
      candidateId,
      councilId: election.electingCouncilId,
    });
  const after = sittingMandates(state, candidateId).filter((m) => m.endAt > election.votingCloseAt);
  if (after.some((m) => m.groupKey === election.groupKey))
    throw democracyError('ALREADY_HOLDS_SEAT', { candidateId });
  const { terms, limit } = rotation(state, election, candidateId);
  if (terms > limit) throw democracyError('ROTATION_CONSECUTIVE', { candidateId, terms, limit });
  const others = member.candidacies.filter((id) => id !== election.id).length;
  const count = after.length + others + 1;
  if (count > election.maxConcurrentMandates)
    throw democracyError('ROTATION_CONCURRENT', {
      candidateId,
      count,
      limit: election.maxConcurrentMandates,
    });
}

function openElection(tx: Tx, electionId: string, action: string): Election {
  const election = tx.state.elections.get(electionId);
  if (!election) throw democracyError('ELECTION_UNKNOWN', { electionId });
  if (!inVotingBody(tx.state, election.electingCouncilId, tx.ctx.actor))
    throw democracyError('NOT_IN_VOTING_BODY', { councilId: election.electingCouncilId, action });
  return election;
}

function inNominations(tx: Tx, election: Election): void {
  if (election.phase !== 'nominations' || tx.now >= election.nominationsCloseAt)
    throw democracyError('NOMINATIONS_CLOSED');
}

/** Any member of the electing body nominates a candidate; a self-nomination is accepted at once. */
export function nominate(tx: Tx, cmd: Cmd<'Nominate'>): void {
  const me = tx.member();
  const election = openElection(tx, cmd.electionId, 'nominate candidates');
  inNominations(tx, election);
  if (election.nominees.some((n) => n.memberId === cmd.candidateId && !n.withdrawn))
    throw democracyError('ALREADY_NOMINATED', { candidateId: cmd.candidateId });
  checkEligible(tx.state, election, cmd.candidateId);
  tx.emit({
    kind: 'CandidateNominated',
    at: tx.now,
    by: me.id,
    electionId: election.id,
    candidateId: cmd.candidateId,
  });
  if (cmd.candidateId === me.id) emitAccepted(tx, me.id, election.id, cmd.standingName);
}

/**
 * The candidate accepts: the entry commits to the name they stand under (record.md,
 * "Personal data": a salted commitment, the name and salt in the private directory), so
 * that it can be proved later without ever being published.
 */
function emitAccepted(
  tx: Tx,
  memberId: string,
  electionId: string,
  standingName: string | undefined,
): void {
  if (standingName === undefined) {
    tx.emit({
      kind: 'NominationAccepted',
      at: tx.now,
      by: memberId,
      electionId,
      nameCommitment: null,
    });
    return;
  }
  const { commitment, fact } = commitFact(
    tx.ctx.entropy,
    memberId,
    'candidateName',
    checkName(standingName),
  );
  tx.emit({
    kind: 'NominationAccepted',
    at: tx.now,
    by: memberId,
    electionId,
    nameCommitment: commitment,
    personal: [fact],
  });
}

export function acceptNomination(tx: Tx, cmd: Cmd<'AcceptNomination'>): void {
  const me = tx.member();
  const election = tx.state.elections.get(cmd.electionId);
  if (!election) throw democracyError('ELECTION_UNKNOWN', { electionId: cmd.electionId });
  inNominations(tx, election);
  const n = election.nominees.find((x) => x.memberId === me.id && !x.withdrawn);
  if (!n || n.accepted) throw democracyError('NOT_NOMINATED');
  checkEligible(tx.state, election, me.id);
  emitAccepted(tx, me.id, election.id, cmd.standingName);
}

/** Declines a nomination, or withdraws an accepted one, while nominations are open. */
export function declineNomination(tx: Tx, cmd: Cmd<'DeclineNomination'>): void {
  const me = tx.member();
  const election = tx.state.elections.get(cmd.electionId);
  if (!election) throw democracyError('ELECTION_UNKNOWN', { electionId: cmd.electionId });
  inNominations(tx, election);
  const n = election.nominees.find((x) => x.memberId === me.id && !x.withdrawn);
  if (!n) throw democracyError('NOT_NOMINATED');
  tx.emit({
    kind: 'CandidacyWithdrawn',
    at: tx.now,
    electionId: election.id,
    candidateId: me.id,
    reason: n.accepted ? 'withdrew' : 'declined',
  });
}

/**
 * A secret ranked ballot (RULES.md, Elections): candidate ids, most preferred first,
 * each at most once. Returned receipt: see `castInBox`.
 */
export function castBallot(tx: Tx, cmd: Cmd<'CastBallot'>): void {
  tx.member();
  const election = tx.state.elections.get(cmd.electionId);
  if (!election) throw democracyError('ELECTION_UNKNOWN', { electionId: cmd.electionId });
  if (election.phase !== 'voting' || election.boxId === null)
    throw democracyError('VOTING_NOT_OPEN');
  const box = tx.state.boxes.get(election.boxId);
  if (!box) throw democracyError('VOTING_NOT_OPEN');
  if (!Array.isArray(cmd.ranking) || cmd.ranking.length === 0)
    throw democracyError('BAD_BALLOT', { reason: 'rank at least one candidate' });
  const seen = new Set<string>();
  const indexes = cmd.ranking.map((id) => {
    const i = election.candidates.indexOf(id);
    if (i < 0) throw democracyError('BAD_BALLOT', { reason: `${String(id)} is not a candidate` });
    if (seen.has(id)) throw democracyError('BAD_BALLOT', { reason: `${id} is ranked twice` });
    seen.add(id);
    return i;
  });
  castInBox(tx, box, tx.ctx.actor, indexes);
}

/**
 * A member of the electing body calls an election for a vacant seat when none is open
 * (after an election that found too few candidates).
 */
export function callElection(tx: Tx, cmd: Cmd<'CallElection'>): void {
  tx.member();
  const group = tx.state.groups.get(cmd.groupKey);
  if (!group || group.retired) throw democracyError('GROUP_UNKNOWN', { groupKey: cmd.groupKey });
  if (!inVotingBody(tx.state, group.electingCouncilId, tx.ctx.actor))
    throw democracyError('NOT_IN_VOTING_BODY', {
      councilId: group.electingCouncilId,
      action: 'call this election',
    });
  const open = group.byElectionId ?? group.regularElectionId;
  if (open !== null)
    throw democracyError('ELECTION_ALREADY_OPEN', { groupKey: group.key, electionId: open });
  if (ensureElection(tx, group.key, 'call') === null)
    throw democracyError('NO_VACANCY', { groupKey: group.key });
}

/** RULES.md, Mandates: a mandate ends when its holder resigns; the vacancy starts a by-election. */
export function resign(tx: Tx, cmd: Cmd<'ResignMandate'>): void {
  const me = tx.member();
  const mandate = tx.state.mandates.get(cmd.mandateId);
  if (!mandate) throw democracyError('MANDATE_UNKNOWN', { mandateId: cmd.mandateId });
  if (mandate.holderId !== me.id) throw democracyError('NOT_HOLDER');
  if (mandate.endedAt !== null)
    throw democracyError('MANDATE_NOT_SITTING', { mandateId: mandate.id });
  tx.emit({
    kind: 'MandateEnded',
    at: tx.now,
    mandateId: mandate.id,
    reason: 'resigned',
    by: me.id,
  });
  ensureElections(tx, [mandate.groupKey], 'change');
  endMandatesHeldByVirtueOf(tx, mandate);
}

/**
 * At the close of nominations: accepted candidates who are no longer eligible drop out;
 * with none left the election lapses, otherwise voting opens and the roll (the
 * electing body now) is fixed.
 */
export function closeNominations(tx: Tx, electionId: string): void {
  const election = tx.state.elections.get(electionId) as Election;
  const group = tx.state.groups.get(election.groupKey) as SeatGroup;
  if (group.retired) {
    tx.emit({ kind: 'ElectionLapsed', at: tx.now, electionId });
    return;
  }
  const candidates: string[] = [];
  for (const n of election.nominees) {
    if (!n.accepted || n.withdrawn) continue;
    try {
      checkEligible(tx.state, election, n.memberId);
      candidates.push(n.memberId);
    } catch {
      tx.emit({
        kind: 'CandidacyWithdrawn',
        at: tx.now,
        electionId,
        candidateId: n.memberId,
        reason: activeMember(tx.state, n.memberId) ? 'ineligible' : 'left',
      });
    }
  }
  if (candidates.length === 0) {
    tx.emit({ kind: 'ElectionLapsed', at: tx.now, electionId });
    afterConclusion(tx, group);
    return;
  }
  candidates.sort();
  tx.emit({
    kind: 'VotingOpened',
    at: tx.now,
    electionId,
    candidates,
    boxId: tx.nextId('box'),
    rollSize: votingBodySize(tx.state, election.electingCouncilId),
  });
}

/**
 * At the close of voting: the box is closed and its ballots published; the count runs
 * (IRV for one seat, the constitution's STV for several; ties by lot seeded from the
 * closing checkpoint), or every candidate is elected unopposed when no more stood than
 * seats; each winner receives a mandate. Candidates who left the constituency during
 * voting are withdrawn from the count (their ballots transfer).
 */
export function closeVoting(tx: Tx, electionId: string): void {
  const election = tx.state.elections.get(electionId) as Election;
  const ballots = closeBox(tx, election.boxId as string);
  const group = tx.state.groups.get(election.groupKey) as SeatGroup;
  if (group.retired) {
    tx.emit({ kind: 'ElectionLapsed', at: tx.now, electionId });
    return;
  }
  const eligible = election.candidates.filter(
    (id) =>
      activeMember(tx.state, id) !== undefined &&
      inVotingBody(tx.state, election.electingCouncilId, id),
  );
  const withdrawn = election.candidates.filter((id) => !eligible.includes(id));
  let elected: readonly string[];
  let report = null;
  if (eligible.length <= election.seats) elected = eligible;
  else {
    const profile = profileFromBallots({
      candidates: election.candidates,
      ballots: ballots.map((b) =>
        (b as readonly number[]).map((i) => election.candidates[i] as string),
      ),
      seats: election.seats,
      withdrawn,
    });
    report = countElection(profile, {
      method: election.method,
      seats: election.seats,
      seed: tx.ctx.seed,
    });
    elected = report.elected;
  }
  // Rotation is computed against the term that is ending, before the count moves the
  // group to its next term.
  const grants = elected.map((holderId) => ({
    holderId,
    ...rotation(tx.state, election, holderId),
  }));
  tx.emit({
    kind: 'ElectionCounted',
    at: tx.now,
    electionId,
    elected,
    unopposed: report === null,
    report,
  });
  for (const g of grants)
    tx.emit({
      kind: 'MandateGranted',
      at: tx.now,
      mandateId: tx.nextId('mandate'),
      holderId: g.holderId,
      groupKey: group.key,
      electionId,
      startAt: tx.now,
      endAt: election.mandateEndsAt,
      terms: g.terms,
      limit: g.limit,
    });
  afterConclusion(tx, group);
}

/** After an election: vacancies left by changes during it, and the seat council's own elections (its voting body may have just formed). */
function afterConclusion(tx: Tx, group: SeatGroup): void {
  ensureElections(tx, [group.key], 'conclusion');
  if (group.kind === 'delegation') {
    // Holders of the seats that expired as this count landed and were not re-elected
    // lose what they held by virtue of them (issue 14).
    sweepVotingBody(tx, group.seatCouncilId);
    const seatCouncil = tx.state.councils.get(group.seatCouncilId);
    if (seatCouncil) ensureElections(tx, groupKeysOf(seatCouncil), 'change');
  }
}
