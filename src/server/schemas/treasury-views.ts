import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { CouncilRefSchema, MemberRefSchema } from './views.js';

/**
 * Response schemas of the treasury's and participatory budgets' views
 * (src/service/views/treasury-view.ts). test/server/treasury-api.test.ts checks at compile
 * time that each schema's type and its view's type are the same, and that real answers
 * equal the views. Amounts are whole minor units of the stated currency.
 */

const obj = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ms = () => Type.Integer({ description: 'Unix ms.' });
const minor = (description = 'Minor units (cents).') => Type.Integer({ description });

export const DecisionSchema = Type.Union(
  [
    obj({ kind: Type.Literal('motion'), motionId: Type.String() }),
    obj({ kind: Type.Literal('budget'), roundId: Type.String(), projectId: Type.String() }),
  ],
  { description: 'The decision behind an authorisation: a passed motion, or a funded project.' },
);

export const EntryLineSchema = obj({
  account: Type.String(),
  side: Type.Enum(['debit', 'credit']),
  amount: minor(),
});

export const LedgerAccountViewSchema = obj({
  code: Type.String(),
  name: Type.String(),
  type: Type.Enum(['asset', 'liability', 'equity', 'income', 'expense']),
  debits: minor(),
  credits: minor(),
  balance: minor('On the growing side: debits − credits for assets and expenses.'),
});

export const LedgerViewSchema = obj(
  {
    council: CouncilRefSchema,
    currency: Type.String(),
    openedAt: ms(),
    treasurer: nullable(MemberRefSchema),
    accounts: Type.Array(LedgerAccountViewSchema),
    totals: obj({ debits: minor(), credits: minor() }),
    entries: Type.Integer(),
  },
  "A council's double-entry ledger: its accounts and balances.",
);

export const AuthorisationViewSchema = obj({
  id: Type.String(),
  council: CouncilRefSchema,
  decision: DecisionSchema,
  amount: minor(),
  paid: minor(),
  remaining: minor(),
  currency: Type.String(),
  payee: Type.String(),
  purpose: Type.String(),
  mandateId: nullable(Type.String()),
  authorisedAt: ms(),
});

export const LedgerEntryViewSchema = obj({
  entryId: Type.String(),
  seq: Type.Integer({ description: "The log position of the entry's event." }),
  at: ms(),
  councilId: Type.String(),
  kind: Type.Enum(['income', 'transfer', 'payment']),
  currency: Type.String(),
  lines: Type.Array(EntryLineSchema),
  authorisationId: nullable(Type.String()),
  decision: nullable(DecisionSchema),
  payee: nullable(Type.String()),
  source: nullable(Type.String()),
  memo: Type.String(),
  by: Type.String(),
});

export const BudgetProjectViewSchema = obj({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  cost: minor(),
  payee: Type.String(),
  proposedBy: MemberRefSchema,
  proposedAt: ms(),
  withdrawn: Type.Boolean(),
  votes: nullable(Type.Integer()),
  score: nullable(Type.Integer()),
  funded: nullable(Type.Boolean()),
});

const RoundPhase = Type.Enum(['proposals', 'voting', 'closed', 'lapsed']);

export const BudgetRoundViewSchema = obj({
  id: Type.String(),
  council: CouncilRefSchema,
  motionId: Type.String(),
  title: Type.String(),
  budget: minor(),
  currency: Type.String(),
  voteType: Type.Enum(['approval', 'cumulative', 'ordinal']),
  rule: Type.String(),
  points: nullable(Type.Integer()),
  maxChoices: nullable(Type.Integer()),
  minScore: nullable(Type.Integer()),
  phase: RoundPhase,
  openedAt: ms(),
  proposalsCloseAt: ms(),
  votingCloseAt: ms(),
  rollSize: nullable(Type.Integer()),
  cast: Type.Integer(),
  projects: Type.Array(BudgetProjectViewSchema),
  selected: nullable(Type.Array(Type.String())),
  spent: nullable(minor()),
  tieOrder: nullable(Type.Array(Type.String())),
  seed: nullable(Type.String()),
  perVoter: nullable(Type.String()),
  lapseReason: nullable(Type.String()),
  closedAt: nullable(ms()),
});

export const BudgetRoundSummarySchema = obj({
  id: Type.String(),
  council: CouncilRefSchema,
  title: Type.String(),
  budget: minor(),
  currency: Type.String(),
  phase: RoundPhase,
  proposalsCloseAt: ms(),
  votingCloseAt: ms(),
});

export const PublishedBudgetBallotSchema = obj({
  receipt: Type.String(),
  projects: Type.Array(Type.String()),
  points: nullable(Type.Array(Type.Integer())),
});

export const TreasuryViewSchema = obj({
  ledgers: Type.Array(LedgerViewSchema),
  authorisations: Type.Array(AuthorisationViewSchema),
  rounds: Type.Array(BudgetRoundSummarySchema),
});
