import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { AmendmentId, Choice, MotionId, NoBody, OrgSlug, withErrors } from '../schemas/common.js';
import { MotionViewSchema } from '../schemas/views.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const MotionParams = Type.Object(
  { org: OrgSlug, motionId: MotionId },
  { additionalProperties: false },
);
const AmendmentParams = Type.Object(
  { org: OrgSlug, amendmentId: AmendmentId },
  { additionalProperties: false },
);
const Vote = Type.Object({ choice: Choice }, { additionalProperties: false });

/**
 * Motions, amendments and instructions (RULES.md, Motions; Mandated delegation): the
 * page, seconding, withdrawing, amending, and voting on amendments and motions (secret in
 * base councils with a receipt, open and named among delegates, where a vote against a
 * standing instruction is recorded as a breach). An instruction is a motion of kind
 * `instruction` proposed to the council (see the council routes).
 */
export const motionRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, security } = deps;

  app.get(
    '/api/v1/orgs/:org/motions/:motionId',
    {
      config: { access: 'member' },
      schema: {
        summary: "A motion's page",
        tags: ['motions'],
        params: MotionParams,
        response: withErrors({ 200: MotionViewSchema }),
      },
    },
    async (request) =>
      service.motionView(request.params.org, request.params.motionId, 'member') as never,
  );

  app.post(
    '/api/v1/orgs/:org/motions/:motionId/seconds',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Second a motion',
        tags: ['motions'],
        params: MotionParams,
        body: NoBody,
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'SecondMotion',
        motionId: request.params.motionId,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/motions/:motionId/withdraw',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Withdraw my motion',
        tags: ['motions'],
        params: MotionParams,
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
          kind: 'WithdrawMotion',
          motionId: request.params.motionId,
        },
        200,
      ),
  );

  app.post(
    '/api/v1/orgs/:org/motions/:motionId/amendments',
    {
      bodyLimit: 64 * 1024,
      config: { access: 'member' },
      schema: {
        summary: 'Propose an amendment',
        description: "During debate: the motion's text if the amendment is adopted.",
        tags: ['motions'],
        params: MotionParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 20_000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'ProposeAmendment',
        motionId: request.params.motionId,
        text: request.body.text,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/motions/:motionId/votes',
    {
      config: { access: 'member', ...rateLimitOf(security, 'ballot') },
      schema: {
        summary: 'Vote on a motion',
        tags: ['motions'],
        params: MotionParams,
        body: Vote,
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CastMotionVote',
        motionId: request.params.motionId,
        choice: request.body.choice,
      }),
  );

  app.post(
    '/api/v1/orgs/:org/amendments/:amendmentId/votes',
    {
      config: { access: 'member', ...rateLimitOf(security, 'ballot') },
      schema: {
        summary: 'Vote on an amendment',
        tags: ['motions'],
        params: AmendmentParams,
        body: Vote,
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'CastAmendmentVote',
        amendmentId: request.params.amendmentId,
        choice: request.body.choice,
      }),
  );
};
