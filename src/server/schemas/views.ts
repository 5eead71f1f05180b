import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { RULE_NAMES } from '../../budgeting/index.js';
import type { CountReport } from '../../counting/index.js';
import {
  BOUNDS,
  type Constitution,
  DEFAULT_CONSTITUTION,
  MOTION_KINDS,
  type MotionBody,
  MULTI_SEAT_METHODS,
  RECORD_VISIBILITIES,
} from '../../democracy/index.js';
import type { JsonObject } from '../../record/index.js';

/**
 * Response schemas of the democracy views (src/service/views): what the API answers,
 * for the OpenAPI document and fast serialisation. test/server/schema-types.test.ts
 * checks at compile time that each schema's type and its view's type are the same, so
 * a view that gains a field cannot be answered without it being documented.
 */

const obj = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ms = (description?: string) =>
  Type.Integer(description ? { description: `${description} (Unix ms)` } : {});

export const MemberRefSchema = obj(
  {
    id: Type.String(),
    name: nullable(Type.String()),
    erased: Type.Boolean(),
  },
  "A person: the opaque member id, and the name when the viewer may see it (members see members' names; others only mandate holders', when the record is public); null once erased.",
);

export const CouncilRefSchema = obj({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['base', 'delegate']),
});

export const SeatRefSchema = obj({
  groupKey: Type.String(),
  kind: Type.Enum(['delegation', 'office']),
  office: nullable(Type.String()),
  council: nullable(CouncilRefSchema),
  electingCouncil: nullable(CouncilRefSchema),
  label: Type.String({ description: '"chair of Docks", "delegate of Docks to North".' }),
});

export const MandateSummarySchema = obj({
  id: Type.String(),
  holder: MemberRefSchema,
  seat: SeatRefSchema,
  electionId: Type.String(),
  startAt: ms(),
  endAt: ms(),
  terms: Type.Integer({ description: 'Consecutive terms on this seat, this one included.' }),
  endedAt: nullable(ms()),
  endReason: nullable(Type.String()),
  petitionId: nullable(Type.String()),
});

export const ElectionSummarySchema = obj({
  id: Type.String(),
  seat: SeatRefSchema,
  kind: Type.Enum(['regular', 'by']),
  seats: Type.Integer(),
  phase: Type.Enum(['nominations', 'voting', 'closed']),
  nominationsCloseAt: ms(),
  votingCloseAt: ms(),
  candidates: Type.Integer(),
  ballots: Type.Integer(),
});

export const MotionSummarySchema = obj({
  id: Type.String(),
  councilId: Type.String(),
  title: Type.String(),
  kind: Type.Enum([...MOTION_KINDS]),
  phase: Type.Enum(['proposed', 'debate', 'amendments', 'voting', 'passed', 'failed', 'withdrawn']),
  proposedBy: MemberRefSchema,
  proposedAt: ms(),
  nextDeadline: nullable(ms()),
});

const PetitionPhase = Type.Enum(['petition', 'vote', 'lapsed', 'recalled', 'kept', 'moot']);

export const PetitionSummarySchema = obj({
  id: Type.String(),
  mandateId: Type.String(),
  holder: MemberRefSchema,
  seat: SeatRefSchema,
  phase: PetitionPhase,
  signatures: Type.Integer(),
  needed: Type.Integer(),
  windowEndsAt: ms(),
  voteClosesAt: nullable(ms()),
});

export const BreachViewSchema = obj({
  id: Type.String(),
  member: MemberRefSchema,
  mandateId: Type.String(),
  council: nullable(CouncilRefSchema),
  motionId: Type.String(),
  motionTitle: Type.String(),
  instructionId: Type.String(),
  instructed: Type.String(),
  voted: Type.String(),
  at: ms(),
});

export const BoxViewSchema = obj(
  {
    id: Type.String(),
    secret: Type.Boolean(),
    rollSize: Type.Integer(),
    cast: Type.Integer(),
    opensAt: ms(),
    closesAt: ms(),
    closed: Type.Boolean(),
    quorumPercent: Type.Integer(),
    openVotes: Type.Array(obj({ member: MemberRefSchema, choice: Type.String() })),
    published: Type.Integer(),
  },
  'A ballot box: secret boxes show only how many ballots they hold until the close.',
);

export const GroupSeatsViewSchema = obj({
  groupKey: Type.String(),
  seat: SeatRefSchema,
  seats: Type.Integer(),
  termStartedAt: nullable(ms()),
  termEndsAt: nullable(ms()),
  holders: Type.Array(MandateSummarySchema),
  election: nullable(ElectionSummarySchema),
});

export const CouncilViewSchema = obj({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['base', 'delegate']),
  createdAt: ms(),
  dissolvedAt: nullable(ms()),
  path: Type.Array(CouncilRefSchema),
  parent: nullable(CouncilRefSchema),
  children: Type.Array(
    obj({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Enum(['base', 'delegate']),
      members: Type.Integer(),
    }),
  ),
  memberCount: Type.Integer(),
  votingBodySize: Type.Integer(),
  members: Type.Array(MemberRefSchema),
  delegates: Type.Array(
    obj({ member: MemberRefSchema, from: CouncilRefSchema, mandateId: Type.String() }),
  ),
  offices: Type.Array(GroupSeatsViewSchema),
  delegation: nullable(GroupSeatsViewSchema),
  elections: Type.Array(ElectionSummarySchema),
  pastElections: Type.Array(
    obj({
      ...ElectionSummarySchema.properties,
      closedAt: ms('When it closed: close of voting, or of nominations if it lapsed then'),
      elected: Type.Array(MemberRefSchema, { description: 'Empty when it lapsed.' }),
    }),
    { description: 'Closed elections, most recent first (at most 20).' },
  ),
  motions: Type.Array(MotionSummarySchema),
  petitions: Type.Array(PetitionSummarySchema),
  instructions: Type.Array(
    obj({
      id: Type.String(),
      targetMotionId: Type.String(),
      targetTitle: Type.String(),
      position: Type.String(),
      issuedAt: ms(),
    }),
  ),
  breaches: Type.Array(BreachViewSchema),
});

/**
 * The constitution: every parameter (democracy/constitution.ts), derived from its
 * defaults so that a new parameter is documented the day it exists.
 */
export const ConstitutionSchema = Type.Unsafe<Constitution>(
  obj(
    Object.fromEntries(
      Object.entries(DEFAULT_CONSTITUTION).map(([name, value]) => [
        name,
        typeof value === 'number' ? Type.Integer() : Type.String(),
      ]),
    ),
    'The parameters in force (RULES.md, "Entrenched rules": each within its bounds).',
  ),
);

/**
 * The founders' choice of constitution parameters (POST /api/v1/orgs): every parameter
 * optional, each typed and bounded as democracy/constitution.ts says, none other.
 */
export const ConstitutionChoiceSchema = obj(
  Object.fromEntries(
    Object.keys(DEFAULT_CONSTITUTION).map((name) => [
      name,
      Type.Optional(
        name in BOUNDS
          ? Type.Integer({
              minimum: BOUNDS[name as keyof typeof BOUNDS][0],
              maximum: BOUNDS[name as keyof typeof BOUNDS][1],
            })
          : name === 'multiSeatMethod'
            ? Type.Enum([...MULTI_SEAT_METHODS])
            : name === 'recordVisibility'
              ? Type.Enum([...RECORD_VISIBILITIES])
              : Type.String({ maxLength: 40 }),
      ),
    ]),
  ),
  'The founders\' choice of constitution parameters, each within its entrenched bounds (docs/design/rules.md); the others take their defaults. `{ "recordVisibility": "public" }` opens the record to everyone (default `members`).',
);

export interface CouncilNodeShape {
  readonly id: string;
  readonly name: string;
  readonly kind: 'base' | 'delegate';
  readonly members: number;
  readonly children: readonly CouncilNodeShape[];
}

/**
 * The council tree node, recursive: registered once with `app.addSchema` (shared-schemas.ts)
 * and referenced as `CouncilNode#`.
 */
export const CouncilNodeDefinition = {
  $id: 'CouncilNode',
  title: 'CouncilNode',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'kind', 'members', 'children'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { enum: ['base', 'delegate'] },
    members: { type: 'integer' },
    children: { type: 'array', items: { $ref: 'CouncilNode#' } },
  },
} as const;

export const OrganisationViewSchema = obj({
  slug: Type.String(),
  name: Type.String(),
  foundedAt: ms(),
  constitution: ConstitutionSchema,
  members: Type.Integer(),
  councils: Type.Integer(),
  openElections: Type.Integer(),
  openMotions: Type.Integer(),
  openPetitions: Type.Integer(),
  nextDeadline: nullable(ms('When the next phase ends')),
  tree: Type.Unsafe<CouncilNodeShape>({ $ref: 'CouncilNode#' }),
});

export const CountReportSchema = Type.Unsafe<CountReport>({
  type: 'object',
  additionalProperties: true,
  description:
    'The count stage by stage (src/counting CountReport: method, quota, stages, transfers, lots drawn).',
});

export const ElectionViewSchema = obj({
  id: Type.String(),
  seat: SeatRefSchema,
  kind: Type.Enum(['regular', 'by']),
  seats: Type.Integer(),
  phase: Type.Enum(['nominations', 'voting', 'closed']),
  nominationsCloseAt: ms(),
  votingCloseAt: ms(),
  candidates: Type.Integer(),
  ballots: Type.Integer(),
  electingCouncilId: Type.String(),
  method: Type.String(),
  openedAt: ms(),
  mandateEndsAt: ms(),
  maxConsecutiveTerms: Type.Integer(),
  maxConcurrentMandates: Type.Integer(),
  nominees: Type.Array(
    obj({
      member: MemberRefSchema,
      nominatedBy: MemberRefSchema,
      accepted: Type.Boolean(),
      withdrawn: Type.Boolean(),
    }),
  ),
  candidateList: Type.Array(MemberRefSchema, {
    description: 'The candidates in ballot order, fixed when voting opened.',
  }),
  ballotBox: nullable(BoxViewSchema),
  elected: nullable(Type.Array(MemberRefSchema)),
  count: nullable(
    obj({ unopposed: Type.Boolean(), report: Type.Union([CountReportSchema, Type.Null()]) }),
  ),
  mandates: Type.Array(MandateSummarySchema),
});

export const MemberViewSchema = obj({
  id: Type.String(),
  name: nullable(Type.String()),
  erased: Type.Boolean(),
  status: Type.Enum(['active', 'left', 'expelled']),
  joinedAt: ms(),
  council: nullable(CouncilRefSchema),
  mandates: Type.Array(MandateSummarySchema),
  pastMandates: Type.Array(MandateSummarySchema),
  candidacies: Type.Array(ElectionSummarySchema),
  breaches: Type.Array(BreachViewSchema),
  petitions: Type.Array(PetitionSummarySchema),
});

export const MemberBallotSchema = obj({
  boxId: Type.String(),
  subject: obj({ kind: Type.String(), id: Type.String() }),
  closesAt: ms(),
  voted: Type.Boolean(),
});

const Tally = obj({ yes: Type.Integer(), no: Type.Integer(), abstain: Type.Integer() });

export const VoteResultSchema = obj({
  passed: Type.Boolean(),
  yes: Type.Integer(),
  no: Type.Integer(),
  abstain: Type.Integer(),
  quorumNeeded: Type.Integer(),
  reason: Type.String(),
  effectVoid: nullable(Type.String()),
});

/** What a motion does when it passes (democracy/motion-body.ts), as requests send it. */
export const MotionBodySchema = Type.Unsafe<MotionBody>({
  type: 'object',
  description:
    'What the motion does when it passes: `ordinary`, `constitutional` (parameter, value), `expulsion` (memberId), `spending` (amount in minor units, currency, payee; purpose; mandateId for office pay; payeeMemberId when the payee is a member), `budget` (a participatory-budget round: amount, currency, voteType, rule…), `instruction` (targetMotionId, position) or `structure` (change).',
  required: ['kind'],
  properties: {
    kind: { enum: [...MOTION_KINDS] },
  },
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { const: 'ordinary' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'parameter', 'value'],
      properties: {
        kind: { const: 'constitutional' },
        parameter: { type: 'string', maxLength: 40 },
        value: { anyOf: [{ type: 'integer' }, { type: 'string', maxLength: 40 }] },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'memberId'],
      properties: {
        kind: { const: 'expulsion' },
        memberId: { type: 'string', pattern: '^m[1-9][0-9]{0,9}$', maxLength: 11 },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'amount', 'currency', 'payee'],
      properties: {
        kind: { const: 'spending' },
        amount: { type: 'integer', minimum: 1, maximum: 1e15 },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
        payee: { type: 'string', minLength: 1, maxLength: 200 },
        purpose: { type: 'string', maxLength: 2000 },
        mandateId: { type: 'string', pattern: '^d[1-9][0-9]{0,9}$', maxLength: 11 },
        payeeMemberId: { type: 'string', pattern: '^m[1-9][0-9]{0,9}$', maxLength: 11 },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'amount', 'currency', 'voteType'],
      properties: {
        kind: { const: 'budget' },
        amount: { type: 'integer', minimum: 1, maximum: 1e15 },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
        voteType: { enum: ['approval', 'cumulative', 'ordinal'] },
        rule: { enum: [...RULE_NAMES] },
        points: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        maxChoices: { type: 'integer', minimum: 1, maximum: 10_000 },
        minScore: { type: 'integer', minimum: 0, maximum: 1e15 },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'targetMotionId', 'position'],
      properties: {
        kind: { const: 'instruction' },
        targetMotionId: { type: 'string', pattern: '^mo[1-9][0-9]{0,9}$', maxLength: 12 },
        position: { enum: ['yes', 'no', 'abstain'] },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'change'],
      properties: {
        kind: { const: 'structure' },
        change: {
          type: 'object',
          required: ['action'],
          properties: { action: { enum: ['create', 'merge', 'dissolve'] } },
          discriminator: { propertyName: 'action' },
          oneOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['action', 'name', 'councilKind', 'parentId'],
              properties: {
                action: { const: 'create' },
                name: { type: 'string', minLength: 1, maxLength: 200 },
                councilKind: { enum: ['base', 'delegate'] },
                parentId: { type: 'string', pattern: '^c[1-9][0-9]{0,9}$', maxLength: 11 },
                offices: {
                  type: 'array',
                  maxItems: 20,
                  items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$', maxLength: 40 },
                },
              },
            },
            {
              type: 'object',
              additionalProperties: false,
              required: ['action', 'fromId', 'intoId'],
              properties: {
                action: { const: 'merge' },
                fromId: { type: 'string', pattern: '^c[1-9][0-9]{0,9}$', maxLength: 11 },
                intoId: { type: 'string', pattern: '^c[1-9][0-9]{0,9}$', maxLength: 11 },
              },
            },
            {
              type: 'object',
              additionalProperties: false,
              required: ['action', 'councilId'],
              properties: {
                action: { const: 'dissolve' },
                councilId: { type: 'string', pattern: '^c[1-9][0-9]{0,9}$', maxLength: 11 },
              },
            },
          ],
        },
      },
    },
  ],
});

export const MotionViewSchema = obj({
  id: Type.String(),
  councilId: Type.String(),
  title: Type.String(),
  kind: Type.Enum([...MOTION_KINDS]),
  phase: Type.Enum(['proposed', 'debate', 'amendments', 'voting', 'passed', 'failed', 'withdrawn']),
  proposedBy: MemberRefSchema,
  proposedAt: ms(),
  nextDeadline: nullable(ms()),
  council: nullable(CouncilRefSchema),
  text: Type.String({ description: 'The text now, after adopted amendments.' }),
  originalText: Type.String(),
  body: Type.Unsafe<MotionBody>({ type: 'object', additionalProperties: true }),
  threshold: Type.Enum(['simple-majority', 'two-thirds']),
  seconders: Type.Array(MemberRefSchema),
  secondersNeeded: Type.Integer(),
  debateClosesAt: nullable(ms()),
  amendmentsCloseAt: nullable(ms()),
  voteClosesAt: nullable(ms()),
  amendments: Type.Array(
    obj({
      id: Type.String(),
      proposedBy: MemberRefSchema,
      text: Type.String(),
      proposedAt: ms(),
      adopted: nullable(Type.Boolean()),
      vote: nullable(BoxViewSchema),
      tally: nullable(Tally),
    }),
  ),
  vote: nullable(BoxViewSchema),
  result: nullable(VoteResultSchema),
  instructions: Type.Array(
    obj({
      council: nullable(CouncilRefSchema),
      instructionId: Type.String(),
      position: Type.String(),
      issuedAt: ms(),
    }),
  ),
  breaches: Type.Array(BreachViewSchema),
});

export const RecallViewSchema = obj({
  id: Type.String(),
  mandate: nullable(MandateSummarySchema),
  electingCouncil: nullable(CouncilRefSchema),
  openedBy: MemberRefSchema,
  reason: Type.String(),
  breaches: Type.Array(BreachViewSchema),
  openedAt: ms(),
  windowEndsAt: ms(),
  needed: Type.Integer(),
  signers: Type.Array(MemberRefSchema),
  phase: PetitionPhase,
  vote: nullable(BoxViewSchema),
  voteClosesAt: nullable(ms()),
  result: nullable(
    obj({
      recall: Type.Integer(),
      keep: Type.Integer(),
      abstain: Type.Integer(),
      quorumNeeded: Type.Integer(),
    }),
  ),
});

export const RecordEntrySchema = obj({
  seq: Type.Integer(),
  time: Type.String({ description: 'ISO 8601, as logged.' }),
  type: Type.String(),
  actor: Type.String({ description: 'The acting member, or "system".' }),
  data: Type.Unsafe<JsonObject>({
    type: 'object',
    additionalProperties: true,
    description: "The event's public data (docs/events.md).",
  }),
  meaning: Type.String(),
});

export const RecordViewSchema = obj({
  org: Type.String(),
  origin: Type.String({ description: 'The C2SP checkpoint origin of the log.' }),
  vkey: Type.String({ description: "The signed-note verifier key of the organisation's log." }),
  size: Type.Integer(),
  checkpoint: Type.String(),
  from: Type.Integer(),
  entries: Type.Array(RecordEntrySchema),
});

export const ReceiptCheckSchema = obj({
  receipt: Type.String(),
  boxId: Type.String(),
  subject: obj({ kind: Type.String(), id: Type.String() }),
  ballot: Type.Union([Type.Array(Type.String()), Type.String()], {
    description: 'Candidate ids in order of preference (elections), or the choice.',
  }),
});
