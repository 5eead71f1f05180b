import { enErrorsMore } from './en-errors.js';
import { enMembers } from './en-members.js';
import { enPrivacy } from './en-privacy.js';

/**
 * English: the source language. Every other language has exactly these keys (with the
 * plural forms its own grammar needs; test/web/i18n.test.ts checks it). Placeholders are
 * `{name}`, as in the error catalogue. `errors` holds the error catalogue's sentences
 * (src/errors/catalogue.ts), word for word in English, for the codes the web app meets.
 */
export const en = {
  ...enMembers,
  ...enPrivacy,
  app: {
    name: 'Soviet',
    tagline: 'Council democracy on a verifiable record',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main',
    footer:
      'Soviet is free software (AGPL-3.0-or-later). Every power comes from an election, every mandate is recallable, every act is on the record.',
    loading: 'Loading…',
  },
  nav: {
    home: 'Home',
    practice: 'Practise voting',
    count: 'Count ballots',
    record: 'Verify a record',
    login: 'Log in',
    logout: 'Log out',
    account: 'Your account',
    found: 'Found an organisation',
    join: 'Accept an invitation',
    org: 'Organisation',
    orgRecord: 'The record',
    council: 'Council',
    motion: 'Motion',
    election: 'Election',
    recall: 'Recall',
  },
  language: {
    label: 'Language',
  },
  home: {
    title: 'Council democracy you can check',
    lead: 'Soviet runs an organisation as nested councils of recallable delegates. Every power comes from an election, every mandate can be recalled by those who gave it, and every act is written to a public record that anyone can verify.',
    councilsTitle: 'Councils of delegates',
    councils:
      'Members meet in base councils: a branch, a workplace, a neighbourhood. Each elects delegates to the council above it, up to the congress. Delegates carry their council’s instructions and their votes are open.',
    recallTitle: 'Recall at any time',
    recall:
      'Terms are short and offices rotate. A petition signed by enough of the electing body calls a recall vote, and a recalled delegate is replaced at a by-election.',
    recordTitle: 'A record no one can rewrite',
    record:
      'Every motion, vote, election and recall is an entry in the organisation’s append-only log, signed and published, so that anyone can check that nothing was altered or removed.',
    startTitle: 'Start',
    startText:
      'Found an organisation with its councils, or join one with the invitation a member gave you.',
    tryTitle: 'Try it now',
    tryLead: 'These tools work in your browser, without an account:',
    tryPractice: 'Practise a ranked ballot',
    tryPracticeText:
      'rank candidates by touch, mouse or keyboard, then count the practice ballots.',
    tryCount: 'Count a ballot file',
    tryCountText: 'count a real election stage by stage, with a chart of every transfer.',
    tryRecord: 'Verify a record',
    tryRecordText: 'check an organisation’s signed log and the proofs of its events.',
    countingTitle: 'How elections are counted',
    counting:
      'Elections for several seats use the single transferable vote, counted as Scottish local elections are; elections for one seat use instant runoff. Ties that the rules leave to lot are drawn from the record itself, so anyone can repeat the draw.',
  },
  practice: {
    title: 'Practise a ranked ballot',
    lead: 'Rank as many candidates as you like, in order of preference. Nothing you do here is recorded or sent anywhere.',
    ballotTitle: 'Practice election: delegates to the district council',
    cast: 'Cast this practice ballot',
    castDone: 'Practice ballot cast: {ranking}.',
    emptyBallot: 'Rank at least one candidate before casting the ballot.',
    boxTitle: 'The practice ballot box',
    boxCount_one: '{count} practice ballot is in the box.',
    boxCount_other: '{count} practice ballots are in the box.',
    boxEmpty: 'The box is empty. Cast a ballot, or fill the box with random ones.',
    fillRandom: 'Add {count} random ballots',
    emptyBox: 'Empty the box',
    seats: 'Seats to fill',
    countBox: 'Count the practice ballots',
  },
  countPage: {
    title: 'Count a ballot file',
    lead: 'Choose a ballot file in the .blt format (used by the Electoral Reform Society, OpenSTV and Scottish councils) or a PrefLib file. It is counted here, in your browser: the file is not sent anywhere.',
    file: 'Ballot file',
    fileHint: '.blt, or PrefLib .soc, .soi, .toc, .toi',
    method: 'Counting method',
    methodAuto: 'Automatic: STV for several seats, instant runoff for one',
    seats: 'Seats to fill',
    seatsHint: 'Leave empty to use the number in the file.',
    seed: 'Seed for ties left to lot',
    seedHint:
      'Optional. Soviet uses the record’s checkpoint; the same seed always draws the same lots.',
    count: 'Count',
    counting: 'Counting…',
    failed: 'This file cannot be counted',
    summary: '{title}: {candidates} candidates, {ballots} ballots, {seats} seats to fill.',
    untitled: 'Untitled election',
    download: 'Download the report (JSON)',
    chooseFile: 'Choose a ballot file first.',
  },
  record: {
    title: 'Verify an organisation’s record',
    lead: 'Your browser checks the signature on the organisation’s latest checkpoint with its public key, then proves that each event shown is in the signed log. It trusts nothing the server says without checking it.',
    org: 'Organisation',
    orgHint: 'Its short name, as in its address, e.g. acme-branch.',
    vkey: 'Public key (vkey)',
    vkeyHint:
      'The organisation’s verifier key, e.g. soviet.localhost/acme+1a2b3c4d+AR…. Get it from someone you trust: this browser remembers it for this organisation and warns you if the record ever stops matching it.',
    verify: 'Verify',
    verifying: 'Verifying…',
    verified: 'The record is verified',
    verifiedText_one:
      'The checkpoint is signed by the organisation’s key, and the latest event is proven to be in the log.',
    verifiedText_other:
      'The checkpoint is signed by the organisation’s key, and each of the {count} latest events is proven to be in the log.',
    verifiedEmpty: 'The checkpoint is signed by the organisation’s key. The log has no events yet.',
    failed: 'The record does not verify',
    checkpoint: 'Checkpoint',
    origin: 'Log',
    size: 'Events in the log',
    rootHash: 'Root hash',
    keyId: 'Key ID',
    signature: 'Signature',
    signatureOk: 'verified',
    consistency: 'Since your last visit',
    consistencyFirst:
      'First check from this browser: this checkpoint is remembered, to prove next time that the log only grew.',
    consistencySame: 'Unchanged since your last check on {date}.',
    consistencyOk:
      'The log only grew since your last check on {date} (from {from} to {to} events): proven.',
    consistencyFailed:
      'The log is not an extension of the one this browser saw on {date} (size {from}): {reason}. The record has been rewritten.',
    events: 'Latest events',
    eventsHelp: 'Each event’s inclusion proof leads to the signed root hash.',
    event: 'Event {seq}',
    type: 'Type',
    actorIs: 'by {actor}',
    inLog: 'In the log',
    proofFailed: 'Proof failed',
    data: 'Data',
    system: 'the system',
    proofFailedText: 'Event {seq}: {reason}.',
    keyChanged:
      'The key differs from the one this browser remembered for “{org}”. Check it with someone you trust before relying on it.',
    needBoth: 'Enter the organisation and its public key.',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is nothing at this address.',
    home: 'Go to the home page',
  },
  ballot: {
    instructions:
      'A “Rank” button adds its candidate at the end of your ranking. To reorder, drag a candidate by its handle, use the arrow buttons, or focus the handle and press Space to pick it up, the arrow keys to move it, and Space again to drop it (Escape puts it back, Delete removes it).',
    yourRanking: 'Your ranking',
    notRanked: 'Not ranked',
    emptyRanking: 'No one ranked yet. Choose “Rank 1” beside your first choice.',
    allRanked: 'You have ranked every candidate.',
    handleLabel: '{name}, rank {rank} of {of}. Reorder',
    moveUp: 'Move {name} up',
    moveDown: 'Move {name} down',
    remove: 'Remove {name} from your ranking',
    rankNext: 'Rank {rank}',
    rankNextLabel: 'Rank {rank}: {name}',
    clear: 'Clear my ranking',
    announce: {
      added: '{name} ranked {rank} of {of}.',
      removed: '{name} removed from your ranking. {of} ranked.',
      moved: '{name} moved to rank {rank} of {of}.',
      grabbed:
        '{name} picked up, at rank {rank} of {of}. Use the arrow keys to move, Space to drop, Escape to cancel.',
      dropped: '{name} dropped at rank {rank} of {of}.',
      cancelled: 'Move cancelled. {name} is back at rank {rank} of {of}.',
      atTop: '{name} is already first.',
      atBottom: '{name} is already last.',
      cleared: 'Your ranking is cleared.',
    },
  },
  count: {
    result: 'Result of the count',
    resultOf: 'Result: {title}',
    method: 'Method',
    methods: {
      'scottish-stv': 'Single transferable vote (Scottish rules)',
      meek: 'Single transferable vote (Meek)',
      irv: 'Instant runoff',
      schulze: 'Schulze',
      approval: 'Approval',
    },
    seats: 'Seats',
    ballots: 'Ballots',
    validVote: 'Valid vote',
    approvals: 'Approvals',
    quota: 'Quota',
    elected: 'Elected',
    noneElected: 'No one was elected.',
    seatsUnfilled_one: '{count} seat is left unfilled: there were not enough candidates.',
    seatsUnfilled_other: '{count} seats are left unfilled: there were not enough candidates.',
    lots: 'Ties settled by lot',
    lot: {
      exclude: 'Stage {stage}: {among} were tied for exclusion; the lot excluded {chosen}.',
      'surplus-order':
        'Stage {stage}: {among} had equal surpluses; the lot transferred {chosen}’s first.',
      elect: 'Stage {stage}: {among} were tied for election; the lot elected {chosen}.',
      rank: '{among} were tied; the lot ranked {chosen} higher.',
    },
    previousStage: 'Previous',
    nextStage: 'Next',
    chooseStage: 'Stage',
    stageOption: 'Stage {stage}: {action}',
    stageHeading: 'Stage {stage} of {of}',
    stageNumber: 'Stage {stage}',
    action: {
      firstPreferences: 'First preferences are counted.',
      approvals: 'Approvals are counted.',
      firstPreferencesShort: 'first preferences',
      approvalsShort: 'approvals',
      surplus:
        'The surplus of {name} ({surplus} votes) is transferred at a transfer value of {value}.',
      surplusShort: 'surplus of {name}',
      exclusion_one: '{names} is excluded and their papers are transferred.',
      exclusion_other: '{names} are excluded and their papers are transferred.',
      exclusionShort: 'exclusion of {names}',
      meek_one: 'The elected candidates’ keep values are recomputed ({count} iteration).',
      meek_other: 'The elected candidates’ keep values are recomputed ({count} iterations).',
      meekShort: 'keep values recomputed',
    },
    event: {
      elected: {
        quota: '{name} is elected, having reached the quota.',
        'last-seats': '{name} is elected: as many candidates remain as seats.',
        majority: '{name} is elected with a majority of the continuing votes.',
        highest: '{name} is elected with the most votes.',
      },
      excluded: {
        lowest: '{name} is excluded, having the fewest votes.',
        bulk: '{name} is excluded together with others who could not catch up.',
      },
    },
    chartTitle: 'Votes at stage {stage}',
    chartDescription:
      'One bar per candidate: votes before the stage, what the stage transferred to them or took from them, and the quota. The table below gives the same figures.',
    quotaLine: 'Quota {quota}',
    legend: {
      before: 'Votes before the stage',
      gain: 'Received at this stage',
      loss: 'Transferred away',
      quota: 'Quota',
    },
    tableCaption: 'Figures at stage {stage}',
    candidate: 'Candidate',
    before: 'Before',
    transfer: 'Transfer',
    after: 'After',
    keepValue: 'Keep value',
    standing: 'Standing',
    standings: {
      elected: 'Elected',
      excluded: 'Excluded',
      continuing: 'Continuing',
    },
    nonTransferable: 'Non-transferable',
    lostToRounding: 'Lost to rounding',
    total: 'Total',
    allStages: 'Every stage',
    ranking: 'Ranking',
    pairwise: 'Pairwise contests',
    pairwiseHelp:
      'Each cell gives the number of ballots that rank the row’s candidate above the column’s.',
  },
  problems: {
    network: 'The server cannot be reached. Check your connection and try again.',
    unexpected: 'Something unexpected went wrong. Please try again.',
    badResponse: 'The server sent an answer this page does not understand (status {status}).',
    requestId: 'Reference: {requestId}',
  },
  errors: {
    INTERNAL: 'Something went wrong on the server. It has been logged with request id {requestId}.',
    NOT_FOUND: 'There is nothing at this address.',
    BAD_REQUEST: 'The request is not valid: {reason}.',
    USAGE: '{reason}',
    STORE_CLOSED: 'The database is closed: the server is shutting down.',
    STORE_UNAVAILABLE: 'The database at {target} cannot be opened: {reason}.',
    ORG_NOT_FOUND: 'There is no organisation called "{org}".',
    ORG_EXISTS: 'An organisation called "{org}" already exists.',
    ORG_BAD_SLUG:
      'An organisation name must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit, not "{org}".',
    LOG_INCONSISTENT:
      'The log of "{org}" does not extend its last signed checkpoint ({reason}); nothing was signed. Run `soviet fsck {org}`.',
    LOG_BAD_TILE: 'There is no tile {path} in this log.',
    LOG_BAD_PROOF_REQUEST: 'No proof can be given for {what}: {reason}.',
    LOG_ENTRY_MISSING:
      'Entry {seq} of "{org}" is missing from the database. Run `soviet fsck {org}`.',
    RECORD_NOT_JSON: 'The value at {path} cannot be written as canonical JSON: {reason}.',
    RECORD_ENTRY_TOO_LARGE:
      'A record entry may be at most 65,535 bytes, and this one is {size} bytes. Store large content beside the log and record its SHA-256.',
    RECORD_ENTRY_INVALID: 'The record entry is not a valid entry envelope: {reason}.',
    RECORD_TREE_RANGE: 'There is no {what} for a tree of size {size}: {reason}.',
    RECORD_BUNDLE_INVALID: 'The entry bundle is malformed: {reason}.',
    RECORD_KEY_INVALID: 'The {what} key is not valid: {reason}.',
    RECORD_NOTE_INVALID: 'The signed note is malformed: {reason}.',
    RECORD_NOTE_BAD_SIGNATURE: 'The signature by key "{name}" on the note does not verify.',
    RECORD_NOTE_UNSIGNED: 'The note carries no signature by the key "{name}".',
    RECORD_CHECKPOINT_INVALID: 'The checkpoint is malformed: {reason}.',
    BALLOT_FILE_EMPTY: 'The ballot file is empty.',
    BLT_BAD_HEADER:
      'Line {line} of the ballot file must give the number of candidates and of seats: {reason}.',
    BLT_BAD_BALLOT: 'Line {line} of the ballot file is not a valid ballot: {reason}.',
    BLT_BAD_WITHDRAWN:
      'Line {line} of the ballot file lists a withdrawn candidate that does not exist: {reason}.',
    BLT_NO_END_OF_BALLOTS:
      'The ballot file ends at line {line} without the line "0" that closes the ballots.',
    BLT_MISSING_NAMES:
      'The ballot file ends at line {line} before naming all {expected} candidates.',
    BLT_BAD_NAME: 'Line {line} of the ballot file is not a valid name: {reason}.',
    BLT_TRAILING_TEXT: 'Line {line} of the ballot file has text after the title: {reason}.',
    PREFLIB_BAD_HEADER: 'Line {line} of the PrefLib file has a malformed header: {reason}.',
    PREFLIB_BAD_ORDER: 'Line {line} of the PrefLib file is not a valid preference order: {reason}.',
    PREFLIB_NO_ALTERNATIVES:
      'The PrefLib file does not say how many alternatives there are (# NUMBER ALTERNATIVES).',
    BALLOT_UNKNOWN_CANDIDATE:
      'Ballot {ballot} ranks "{candidate}", who is not a candidate in this election.',
    BALLOT_DUPLICATE_CANDIDATE: 'Ballot {ballot} ranks "{candidate}" more than once.',
    BALLOT_BAD_WEIGHT:
      'Ballot {ballot} has weight {weight}; a weight must be a positive whole number.',
    COUNT_BAD_CANDIDATES: 'The candidates are not valid: {reason}.',
    COUNT_BAD_SEATS: 'The number of seats must be a whole number from 1 to {max}, not {seats}.',
    COUNT_METHOD_SINGLE_SEAT: 'The method {method} fills exactly one seat, not {seats}.',
    COUNT_UNKNOWN_METHOD:
      'There is no counting method "{method}"; use scottish-stv, meek, irv, schulze or approval.',
    COUNT_TOO_MANY_VOTES: 'The {method} count supports at most {max} votes in total, not {total}.',
    MOTION_BAD_TALLY: 'The motion tally is not valid: {reason}.',
    ...enErrorsMore,
  },
};

/** The shape every language's resources follow (plural keys aside). */
export type Messages = typeof en;
