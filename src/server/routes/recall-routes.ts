import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  BreachId,
  MandateId,
  NoBody,
  OrgSlug,
  PetitionId,
  RecallChoice,
  withErrors,
} from '../schemas/common.js';
import { RecallViewSchema } from '../schemas/views.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const MandateParams = Type.Object(
  { org: OrgSlug, mandateId: MandateId },
  { additionalProperties: false },
);
const PetitionParams = Type.Object(
  { org: OrgSlug, petitionId: PetitionId },
  { additionalProperties: false },
);

/**
 * Mandates and recall (RULES.md, Mandates; Recall): resigning, opening a recall
 * petition with a reason (citing breaches), signing it, and voting in the recall.
 */
export const recallRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, security } = deps;

  app.post(
    '/api/v1/orgs/:org/mandates/:mandateId/resign',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Resign my mandate',
        description: 'The vacancy starts a by-election for the rest of the term.',
        tags: ['recall'],
        params: MandateParams,
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
          kind: 'ResignMandate',
          mandateId: request.params.mandateId,
        },
        200,
      ),
  );

  app.post(
    '/api/v1/orgs/:org/mandates/:mandateId/recalls',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Open a recall petition',
        description:
          'Any member of the electing body may open one, with a stated reason, citing breaches of instructions if any; the opener is the first signature.',
        tags: ['recall'],
        params: MandateParams,
        body: Type.Object(
          {
            reason: Type.String({ minLength: 1, maxLength: 5000 }),
            breachIds: Type.Optional(Type.Array(BreachId, { maxItems: 100, uniqueItems: true })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'OpenRecallPetition',
        mandateId: request.params.mandateId,
        reason: request.body.reason,
        ...(request.body.breachIds ? { breachIds: request.body.breachIds } : {}),
      }),
  );

  app.get(
    '/api/v1/orgs/:org/recalls/:petitionId',
    {
      config: { access: 'member' },
      schema: {
        summary: "A recall petition's page",
        tags: ['recall'],
        params: PetitionParams,
        response: withErrors({ 200: RecallViewSchema }),
      },
    },
    async (request) =>
      service.recallView(request.params.org, request.params.petitionId, 'member') as never,
  );

  app.post(
    '/api/v1/orgs/:org/recalls/:petitionId/signatures',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Sign a recall petition',
        description: 'At the threshold the recall vote opens at once.',
        tags: ['recall'],
        params: PetitionParams,
        body: NoBody,
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'SignRecallPetition',
        petitionId: request.params.petitionId,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/recalls/:petitionId/votes',
    {
      config: { access: 'member', ...rateLimitOf(security, 'ballot') },
      schema: {
        summary: 'Vote in a recall',
        description:
          'Secret in a base council (the answer holds my receipt), open among delegates.',
        tags: ['recall'],
        params: PetitionParams,
        body: Type.Object({ choice: RecallChoice }, { additionalProperties: false }),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CastRecallVote',
        petitionId: request.params.petitionId,
        choice: request.body.choice,
      }),
  );
};
