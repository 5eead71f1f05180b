import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { Accounts, InvitationClaim } from '../../accounts/accounts.js';
import { decide, type OrgState, tokenHashOf } from '../../democracy/index.js';
import type { CommandResult } from '../../service/index.js';
import {
  CouncilId,
  InvitationToken,
  NewKey,
  OrgParams,
  PersonName,
  withErrors,
} from '../schemas/common.js';
import { rateLimitOf } from '../security/rate-limits.js';
import { AccountView, NewAccount } from './account-routes.js';
import { CommandAnswer, runCommand } from './command-answer.js';
import type { DemocracyRouteDeps } from './democracy-routes.js';
import { onceForAccount } from './keyed-account.js';
import { withAccount } from './with-account.js';

/** A claim older than this with no join on the log was abandoned (a crash, a lost request). */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * Invitations (RULES.md, Membership): a member invites a person to their base council
 * with a single-use token; the person accepts it, creating their account (or using the
 * logged-in one) and becoming a member. One account is at most one member of an
 * organisation: the domain knows members, not accounts, so this layer enforces it.
 */
export const invitationRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  const { service, accounts, security } = deps;

  app.post(
    '/api/v1/orgs/:org/invitations',
    {
      config: { access: 'member' },
      schema: {
        summary: 'Invite a person to my base council',
        description:
          "Answers the single-use token to hand on (only its SHA-256 is logged). It expires after the constitution's `invitationDays`.",
        tags: ['members'],
        params: OrgParams,
        body: Type.Unsafe<{ councilId?: string } | null>({
          type: ['object', 'null'],
          properties: { councilId: CouncilId },
          additionalProperties: false,
          description:
            'Optionally `councilId`: my own base council (the only one I may invite to).',
        }),
        response: withErrors({ 201: CommandAnswer }),
      },
    },
    async (request, reply) => {
      const councilId = request.body?.councilId;
      return runCommand(service, request, reply, {
        kind: 'InviteMember',
        ...(councilId === undefined ? {} : { councilId }),
      });
    },
  );

  app.post(
    '/api/v1/orgs/:org/invitations/accept',
    {
      config: { access: 'public', ...rateLimitOf(security, 'invitation') },
      schema: {
        summary: 'Accept an invitation',
        description:
          "Joins the base council the invitation is for. Without a session, `account` creates the new member's account and logs it in; with one, the logged-in account joins (an account is at most one member of an organisation).",
        tags: ['members'],
        params: OrgParams,
        body: Type.Object(
          {
            token: InvitationToken,
            name: PersonName,
            key: Type.Optional(NewKey),
            account: Type.Optional(NewAccount),
          },
          { additionalProperties: false },
        ),
        response: withErrors({
          201: Type.Object(
            {
              org: Type.String(),
              memberId: Type.String(),
              account: AccountView,
              csrfToken: Type.String(),
              size: Type.Integer(),
              checkpoint: Type.String(),
            },
            { additionalProperties: false },
          ),
        }),
      },
    },
    async (request, reply) => {
      const slug = request.params.org;
      const org = await service.store.organisation(slug);
      const { token, name, key, account: newAccount } = request.body;
      const command = { kind: 'JoinWithInvitation', token, name, ...(key ? { key } : {}) } as const;
      /** What an acceptance answers besides the account: all a key keeps of it. */
      const joined = (result: CommandResult) => ({
        org: slug,
        memberId: result.memberId as string,
        size: result.size,
        checkpoint: result.checkpoint,
      });
      const deps = { accounts, idempotency: app.idempotency };
      // With an Idempotency-Key, a retry gets the first answer (keyed-account.ts), looked
      // up before the rules' check, which the used invitation now fails.
      return onceForAccount(request, reply, deps, newAccount, async (record) => {
        const state = await service.state(slug);
        // The rules' own check first (unknown, used or expired invitation, bad name), so
        // that no account is created for an invitation that cannot be used.
        decide(state, command, {
          now: service.clock(),
          actor: 'newcomer',
          seed: '00'.repeat(32),
          entropy: '00'.repeat(32),
        });
        const invitationId = state.invitationByHash.get(tokenHashOf(token)) as string;
        const done = await withAccount(request, reply, accounts, newAccount, async (account) => {
          const claim: InvitationClaim = { orgId: org.id, accountId: account.id, invitationId };
          await settleAbandonedClaims(accounts, claim, state, service.clock());
          await accounts.claimInvitation(claim, slug);
          try {
            const result = await service.execute(slug, null, command, {
              // The key's answer in the join's own transaction (issue 14).
              alsoWrite: async (tx, result) => record?.(tx, account.id, joined(result)),
            });
            await accounts.settleClaim(claim, result.memberId ?? null);
            return result;
          } catch (error) {
            await accounts.settleClaim(claim, null);
            throw error;
          }
        });
        return { body: joined(done.result), account: done.account, csrfToken: done.csrfToken };
      });
    },
  );
};

/**
 * Finishes what a crash left behind before a new claim: a claim whose invitation the log
 * shows used becomes that member; one whose invitation is still unused and which is
 * older than a few minutes is dropped (its request is long gone).
 */
async function settleAbandonedClaims(
  accounts: Accounts,
  claim: InvitationClaim,
  state: OrgState,
  now: number,
): Promise<void> {
  for (const pending of await accounts.pendingClaims(
    claim.orgId,
    claim.accountId,
    claim.invitationId,
  )) {
    const usedBy = state.invitations.get(pending.invitationId)?.usedBy ?? null;
    if (usedBy !== null) await accounts.settleClaim(pending, usedBy);
    else if (now - pending.createdAt > STALE_CLAIM_MS) await accounts.settleClaim(pending, null);
  }
}
