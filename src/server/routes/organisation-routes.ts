import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  type CouncilSpec,
  type DemocracyCommand,
  decide,
  initialState,
} from '../../democracy/index.js';
import { SovietError } from '../../errors/soviet-error.js';
import type { Founded } from '../../service/index.js';
import { storeError } from '../../store/errors.js';
import { notificationsFor } from '../notifications.js';
import {
  CouncilId,
  MemberId,
  NewKey,
  NoBody,
  OrgParams,
  OrgSlug,
  PersonName,
  Receipt,
  SLUG_PATTERN,
  withErrors,
} from '../schemas/common.js';
import { NotificationSchema } from '../schemas/notifications.js';
import {
  ConstitutionChoiceSchema,
  MemberBallotSchema,
  MemberViewSchema,
  OrganisationViewSchema,
  ReceiptCheckSchema,
  RecordViewSchema,
} from '../schemas/views.js';
import { actingMember, audienceOf } from '../security/access.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { AccountView, NewAccount } from './account-routes.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';
import { onceForAccount } from './keyed-account.js';
import { withAccount } from './with-account.js';

/** The founding tree (recursive; shared-schemas.ts registers its definition). */
const CouncilSpecSchema = Type.Unsafe<CouncilSpec>({ $ref: 'CouncilSpec#' });

const FoundingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: "The organisation's name." }),
    slug: Type.String({
      pattern: SLUG_PATTERN,
      maxLength: 63,
      description: 'Its name in URLs: lower-case letters, digits and dashes.',
    }),
    founderName: PersonName,
    founderCouncil: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The base council the founder joins.',
    }),
    councils: CouncilSpecSchema,
    constitution: Type.Optional(ConstitutionChoiceSchema),
    founderKey: Type.Optional(NewKey),
    account: Type.Optional(NewAccount),
  },
  { additionalProperties: false },
);

const MemberParams = Type.Object(
  { org: OrgSlug, memberId: MemberId },
  { additionalProperties: false },
);

/**
 * The organisation: founding (which creates the founder's account, or uses the logged-in
 * one), its public page and record, the acting member's own page, notifications and
 * ballots, members' pages, leaving and transferring.
 */
export const organisationRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, accounts, security } = deps;

  app.post(
    '/api/v1/orgs',
    {
      bodyLimit: 1024 * 1024,
      config: { access: 'public', ...rateLimitOf(security, 'founding') },
      schema: {
        summary: 'Found an organisation',
        description:
          "Creates the organisation, its council tree and its log; the founder becomes an ordinary member of one base council (RULES.md: no more power than any other). Without a session, `account` creates the founder's account and logs it in.",
        tags: ['organisation'],
        body: FoundingBody,
        response: withErrors({
          201: Type.Object(
            {
              org: Type.String(),
              memberId: Type.String(),
              origin: Type.String(),
              account: AccountView,
              csrfToken: Type.String(),
            },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async (request, reply) => {
      const { account: newAccount, ...input } = request.body;
      const command: DemocracyCommand = { kind: 'FoundOrganisation', ...input };
      const deps = { accounts, idempotency: app.idempotency };
      // With an Idempotency-Key, a retry gets the first answer (keyed-account.ts): it is
      // looked up before the checks below, which the first founding now fails (ORG_EXISTS).
      return onceForAccount(request, reply, deps, newAccount, async (record) => {
        // The rules' own check first, so that nothing (an account, the slug) is taken for
        // a founding the rules refuse.
        decide(initialState(), command, {
          now: service.clock(),
          actor: 'newcomer',
          seed: '00'.repeat(32),
          entropy: '00'.repeat(32),
        });
        await assertSlugFree(input.slug);
        const done = await withAccount(request, reply, accounts, newAccount, (account) =>
          service.foundOrganisation(input, {
            // The account link and the key's answer in the founding's own transaction (issue 14).
            alsoWrite: async (tx, founded, orgId) => {
              await accounts.linkMember(account.id, orgId, founded.founderId, tx);
              await record?.(tx, account.id, foundingBody(founded));
            },
          }),
        );
        return {
          body: foundingBody(done.result),
          account: done.account,
          csrfToken: done.csrfToken,
        };
      });
    },
  );

  /** What a founding answers besides the account: all a key keeps of it. */
  const foundingBody = (founded: Founded) => ({
    org: founded.org,
    memberId: founded.founderId,
    origin: founded.origin,
  });

  const assertSlugFree = async (slug: string) => {
    try {
      const state = await service.state(slug);
      if (state.org !== null) throw storeError('ORG_EXISTS', { org: slug });
    } catch (error) {
      if (error instanceof SovietError && error.code === 'ORG_NOT_FOUND') return;
      throw error;
    }
  };

  app.get(
    '/api/v1/orgs',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The organisations on this instance',
        tags: ['organisation'],
        response: withErrors({
          200: Type.Object(
            {
              organisations: Type.Array(
                Type.Object(
                  { slug: Type.String(), name: Type.String(), foundedAt: Type.Integer() },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async () => ({ organisations: await service.organisations() }),
  );

  app.get(
    '/api/v1/orgs/:org',
    {
      config: { access: 'record' },
      schema: {
        summary: "An organisation's page",
        description:
          'Its name, constitution, council tree and what is open: readable by whoever may read the record it is computed from (its members; anyone when its constitution makes the record public; a granted read token).',
        tags: ['organisation'],
        params: OrgParams,
        response: withErrors({ 200: OrganisationViewSchema }),
      },
    },
    async (request) => {
      return service.organisationView(request.params.org, audienceOf(request));
    },
  );

  app.get(
    '/api/v1/orgs/:org/record',
    {
      config: { access: 'record' },
      schema: {
        summary: "A page of the organisation's record",
        description:
          'The public log entries with their meanings, the latest signed checkpoint, and the origin and key that verify it (`soviet verify`). The tiles and proofs are under `log/`.',
        tags: ['record'],
        params: OrgParams,
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$', maxLength: 16 })),
            limit: Type.Optional(
              Type.String({
                pattern: '^(0|[1-9][0-9]{0,2}|1000)$',
                maxLength: 4,
                description: 'At most 1000.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: RecordViewSchema }),
      },
    },
    async (request) => {
      const { from, limit } = request.query;
      return service.recordView(request.params.org, {
        ...(from === undefined ? {} : { from: Number(from) }),
        ...(limit === undefined ? {} : { limit: Number(limit) }),
      }) as never;
    },
  );

  app.get(
    '/api/v1/orgs/:org/receipts/:receipt',
    {
      config: { access: 'record' },
      schema: {
        summary: 'Check a ballot receipt',
        description:
          'After a secret vote closes its ballots are published under their receipts (RECORD.md); a voter finds theirs here and sees it was counted as cast.',
        tags: ['record'],
        params: Type.Object({ org: OrgSlug, receipt: Receipt }, { additionalProperties: false }),
        response: withErrors({ 200: ReceiptCheckSchema }),
      },
    },
    async (request) => {
      await service.store.organisation(request.params.org);
      return service.checkReceipt(request.params.org, request.params.receipt) as never;
    },
  );

  app.get(
    '/api/v1/orgs/:org/me',
    {
      config: { access: 'member' },
      schema: {
        summary: 'My page in the organisation',
        description:
          'Who I am here, my mandates and candidacies, and the votes open to me (only I see whether I voted).',
        tags: ['members'],
        params: OrgParams,
        response: withErrors({
          200: Type.Object(
            { member: MemberViewSchema, ballots: Type.Array(MemberBallotSchema) },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async (request) => {
      const { org, memberId } = actingMember(request);
      const [member, ballots] = await Promise.all([
        service.memberView(org.slug, memberId, 'member'),
        service.memberBallots(org.slug, memberId),
      ]);
      return { member, ballots } as never;
    },
  );

  app.get(
    '/api/v1/orgs/:org/notifications',
    {
      config: { access: 'member' },
      schema: {
        summary: 'What I should know',
        description:
          "Derived from the state: elections open in my councils, votes I may still cast, nominations awaiting my answer, breaches of my councils' instructions by our delegates, and recalls against my mandates.",
        tags: ['members'],
        params: OrgParams,
        response: withErrors({
          200: Type.Object(
            { notifications: Type.Array(NotificationSchema) },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async (request) => {
      const { org, memberId } = actingMember(request);
      return {
        notifications: notificationsFor(
          await service.directory.viewStateOf(org.slug, 'member'),
          memberId,
        ),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:org/members/:memberId',
    {
      config: { access: 'member' },
      schema: {
        summary: "A member's page",
        tags: ['members'],
        params: MemberParams,
        response: withErrors({ 200: MemberViewSchema }),
      },
    },
    async (request) =>
      service.memberView(request.params.org, request.params.memberId, 'member') as never,
  );

  app.post(
    '/api/v1/orgs/:org/me/leave',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Leave the organisation',
        description: 'Ends every mandate I hold (RULES.md, Membership).',
        tags: ['members'],
        params: OrgParams,
        body: NoBody,
        response: withErrors({ 200: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(service, request, reply, { kind: 'LeaveOrganisation' }, 200),
  );

  app.post(
    '/api/v1/orgs/:org/me/transfer',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Move to another base council',
        tags: ['members'],
        params: OrgParams,
        body: Type.Object({ toCouncilId: CouncilId }, { additionalProperties: false }),
        response: withErrors({ 200: CommandAnswer }),
      },
    },
    async (request, reply) =>
      runCommand(
        service,
        request,
        reply,
        {
          kind: 'TransferMember',
          toCouncilId: request.body.toCouncilId,
        },
        200,
      ),
  );
};
