import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { CouncilId, NoBody, OrgSlug, withErrors } from '../schemas/common.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const Amount = Type.Integer({
  minimum: 1,
  maximum: 9_007_199_254_740_991,
  description: "Whole minor units (cents) of the ledger's or round's currency.",
});
const AccountCode = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,39}$',
  maxLength: 40,
  description: 'A ledger account: lower-case letters, digits and dashes (`cash`, `bank`).',
});
const Memo = Type.String({ maxLength: 2000 });
const Currency = Type.String({
  pattern: '^[A-Z]{3}$',
  maxLength: 3,
  description: 'ISO 4217 (`EUR`).',
});
const RoundId = Type.String({ pattern: '^pb[1-9][0-9]{0,9}$', maxLength: 12 });
const ProjectId = Type.String({ pattern: '^pj[1-9][0-9]{0,9}$', maxLength: 12 });
/** A spending authorisation: the passed spending motion (`mo4`) or a funded project (`pj7`). */
const AuthorisationId = Type.String({ pattern: '^(mo|pj)[1-9][0-9]{0,9}$', maxLength: 12 });

const CouncilParams = Type.Object(
  { org: OrgSlug, councilId: CouncilId },
  { additionalProperties: false },
);
const RoundParams = Type.Object(
  { org: OrgSlug, roundId: RoundId },
  { additionalProperties: false },
);

/**
 * The treasury and participatory budgets (RULES.md, "Treasury and distribution";
 * democracy/treasury.ts, budget-rounds.ts): a council's treasurer keeps its double-entry
 * ledger; money leaves it only under a passed spending motion or a funded project;
 * members propose projects in a budget round and cast a secret budget ballot.
 */
export const treasuryRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, security } = deps;

  app.post(
    '/api/v1/orgs/:org/councils/:councilId/ledger',
    {
      config: { access: 'member' },
      schema: {
        summary: "Open the council's ledger",
        description: "Only the council's treasurer; one ledger per council, in one currency.",
        tags: ['treasury'],
        params: CouncilParams,
        body: Type.Object({ currency: Currency }, { additionalProperties: false }),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'OpenLedger',
        councilId: request.params.councilId,
        currency: request.body.currency,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/councils/:councilId/ledger/accounts',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Add a ledger account',
        tags: ['treasury'],
        params: CouncilParams,
        body: Type.Object(
          {
            code: AccountCode,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            accountType: Type.Enum(['asset', 'liability', 'equity', 'income', 'expense']),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'AddLedgerAccount',
        councilId: request.params.councilId,
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/councils/:councilId/ledger/income',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Record money received',
        description:
          'Debits `into` (an asset, default `cash`), credits `account` (default `income`).',
        tags: ['treasury'],
        params: CouncilParams,
        body: Type.Object(
          {
            amount: Amount,
            source: Type.String({ minLength: 1, maxLength: 200 }),
            account: Type.Optional(AccountCode),
            into: Type.Optional(AccountCode),
            memo: Type.Optional(Memo),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'RecordIncome',
        councilId: request.params.councilId,
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/councils/:councilId/ledger/transfers',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Move money between two asset accounts',
        tags: ['treasury'],
        params: CouncilParams,
        body: Type.Object(
          { amount: Amount, from: AccountCode, to: AccountCode, memo: Type.Optional(Memo) },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'RecordTransfer',
        councilId: request.params.councilId,
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/authorisations/:authorisationId/payments',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Pay under an authorisation',
        description:
          'A passed spending motion or a funded project authorises payments up to its amount; office pay stays within the wage cap.',
        tags: ['treasury'],
        params: Type.Object(
          { org: OrgSlug, authorisationId: AuthorisationId },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            amount: Amount,
            from: Type.Optional(AccountCode),
            account: Type.Optional(AccountCode),
            memo: Type.Optional(Memo),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'MakePayment',
        authorisationId: request.params.authorisationId,
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/budget-rounds/:roundId/projects',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Propose a project in a budget round',
        tags: ['budgets'],
        params: RoundParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.String({ maxLength: 5000 }),
            cost: Amount,
            payee: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'ProposeProject',
        roundId: request.params.roundId,
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/projects/:projectId/withdraw',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Withdraw my project',
        tags: ['budgets'],
        params: Type.Object(
          { org: OrgSlug, projectId: ProjectId },
          { additionalProperties: false },
        ),
        body: NoBody,
        response: withErrors({ 200: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(
        service,
        request,
        reply,
        { kind: 'WithdrawProject', projectId: request.params.projectId },
        200,
      ),
  );

  app.post(
    '/api/v1/orgs/:org/budget-rounds/:roundId/ballots',
    {
      config: { access: 'member', ...rateLimitOf(security, 'ballot') },
      schema: {
        summary: 'Cast my budget ballot',
        description:
          'Secret, with a receipt: approval (`projects` supported), cumulative (`points`, one per project) or ordinal (`projects`, best first), as the round says.',
        tags: ['budgets'],
        params: RoundParams,
        body: Type.Object(
          {
            projects: Type.Array(ProjectId, { maxItems: 1000 }),
            points: Type.Optional(
              Type.Array(Type.Integer({ minimum: 0, maximum: 1_000_000 }), { maxItems: 1000 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CastBudgetBallot',
        roundId: request.params.roundId,
        ...request.body,
      }),
  );
};
