import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { CouncilId, GroupKey, OrgParams, OrgSlug, withErrors } from '../schemas/common.js';
import { CouncilViewSchema, MotionBodySchema } from '../schemas/views.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const CouncilParams = Type.Object(
  { org: OrgSlug, councilId: CouncilId },
  { additionalProperties: false },
);

/**
 * Councils (RULES.md, Organisation and councils): a council's page (members or
 * delegates, offices, its delegation, open elections, motions, recalls, instructions and
 * breaches), proposing a motion to it, and calling an election for a vacant seat.
 */
export const councilRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service } = deps;

  app.get(
    '/api/v1/orgs/:org/councils/:councilId',
    {
      config: { access: 'member' },
      schema: {
        summary: "A council's page",
        tags: ['councils'],
        params: CouncilParams,
        response: withErrors({ 200: CouncilViewSchema }),
      },
    },
    async (request) =>
      service.councilView(request.params.org, request.params.councilId, 'member') as never,
  );

  app.post(
    '/api/v1/orgs/:org/councils/:councilId/motions',
    {
      bodyLimit: 64 * 1024,
      config: { access: 'member' },
      schema: {
        summary: 'Propose a motion',
        description:
          "Any member of the council's voting body may propose; it goes to debate once seconded (RULES.md, Motions).",
        tags: ['motions'],
        params: CouncilParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            text: Type.String({ minLength: 1, maxLength: 20_000 }),
            body: MotionBodySchema,
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'ProposeMotion',
        councilId: request.params.councilId,
        title: request.body.title,
        text: request.body.text,
        body: request.body.body,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/elections',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Call an election for a vacant seat',
        description:
          'When a seat group has a vacancy and no election open (e.g. the last one found no candidate).',
        tags: ['elections'],
        params: OrgParams,
        body: Type.Object({ groupKey: GroupKey }, { additionalProperties: false }),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CallElection',
        groupKey: request.body.groupKey,
      }),
  );
};
