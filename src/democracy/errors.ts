import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The democracy domain's refusals. Every command is checked against RULES.md (who may
 * act, in which phase, with which eligibility); a refused command writes nothing and
 * gets one of these stable codes with a sentence a member understands. Codes are never
 * renamed or reused.
 */
export const democracyErrors = defineErrors({
  NOT_FOUNDED: { status: 409, message: 'This organisation has not been founded yet.' },
  ALREADY_FOUNDED: { status: 409, message: 'This organisation has already been founded.' },
  BAD_FOUNDING: { status: 422, message: 'The organisation cannot be founded so: {reason}.' },
  BAD_COMMAND: { status: 400, message: 'The request is not valid: {reason}.' },
  ENTROPY_TOO_SHORT: {
    status: 500,
    message: 'The server supplied too little randomness (at least 32 hex digits are needed).',
  },
  SYSTEM_ONLY: { status: 403, message: 'Only the server itself may {action}.' },
  NOT_A_MEMBER: { status: 403, message: 'You are not a member of this organisation.' },
  COUNCIL_UNKNOWN: { status: 404, message: 'There is no council {councilId}.' },
  COUNCIL_DISSOLVED: { status: 409, message: 'The council {councilId} has been dissolved.' },
  NOT_BASE_COUNCIL: {
    status: 422,
    message: '{councilId} is a delegate council: members belong to base councils.',
  },
  NOT_YOUR_COUNCIL: {
    status: 403,
    message: 'You may invite people only to your own base council.',
  },
  INVITATION_UNKNOWN: { status: 404, message: 'This invitation is not valid.' },
  INVITATION_USED: { status: 409, message: 'This invitation has already been used.' },
  INVITATION_EXPIRED: { status: 409, message: 'This invitation expired on {expiresAt}.' },
  BAD_NAME: { status: 422, message: 'A name must have 1 to 100 characters.' },
  ALREADY_ERASED: { status: 409, message: 'This personal data has already been erased.' },
  ERASURE_TREASURER: {
    status: 409,
    message:
      'You keep the treasury of council {councilId}, which holds money: resign the office so that a successor takes it over, then ask again.',
  },
  SAME_COUNCIL: { status: 409, message: 'You are already a member of that council.' },
  ELECTION_UNKNOWN: { status: 404, message: 'There is no election {electionId}.' },
  NOT_IN_VOTING_BODY: {
    status: 403,
    message: 'Only members of the voting body of {councilId} may {action}.',
  },
  NOT_IN_CONSTITUENCY: {
    status: 422,
    message:
      '{candidateId} cannot stand: candidates must be members of the voting body of {councilId}.',
  },
  NOMINATIONS_CLOSED: { status: 409, message: 'Nominations for this election are closed.' },
  ALREADY_NOMINATED: { status: 409, message: '{candidateId} has already been nominated.' },
  NOT_NOMINATED: { status: 409, message: 'You have not been nominated in this election.' },
  ROTATION_CONSECUTIVE: {
    status: 422,
    message:
      '{candidateId} cannot stand: this would be their term {terms} in a row on this seat, and the limit is {limit} (rotation).',
  },
  ROTATION_CONCURRENT: {
    status: 422,
    message:
      '{candidateId} cannot stand: they would hold {count} mandates at once, and the limit is {limit} (rotation).',
  },
  ALREADY_HOLDS_SEAT: {
    status: 422,
    message: '{candidateId} already holds a seat of this group beyond the end of this election.',
  },
  VOTING_NOT_OPEN: { status: 409, message: 'This vote is not open.' },
  ALREADY_VOTED: { status: 409, message: 'You have already voted in this ballot.' },
  NOT_ON_ROLL: {
    status: 403,
    message: 'You are not on the roll of this vote: the roll was fixed when voting opened.',
  },
  BAD_BALLOT: { status: 422, message: 'This ballot is not valid: {reason}.' },
  GROUP_UNKNOWN: { status: 404, message: 'There is no seat group {groupKey}.' },
  NO_VACANCY: { status: 409, message: 'There is no vacant seat to elect in {groupKey}.' },
  ELECTION_ALREADY_OPEN: {
    status: 409,
    message: 'An election for {groupKey} is already open ({electionId}).',
  },
  MANDATE_UNKNOWN: { status: 404, message: 'There is no mandate {mandateId}.' },
  MANDATE_NOT_SITTING: { status: 409, message: 'The mandate {mandateId} has already ended.' },
  NOT_HOLDER: { status: 403, message: 'Only the holder of a mandate may resign it.' },
  RECALL_ALREADY_OPEN: {
    status: 409,
    message: 'A recall of this mandate is already under way ({petitionId}).',
  },
  RECALL_COOLDOWN: {
    status: 409,
    message: 'A recall vote on this mandate failed recently; a new petition may open from {until}.',
  },
  REASON_REQUIRED: { status: 422, message: 'A recall petition must state a reason.' },
  BREACH_UNKNOWN: {
    status: 422,
    message: 'The breach {breachId} is not a breach by the holder of this mandate.',
  },
  PETITION_UNKNOWN: { status: 404, message: 'There is no recall petition {petitionId}.' },
  PETITION_CLOSED: {
    status: 409,
    message: 'This recall petition is no longer open for signatures.',
  },
  ALREADY_SIGNED: { status: 409, message: 'You have already signed this petition.' },
  MOTION_UNKNOWN: { status: 404, message: 'There is no motion {motionId}.' },
  MOTION_NOT_ALLOWED: { status: 422, message: 'This motion cannot be proposed here: {reason}.' },
  PARAMETER_OUT_OF_BOUNDS: {
    status: 422,
    message: 'The constitution cannot be changed so: {reason}.',
  },
  MOTION_PHASE: {
    status: 409,
    message: 'The motion is at stage "{phase}": you cannot {action} now.',
  },
  CANNOT_SECOND_OWN: { status: 409, message: 'You cannot second your own motion.' },
  ALREADY_SECONDED: { status: 409, message: 'You have already seconded this motion.' },
  NOT_PROPOSER: { status: 403, message: 'Only the proposer may withdraw a motion.' },
  AMENDMENT_UNKNOWN: { status: 404, message: 'There is no amendment {amendmentId}.' },
  NOT_TREASURER: {
    status: 403,
    message: 'Only the treasurer of {councilId}, an office its voting body elects, may {action}.',
  },
  LEDGER_NOT_OPEN: {
    status: 409,
    message: 'The council {councilId} has no ledger yet: its treasurer opens it.',
  },
  LEDGER_ALREADY_OPEN: {
    status: 409,
    message: 'The council {councilId} already keeps a ledger, in {currency}.',
  },
  CURRENCY_MISMATCH: {
    status: 422,
    message: 'That is in {currency}, but the ledger of {councilId} is kept in {ledgerCurrency}.',
  },
  LEDGER_ACCOUNT_UNKNOWN: {
    status: 404,
    message: 'The ledger of {councilId} has no account "{account}".',
  },
  LEDGER_ACCOUNT_EXISTS: {
    status: 409,
    message: 'The ledger of {councilId} already has an account "{account}".',
  },
  LEDGER_ACCOUNT_TYPE: {
    status: 422,
    message: 'The account "{account}" is a {type} account, but {needed}.',
  },
  TRANSFER_NEEDS_MOTION: {
    status: 403,
    message:
      'Money moves into the account "{account}" only under a passed spending motion (a payment into it); a transfer without a motion may only go into an account the ledger opened with.',
  },
  INSUFFICIENT_FUNDS: {
    status: 409,
    message: 'The account "{account}" holds {balance}: it cannot give {amount}.',
  },
  AMOUNT_TOO_LARGE: {
    status: 422,
    message: 'That amount would take an account of {councilId} beyond what the ledger can count.',
  },
  AUTHORISATION_UNKNOWN: {
    status: 404,
    message:
      'There is no spending authorisation {authorisationId}: money leaves the treasury only under a passed spending motion or an adopted participatory budget.',
  },
  AUTHORISATION_EXCEEDED: {
    status: 409,
    message:
      'The authorisation {authorisationId} leaves {remaining} to pay: {amount} is more than it authorised.',
  },
  WAGE_CAP_NOT_SET: {
    status: 409,
    message:
      'No office may be paid until the congress sets the wage cap (a constitutional motion on wageCap and wageCapCurrency).',
  },
  WAGE_CAP_CURRENCY: {
    status: 409,
    message:
      'The wage cap is set in {capCurrency}, but this office pay is in {currency}: the congress must set the cap in that currency first.',
  },
  WAGE_CAP_EXCEEDED: {
    status: 409,
    message:
      '{memberId} has been paid {paid} for their office this month; {amount} more would pass the wage cap of {cap}.',
  },
  ROUND_UNKNOWN: { status: 404, message: 'There is no budget round {roundId}.' },
  ROUND_PHASE: {
    status: 409,
    message: 'The budget round is at stage "{phase}": you cannot {action} now.',
  },
  PROJECT_UNKNOWN: { status: 404, message: 'There is no project {projectId}.' },
  NOT_IN_ELECTORATE: {
    status: 403,
    message:
      'Only members of the councils under {councilId} (or of {councilId} itself) may {action} in its budget round.',
  },
  NOT_PROJECT_PROPOSER: { status: 403, message: 'Only the proposer may withdraw a project.' },
  PROJECT_TOO_EXPENSIVE: {
    status: 422,
    message: 'The project costs {cost}, more than the whole budget of the round ({budget}).',
  },
  SIGNATURE_REQUIRED: {
    status: 401,
    message:
      'You have a signing key, so every act in your name must be signed by it (POST /api/v1/orgs/<org>/acts, RFC 9421): a password alone cannot act for you.',
  },
  SIGNATURE_INVALID: {
    status: 401,
    message: 'The act is not signed by a key you hold: {reason}.',
  },
  ACT_REPLAYED: {
    status: 409,
    message: 'The act {actId} was already accepted: an act is accepted once.',
  },
  ACT_STALE: {
    status: 422,
    message:
      "The act says it was signed at {issued}, more than five minutes from the server's time: sign it again.",
  },
  KEY_UNKNOWN: { status: 404, message: 'You have no key {keyId}.' },
  KEY_EXISTS: { status: 409, message: 'The key {keyId} is already registered.' },
  KEY_INVALID: { status: 422, message: 'The key cannot be registered: {reason}.' },
});

export const democracyError = errorFactory(democracyErrors);
export type DemocracyErrorCode = keyof typeof democracyErrors;
