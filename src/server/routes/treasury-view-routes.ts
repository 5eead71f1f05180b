import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { createTreasuryService } from '../../service/treasury-service.js';
import { CouncilId, OrgParams, OrgSlug, withErrors } from '../schemas/common.js';
import {
  BudgetRoundViewSchema,
  LedgerEntryViewSchema,
  LedgerViewSchema,
  PublishedBudgetBallotSchema,
  TreasuryViewSchema,
} from '../schemas/treasury-views.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const CouncilParams = Type.Object(
  { org: OrgSlug, councilId: CouncilId },
  { additionalProperties: false },
);
const RoundParams = Type.Object(
  { org: OrgSlug, roundId: Type.String({ pattern: '^pb[1-9][0-9]{0,9}$', maxLength: 12 }) },
  { additionalProperties: false },
);
const CSV = Type.String({ description: 'RFC 4180 CSV, one row per debit or credit line.' });

/**
 * What members read of the treasury and of participatory budgets (RULES.md: the ledger
 * is open to every member): the organisation's ledgers, authorisations and rounds; a
 * council's ledger, its entries and its CSV export; a round with its projects and, once
 * closed, its result and published ballots (by receipt, for recounting). Every route is
 * for members of the organisation; the commands are in treasury-routes.ts.
 */
export const treasuryViewRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const treasury = createTreasuryService({ store: deps.service.store });

  app.get(
    '/api/v1/orgs/:org/treasury',
    {
      config: { access: 'member' },
      schema: {
        summary: "The organisation's treasury",
        description: "Every council's ledger with its balances, every authorisation, every round.",
        tags: ['treasury'],
        params: OrgParams,
        response: withErrors({ 200: TreasuryViewSchema }),
      },
    },
    async (request) => treasury.treasuryView(request.params.org) as never,
  );

  app.get(
    '/api/v1/orgs/:org/councils/:councilId/ledger',
    {
      config: { access: 'member' },
      schema: {
        summary: "A council's ledger",
        tags: ['treasury'],
        params: CouncilParams,
        response: withErrors({ 200: LedgerViewSchema }),
      },
    },
    async (request) => treasury.ledgerView(request.params.org, request.params.councilId) as never,
  );

  app.get(
    '/api/v1/orgs/:org/councils/:councilId/ledger/entries',
    {
      config: { access: 'member' },
      schema: {
        summary: "A council's ledger entries",
        description:
          'In log order, each with its debit and credit lines and the decision behind a payment.',
        tags: ['treasury'],
        params: CouncilParams,
        querystring: Type.Object(
          {
            offset: Type.Optional(
              Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$', maxLength: 16 }),
            ),
            limit: Type.Optional(
              Type.String({
                pattern: '^(0|[1-9][0-9]{0,2}|1000)$',
                maxLength: 4,
                description: 'At most 1000 (default 100).',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Array(LedgerEntryViewSchema) }),
      },
    },
    async (request) => {
      await treasury.ledgerView(request.params.org, request.params.councilId);
      return treasury.ledgerEntries(request.params.org, {
        councilId: request.params.councilId,
        offset: Number(request.query.offset ?? 0),
        limit: Number(request.query.limit ?? 100),
      }) as never;
    },
  );

  app.get(
    '/api/v1/orgs/:org/councils/:councilId/ledger.csv',
    {
      config: { access: 'member' },
      schema: {
        summary: "A council's ledger as CSV",
        tags: ['treasury'],
        params: CouncilParams,
        produces: ['text/csv'],
        response: withErrors({ 200: CSV }),
      },
    },
    async (request, reply) => {
      const { org, councilId } = request.params;
      await treasury.ledgerView(org, councilId);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${org}-${councilId}-ledger.csv"`);
      return treasury.ledgerCsv(org, councilId);
    },
  );

  app.get(
    '/api/v1/orgs/:org/treasury/ledger.csv',
    {
      config: { access: 'member' },
      schema: {
        summary: "Every council's ledger as one CSV",
        tags: ['treasury'],
        params: OrgParams,
        produces: ['text/csv'],
        response: withErrors({ 200: CSV }),
      },
    },
    async (request, reply) => {
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.org}-ledger.csv"`);
      return treasury.ledgerCsv(request.params.org);
    },
  );

  app.get(
    '/api/v1/orgs/:org/budget-rounds/:roundId',
    {
      config: { access: 'member' },
      schema: {
        summary: 'A participatory-budget round',
        description:
          'Its projects; after the close, their tallies, the funded ones and the drawn tie-break order.',
        tags: ['budgets'],
        params: RoundParams,
        response: withErrors({ 200: BudgetRoundViewSchema }),
      },
    },
    async (request) =>
      treasury.budgetRoundView(request.params.org, request.params.roundId) as never,
  );

  app.get(
    '/api/v1/orgs/:org/budget-rounds/:roundId/ballots',
    {
      config: { access: 'member' },
      schema: {
        summary: "A round's published ballots",
        description:
          'After the close, every ballot under its receipt: find yours, or recount the round.',
        tags: ['budgets'],
        params: RoundParams,
        response: withErrors({ 200: Type.Array(PublishedBudgetBallotSchema) }),
      },
    },
    async (request) => {
      await treasury.budgetRoundView(request.params.org, request.params.roundId);
      return treasury.budgetBallots(request.params.org, request.params.roundId) as never;
    },
  );
};
