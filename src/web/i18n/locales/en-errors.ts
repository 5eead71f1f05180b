/**
 * The catalogue's sentences (src/errors/catalogue.ts), word for word, for the codes of the
 * democracy, accounts, server and service contexts that the member's pages meet.
 */
export const enErrorsMore = {
  NOT_FOUNDED: 'This organisation has not been founded yet.',
  ALREADY_FOUNDED: 'This organisation has already been founded.',
  BAD_FOUNDING: 'The organisation cannot be founded so: {reason}.',
  BAD_COMMAND: 'The request is not valid: {reason}.',
  ENTROPY_TOO_SHORT:
    'The server supplied too little randomness (at least 32 hex digits are needed).',
  SYSTEM_ONLY: 'Only the server itself may {action}.',
  NOT_A_MEMBER: 'You are not a member of this organisation.',
  COUNCIL_UNKNOWN: 'There is no council {councilId}.',
  COUNCIL_DISSOLVED: 'The council {councilId} has been dissolved.',
  NOT_BASE_COUNCIL: '{councilId} is a delegate council: members belong to base councils.',
  NOT_YOUR_COUNCIL: 'You may invite people only to your own base council.',
  INVITATION_UNKNOWN: 'This invitation is not valid.',
  INVITATION_USED: 'This invitation has already been used.',
  INVITATION_EXPIRED: 'This invitation expired on {expiresAt}.',
  BAD_NAME: 'A name must have 1 to 100 characters.',
  SAME_COUNCIL: 'You are already a member of that council.',
  ELECTION_UNKNOWN: 'There is no election {electionId}.',
  NOT_IN_VOTING_BODY: 'Only members of the voting body of {councilId} may {action}.',
  NOT_IN_CONSTITUENCY:
    '{candidateId} cannot stand: candidates must be members of the voting body of {councilId}.',
  NOMINATIONS_CLOSED: 'Nominations for this election are closed.',
  ALREADY_NOMINATED: '{candidateId} has already been nominated.',
  NOT_NOMINATED: 'You have not been nominated in this election.',
  ROTATION_CONSECUTIVE:
    '{candidateId} cannot stand: this would be their term {terms} in a row on this seat, and the limit is {limit} (rotation).',
  ROTATION_CONCURRENT:
    '{candidateId} cannot stand: they would hold {count} mandates at once, and the limit is {limit} (rotation).',
  ALREADY_HOLDS_SEAT:
    '{candidateId} already holds a seat of this group beyond the end of this election.',
  VOTING_NOT_OPEN: 'This vote is not open.',
  ALREADY_VOTED: 'You have already voted in this ballot.',
  NOT_ON_ROLL: 'You are not on the roll of this vote: the roll was fixed when voting opened.',
  BAD_BALLOT: 'This ballot is not valid: {reason}.',
  GROUP_UNKNOWN: 'There is no seat group {groupKey}.',
  NO_VACANCY: 'There is no vacant seat to elect in {groupKey}.',
  ELECTION_ALREADY_OPEN: 'An election for {groupKey} is already open ({electionId}).',
  MANDATE_UNKNOWN: 'There is no mandate {mandateId}.',
  MANDATE_NOT_SITTING: 'The mandate {mandateId} has already ended.',
  NOT_HOLDER: 'Only the holder of a mandate may resign it.',
  RECALL_ALREADY_OPEN: 'A recall of this mandate is already under way ({petitionId}).',
  RECALL_COOLDOWN:
    'A recall vote on this mandate failed recently; a new petition may open from {until}.',
  REASON_REQUIRED: 'A recall petition must state a reason.',
  BREACH_UNKNOWN: 'The breach {breachId} is not a breach by the holder of this mandate.',
  PETITION_UNKNOWN: 'There is no recall petition {petitionId}.',
  PETITION_CLOSED: 'This recall petition is no longer open for signatures.',
  ALREADY_SIGNED: 'You have already signed this petition.',
  MOTION_UNKNOWN: 'There is no motion {motionId}.',
  MOTION_NOT_ALLOWED: 'This motion cannot be proposed here: {reason}.',
  PARAMETER_OUT_OF_BOUNDS: 'The constitution cannot be changed so: {reason}.',
  MOTION_PHASE: 'The motion is at stage "{phase}": you cannot {action} now.',
  CANNOT_SECOND_OWN: 'You cannot second your own motion.',
  ALREADY_SECONDED: 'You have already seconded this motion.',
  NOT_PROPOSER: 'Only the proposer may withdraw a motion.',
  AMENDMENT_UNKNOWN: 'There is no amendment {amendmentId}.',
  NOT_TREASURER:
    'Only the treasurer of {councilId}, an office its voting body elects, may {action}.',
  LEDGER_NOT_OPEN: 'The council {councilId} has no ledger yet: its treasurer opens it.',
  LEDGER_ALREADY_OPEN: 'The council {councilId} already keeps a ledger, in {currency}.',
  CURRENCY_MISMATCH:
    'That is in {currency}, but the ledger of {councilId} is kept in {ledgerCurrency}.',
  LEDGER_ACCOUNT_UNKNOWN: 'The ledger of {councilId} has no account "{account}".',
  LEDGER_ACCOUNT_EXISTS: 'The ledger of {councilId} already has an account "{account}".',
  LEDGER_ACCOUNT_TYPE: 'The account "{account}" is a {type} account, but {needed}.',
  INSUFFICIENT_FUNDS: 'The account "{account}" holds {balance}: it cannot give {amount}.',
  AMOUNT_TOO_LARGE:
    'That amount would take an account of {councilId} beyond what the ledger can count.',
  AUTHORISATION_UNKNOWN:
    'There is no spending authorisation {authorisationId}: money leaves the treasury only under a passed spending motion or an adopted participatory budget.',
  AUTHORISATION_EXCEEDED:
    'The authorisation {authorisationId} leaves {remaining} to pay: {amount} is more than it authorised.',
  WAGE_CAP_NOT_SET:
    'No office may be paid until the congress sets the wage cap (a constitutional motion on wageCap and wageCapCurrency).',
  WAGE_CAP_CURRENCY:
    'The wage cap is set in {capCurrency}, but this office pay is in {currency}: the congress must set the cap in that currency first.',
  WAGE_CAP_EXCEEDED:
    '{memberId} has been paid {paid} for their office this month; {amount} more would pass the wage cap of {cap}.',
  ROUND_UNKNOWN: 'There is no budget round {roundId}.',
  ROUND_PHASE: 'The budget round is at stage "{phase}": you cannot {action} now.',
  PROJECT_UNKNOWN: 'There is no project {projectId}.',
  NOT_IN_ELECTORATE:
    'Only members of the councils under {councilId} (or of {councilId} itself) may {action} in its budget round.',
  NOT_PROJECT_PROPOSER: 'Only the proposer may withdraw a project.',
  PROJECT_TOO_EXPENSIVE:
    'The project costs {cost}, more than the whole budget of the round ({budget}).',
  UNAUTHENTICATED: 'You need to log in to do this.',
  SESSION_EXPIRED:
    'Your session has ended (logged out, or inactive for too long). Please log in again.',
  LOGIN_FAILED: 'The username or the password is wrong.',
  LOGIN_THROTTLED:
    'Too many failed logins: wait {seconds} seconds before trying again. The owner of the account will be told.',
  BAD_USERNAME:
    'A username must be 3 to 64 characters: lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.',
  USERNAME_TAKEN: 'The username "{username}" is already taken.',
  WEAK_PASSWORD: 'This password is too weak: {reason}.',
  WRONG_PASSWORD: 'The current password is wrong.',
  ALREADY_A_MEMBER: 'Your account is already a member of "{org}"; one person is one member.',
  INVITATION_BUSY: 'This invitation is being accepted by someone else.',
  NOT_AN_ORG_MEMBER: 'Your account is not a member of "{org}".',
  MEMBERSHIP_ENDED: 'Your membership of "{org}" has ended ({status}).',
  BODY_TOO_LARGE: 'The request body is larger than this address accepts ({limit} bytes).',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
  CSRF_ORIGIN:
    'This request did not come from this site (its Origin or Referer is missing or foreign), so it was refused.',
  CSRF_TOKEN:
    'This request is missing its security token or the token is wrong. Reload the page and try again.',
  RATE_LIMITED: 'Too many requests of this kind: wait {seconds} seconds and try again.',
  SYSTEM_ACTOR_RESERVED: 'Only the server itself acts as "system"; a request must act as a member.',
  MEMBER_UNKNOWN: 'There is no member {memberId}.',
  BALLOT_BOX_UNKNOWN: 'There is no ballot box {boxId}.',
  RECEIPT_UNKNOWN:
    'No published ballot has the receipt {receipt}. Ballots are published when voting closes; check the receipt for typing errors.',
  ALREADY_ERASED: 'This personal data has already been erased.',
  ERASURE_TREASURER:
    'You keep the treasury of council {councilId}, which holds money: resign the office so that a successor takes it over, then ask again.',
  RECORD_MEMBERS_ONLY:
    'The record of {org} is open to its members only (its constitution says so): log in as a member, or present a read token the organisation granted.',
  RECORD_MEMBERS_ONLY_FORBIDDEN:
    'The record of {org} is open to its members only (its constitution says so), and this account is not an active member of it.',
  READ_TOKEN_INVALID:
    'This read token is not valid for the record of {org}: it was never granted, or the organisation revoked it.',
};
