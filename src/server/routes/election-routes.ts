import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ElectionId, MemberId, NoBody, OrgSlug, withErrors } from '../schemas/common.js';
import { ElectionViewSchema } from '../schemas/views.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const ElectionParams = Type.Object(
  { org: OrgSlug, electionId: ElectionId },
  { additionalProperties: false },
);

/**
 * Elections (RULES.md, Elections): the page (nominees, candidates, the box, the count
 * stage by stage), nominating, accepting or declining a nomination, and casting a
 * ranked secret ballot, which answers the voter's receipt.
 */
export const electionRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, security } = deps;

  app.get(
    '/api/v1/orgs/:org/elections/:electionId',
    {
      config: { access: 'member' },
      schema: {
        summary: "An election's page",
        tags: ['elections'],
        params: ElectionParams,
        response: withErrors({ 200: ElectionViewSchema }),
      },
    },
    async (request) =>
      service.electionView(request.params.org, request.params.electionId, 'member') as never,
  );

  app.post(
    '/api/v1/orgs/:org/elections/:electionId/nominations',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Nominate a candidate',
        description:
          'Any member of the electing body may nominate a member of the constituency (themself included: a self-nomination is accepted at once). Rotation is checked now.',
        tags: ['elections'],
        params: ElectionParams,
        body: Type.Object({ candidateId: MemberId }, { additionalProperties: false }),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'Nominate',
        electionId: request.params.electionId,
        candidateId: request.body.candidateId,
      }),
  );

  for (const [path, kind, summary] of [
    ['accept', 'AcceptNomination', 'Accept my nomination'],
    ['decline', 'DeclineNomination', 'Decline (or withdraw) my nomination'],
  ] as const) {
    app.post(
      `/api/v1/orgs/:org/elections/:electionId/nomination/${path}`,
      {
        config: { access: 'member' },
        schema: {
          summary,
          tags: ['elections'],
          params: ElectionParams,
          body: NoBody,
          response: withErrors({ 200: CommandAnswer }),
        },
      },
      async (request, reply) =>
        runCommand(
          service,
          request,
          reply,
          {
            kind,
            electionId: request.params.electionId,
          },
          200,
        ),
    );
  }

  app.post(
    '/api/v1/orgs/:org/elections/:electionId/ballots',
    {
      config: { access: 'member', ...rateLimitOf(security, 'ballot') },
      schema: {
        summary: 'Cast my ballot',
        description:
          'A ranked secret ballot: candidate ids, most preferred first. The answer holds the receipt that only I get; after the close, `GET /api/v1/orgs/{org}/receipts/{receipt}` finds my ballot among the published ones.',
        tags: ['elections'],
        params: ElectionParams,
        body: Type.Object(
          { ranking: Type.Array(MemberId, { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CastBallot',
        electionId: request.params.electionId,
        ranking: request.body.ranking,
      }),
  );
};
