import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { liveKeys } from '../../democracy/index.js';
import { executeSignedAct } from '../../service/signed-acts.js';
import { rawBodyOf } from '../json-body.js';
import { MemberId, NewKey, OrgParams, OrgSlug, withErrors } from '../schemas/common.js';
import { answerOf, CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const KeySchema = Type.Object(
  {
    keyId: Type.String({ description: 'The first 128 bits of SHA-256(public key), hex.' }),
    publicKey: Type.String({ description: 'Raw 32-byte Ed25519 public key, base64.' }),
    label: Type.String(),
    registeredAt: Type.Integer(),
  },
  { additionalProperties: false },
);

/** The act: its exact fields; the command's own are checked by the rules (COMMAND_FIELDS). */
const ActBody = Type.Object(
  {
    by: MemberId,
    command: Type.Object(
      { kind: Type.String({ maxLength: 40 }) },
      {
        additionalProperties: true,
        description:
          "A member's command, by its kind, with only that command's fields (docs/api.md).",
      },
    ),
    id: Type.String({ pattern: '^[0-9a-f]{32}$', maxLength: 32 }),
    issued: Type.Integer({ minimum: 0, description: 'When it was signed, ms since the epoch.' }),
    origin: Type.String({ maxLength: 300, description: "The organisation's log origin." }),
  },
  { additionalProperties: false },
);

/**
 * Signed acts (docs/api.md, "Signed acts"; docs/design/record.md): a member's keys, and
 * the one route that takes an act signed by one (RFC 9421), from a script, a bot, the
 * CLI or the web app. Once a member has a key, no act in their name is taken without it.
 */
export const actRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service } = deps;

  app.post(
    '/api/v1/orgs/:org/acts',
    {
      bodyLimit: 64 * 1024,
      config: { access: 'signed' },
      schema: {
        summary: 'Take a signed act',
        description:
          'The body is the canonical JSON (RFC 8785) of {"by","command","id","issued","origin"}: the member, the command (as in docs/api.md), a random 128-bit hex id, the time in ms, and the log origin. The headers Content-Digest (RFC 9530), Signature-Input and Signature (RFC 9421) sign it with one of the member\'s registered Ed25519 keys; see docs/api.md, "Signed acts", for a worked example. No session is needed: the signature is the member\'s.',
        tags: ['acts'],
        params: OrgParams,
        body: ActBody,
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const result = await executeSignedAct(service, request.params.org, {
        body: rawBodyOf(request),
        headers: {
          contentDigest: header('content-digest'),
          signatureInput: header('signature-input'),
          signature: header('signature'),
        },
      });
      reply.status(201);
      return answerOf(result);
    },
  );

  app.get(
    '/api/v1/orgs/:org/members/:memberId/keys',
    {
      config: { access: 'record' },
      schema: {
        summary: "A member's live signing keys",
        description: 'Public keys, as registered on the record (MemberKeyRegistered).',
        tags: ['acts'],
        params: Type.Object({ org: OrgSlug, memberId: MemberId }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Array(KeySchema) }),
      },
    },
    async (request) =>
      liveKeys(await service.state(request.params.org), request.params.memberId).map((k) => ({
        keyId: k.keyId,
        publicKey: k.publicKey,
        label: k.label,
        registeredAt: k.registeredAt,
      })),
  );

  app.post(
    '/api/v1/orgs/:org/me/keys',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Register your first signing key',
        description:
          'With your password session, only while you have no key (trust on first use, on the record). Any further key is added by a signed RegisterKey act.',
        tags: ['acts'],
        params: OrgParams,
        body: Type.Object(
          {
            publicKey: NewKey.properties.publicKey,
            label: NewKey.properties.label,
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, {
        kind: 'RegisterKey',
        publicKey: request.body.publicKey,
        label: request.body.label,
      }),
  );
};
