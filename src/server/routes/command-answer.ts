import { Type } from '@fastify/type-provider-typebox';
import type { DemocracyCommand } from '../../democracy/index.js';
import type { CommandResult, SovietService } from '../../service/index.js';
import { type IdempotencyKeys, idempotentRequest } from '../idempotency.js';
import { actingMember, type RequestAuth } from '../security/access.js';

/**
 * What every command answers: where its events landed on the log and the checkpoint
 * that signs them (so the member can later prove the entry was logged, RECORD.md), the
 * events' public parts, and what the command created.
 */
export const CommandAnswer = Type.Object(
  {
    firstSeq: Type.Integer({ description: 'Log position of the first event.' }),
    size: Type.Integer({ description: 'The log size after the commit.' }),
    checkpoint: Type.String({ description: 'The checkpoint signed by that commit.' }),
    events: Type.Array(
      Type.Object(
        { kind: Type.String(), at: Type.Integer() },
        { additionalProperties: true, description: 'An event (public part; docs/events.md).' },
      ),
    ),
    receipt: Type.Optional(
      Type.String({
        description:
          'A secret ballot: your receipt. Keep it: after the close, find your ballot under it.',
      }),
    ),
    invitation: Type.Optional(
      Type.Object(
        {
          id: Type.String(),
          token: Type.String({ description: 'Give it to the invited person; it is never logged.' }),
          councilId: Type.String(),
          expiresAt: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    memberId: Type.Optional(Type.String()),
    motionId: Type.Optional(Type.String()),
    amendmentId: Type.Optional(Type.String()),
    petitionId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** The JSON of a command's result. */
export function answerOf(result: CommandResult) {
  return {
    ...result,
    events: result.events as unknown as { kind: string; at: number }[],
  };
}

/** What runCommand needs of a request. */
export interface CommandRequest {
  readonly auth: RequestAuth;
  readonly headers: Record<string, unknown>;
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  readonly server: { readonly idempotency: IdempotencyKeys };
}

/**
 * The body of every command route: runs `command` as the request's acting member (the
 * route's access must be `member`) and answers `status` (201: the command created
 * events) with where they landed on the log. Refusals propagate as SovietErrors.
 * With an `Idempotency-Key` header (idempotency.ts), the answer is stored in the
 * command's own append transaction, and a retry with the same key gets it again.
 */
export async function runCommand(
  service: SovietService,
  request: CommandRequest,
  reply: { status(code: number): unknown },
  command: DemocracyCommand,
  status = 201,
): Promise<ReturnType<typeof answerOf>> {
  const { org, memberId } = actingMember(request);
  const session = request.auth.session;
  const keyed = session ? idempotentRequest(request, session.accountId) : undefined;
  if (!keyed) {
    const result = await service.execute(org.slug, memberId, command);
    reply.status(status);
    return answerOf(result);
  }
  const answer = await request.server.idempotency.run(keyed, async (record) => {
    const result = await service.execute(org.slug, memberId, command, {
      alsoWrite: (tx, done) => record(tx, { status, body: answerOf(done) }),
    });
    return { status, body: answerOf(result) };
  });
  reply.status(answer.status);
  return answer.body as ReturnType<typeof answerOf>;
}
