import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Accounts } from '../../accounts/accounts.js';
import type { SovietService } from '../../service/index.js';
import type { SecurityConfig } from '../security/security-config.js';
import { actRoutes } from './act-routes.js';
import { councilRoutes } from './council-routes.js';
import { electionRoutes } from './election-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { motionRoutes } from './motion-routes.js';
import { organisationRoutes } from './organisation-routes.js';
import { privacyRoutes } from './privacy-routes.js';
import { recallRoutes } from './recall-routes.js';
import { treasuryRoutes } from './treasury-routes.js';
import { treasuryViewRoutes } from './treasury-view-routes.js';

/** What the democracy's route modules are given. */
export interface DemocracyRouteDeps {
  readonly service: SovietService;
  readonly accounts: Accounts;
  readonly security: SecurityConfig;
}

/**
 * Every command and view of the democracy core (RULES.md) under `/api/v1/orgs/:org/`,
 * one module per area. Each handler is the same checklist (STYLE.md 13): the schema
 * validated the input, the guard authenticated the account and resolved the acting
 * member (security/guards.ts), the service runs the command through the rules' `decide`
 * (whose refusals carry their own code and status), and the answer is presented.
 */
export const democracyRoutes: FastifyPluginAsyncTypebox<{ deps: DemocracyRouteDeps }> = async (
  app,
  { deps },
) => {
  await app.register(organisationRoutes, { deps });
  await app.register(invitationRoutes, { deps });
  await app.register(councilRoutes, { deps });
  await app.register(electionRoutes, { deps });
  await app.register(recallRoutes, { deps });
  await app.register(motionRoutes, { deps });
  await app.register(treasuryRoutes, { deps });
  await app.register(treasuryViewRoutes, { deps });
  await app.register(privacyRoutes, { deps });
  await app.register(actRoutes, { deps });
};
