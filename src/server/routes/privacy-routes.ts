import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { accountError } from '../../accounts/errors.js';
import { PASSWORD_MAX_LENGTH } from '../../accounts/password-policy.js';
import { eraseAccount, personalDataOf } from '../../service/personal-data.js';
import { OrgSlug, withErrors } from '../schemas/common.js';
import { actingMember, actingSession } from '../security/access.js';
import { clearSessionCookie } from '../security/cookies.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';

const Fact = Type.Object(
  {
    seq: Type.Integer({ description: 'The log entry that commits to it.' }),
    field: Type.String(),
    value: Type.String(),
    salt: Type.String({ description: '32 bytes, hex.' }),
    commitment: Type.String({ description: 'SHA-256(salt ‖ UTF-8(value)), hex: on the log.' }),
  },
  { additionalProperties: false },
);

const PersonalDataSchema = Type.Object(
  {
    generatedAt: Type.Integer(),
    account: Type.Object(
      {
        id: Type.Integer(),
        username: Type.String(),
        createdAt: Type.Integer(),
        passwordChangedAt: Type.Integer(),
        sessions: Type.Array(
          Type.Object(
            { createdAt: Type.Integer(), lastSeenAt: Type.Integer() },
            { additionalProperties: false },
          ),
        ),
        notices: Type.Array(
          Type.Object(
            {
              kind: Type.String(),
              data: Type.Unknown(),
              createdAt: Type.Integer(),
              seenAt: Type.Union([Type.Integer(), Type.Null()]),
            },
            { additionalProperties: false },
          ),
        ),
        memberships: Type.Array(
          Type.Object(
            { org: Type.String(), memberId: Type.Union([Type.String(), Type.Null()]) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    organisations: Type.Array(
      Type.Object(
        {
          org: Type.String(),
          memberId: Type.String(),
          status: Type.Union([Type.Enum(['active', 'left', 'expelled']), Type.Null()]),
          joinedAt: Type.Union([Type.Integer(), Type.Null()]),
          councilId: Type.Union([Type.String(), Type.Null()]),
          facts: Type.Array(Fact),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * A person's rights (docs/design/rules.md, "A person's rights"; service/personal-data.ts):
 * download everything the instance holds about the account (GDPR arts. 15 and 20), and
 * erase it (art. 17) by crypto-shredding, confirmed by the password.
 */
export const privacyRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service } = deps;

  app.get(
    '/api/v1/account/data',
    {
      config: { access: 'account' },
      schema: {
        summary: 'Everything this instance holds about my account',
        description:
          'One JSON document (GDPR arts. 15 and 20): the account, its sessions and notices, and in each organisation the member id, status and every personal fact of the private directory with its salt and the commitment on the log (anyone shown a fact and its salt can check it against the signed log).',
        tags: ['account'],
        response: withErrors({ 200: PersonalDataSchema }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', 'attachment; filename="soviet-personal-data.json"');
      return (await personalDataOf(service, actingSession(request).accountId)) as never;
    },
  );

  const NameVisibility = Type.Object(
    {
      public: Type.Boolean({
        description:
          'Whether people outside the organisation (when its record is public, or with a read token) see my name; members always do, and the names of mandate holders are always shown.',
      }),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/v1/orgs/:org/me/name-visibility',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Whether my name is shown outside the organisation',
        tags: ['members'],
        params: Type.Object({ org: OrgSlug }, { additionalProperties: false }),
        response: withErrors({ 200: NameVisibility }),
      },
    },
    async (request) => {
      const { org, memberId } = actingMember(request);
      return { public: await service.directory.namePublic(org.slug, memberId) };
    },
  );

  app.put(
    '/api/v1/orgs/:org/me/name-visibility',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Choose whether my name is shown outside the organisation',
        description:
          "Names by role (docs/design/rules.md): members see each other's names; anyone else sees those of mandate holders and of members who chose so here. A choice about a person, so not on the log; erased with them.",
        tags: ['members'],
        params: Type.Object({ org: OrgSlug }, { additionalProperties: false }),
        body: NameVisibility,
        response: withErrors({ 200: NameVisibility }),
      },
    },
    async (request, reply) => {
      const { org, memberId } = actingMember(request);
      const { accountId } = actingSession(request);
      const answer = await app.idempotency.changeOnce(request, accountId, async () => {
        // The guard leaves commands to the rules; this is no command, so check here.
        const status = (await service.state(org.slug)).members.get(memberId)?.status;
        if (status !== 'active')
          throw accountError('MEMBERSHIP_ENDED', { org: org.slug, status: String(status) });
        await service.directory.chooseNamePublic(org.slug, memberId, request.body.public);
        return { status: 200, body: { public: request.body.public } };
      });
      reply.status(answer.status);
      return answer.body as { public: boolean };
    },
  );

  app.post(
    '/api/v1/account/erase',
    {
      config: { access: 'account' },
      schema: {
        summary: 'Erase my account and my personal data',
        description:
          'Confirmed by the password. Leaves every organisation (mandates end as on leaving), records `MemberErased` (which carries no personal data) whose transaction deletes the directory rows and salts, then deletes the account, its sessions and notices. The log keeps every entry byte for byte; no name can be recovered from it. Refused with ERASURE_TREASURER, changing nothing, while the person keeps a treasury that holds money.',
        tags: ['account'],
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
          { additionalProperties: false },
        ),
        response: withErrors({
          200: Type.Object(
            {
              erased: Type.Literal(true),
              organisations: Type.Array(Type.String(), {
                description: 'Where an erasure was recorded.',
              }),
            },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async (request, reply) => {
      const session = actingSession(request);
      const done = await eraseAccount(service, session.accountId, request.body.password);
      clearSessionCookie(request, reply);
      return { erased: true as const, organisations: [...done.organisations] };
    },
  );
};
