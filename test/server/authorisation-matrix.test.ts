import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgState } from '../../src/democracy/index.js';
import { catalogue } from '../../src/errors/catalogue.js';
import { type ApiWorld, ORIGIN, openApiWorld, PASSWORD } from './api-world.js';
import {
  buildOrgFixture,
  type OrgFixture,
  PRINCIPALS,
  type Principal,
  roundOf,
} from './org-fixture.js';

/**
 * The authorisation matrix (issue 5): every API route × every kind of person → the
 * status the rules give. It is keyed by the route table (app.routeTable): a route
 * without an entry here, or an entry without a route, fails the first test. Cases run in
 * the order written (later routes see what earlier ones did: a seconded motion, an
 * opened petition), each call with a fresh session of its principal.
 */

interface Context {
  readonly f: OrgFixture;
  readonly p: Principal;
  readonly state: OrgState;
  /** The principal's member id in acme (their own org's id for otherOrg; '' for anonymous). */
  readonly me: string;
  readonly tokens: string[];
  readonly size: number;
}

interface Case {
  readonly label: string;
  readonly request: (c: Context) => { url: string; body?: unknown };
  readonly expect: Readonly<Record<Principal, number>>;
}

const all = (status: number): Record<Principal, number> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, status])) as Record<Principal, number>;
/** anonymous 401, otherOrg 403, expelled 403; the rest as given. */
const members = (
  rest: Omit<Record<Principal, number>, 'anonymous' | 'otherOrg' | 'expelled'>,
): Record<Principal, number> => ({ anonymous: 401, otherOrg: 403, expelled: 403, ...rest });
const everyMember = (status: number) =>
  members({
    otherCouncil: status,
    member: status,
    delegate: status,
    officeHolder: status,
    recalled: status,
  });
const docksMembers = (status: number) =>
  members({
    otherCouncil: 403,
    member: status,
    delegate: status,
    officeHolder: status,
    recalled: status,
  });
const accountRoute = (status: number): Record<Principal, number> => ({
  ...all(status),
  anonymous: 401,
});

const ACME = '/api/v1/orgs/acme';
const groupElection = (s: OrgState, key: string) => {
  const g = s.groups.get(key);
  return (g?.byElectionId ?? g?.regularElectionId) as string;
};
const motionTitled = (s: OrgState, title: string) =>
  [...s.motions.values()].find((m) => m.title === title)?.id as string;
/** The office holder's mandate: treasurer of Docks. */
const officeMandate = (c: Context) =>
  c.state.members.get(c.f.people.officeHolder.memberId)?.mandates[0] as string;
const openPetitionOn = (c: Context) => c.state.mandates.get(officeMandate(c))?.petitionId as string;
const roundTitled = (s: OrgState, title: string) => roundOf(s, motionTitled(s, title));
const onlyTreasurer = (status: number) =>
  members({ otherCouncil: 403, member: 403, delegate: 403, officeHolder: status, recalled: 403 });

/** Every route, in the order the matrix runs them. */
const MATRIX: Readonly<Record<string, readonly Case[]>> = {
  'GET /api/v1/health': [
    { label: 'health', request: () => ({ url: '/api/v1/health' }), expect: all(200) },
  ],
  'GET /api/v1/orgs/:org/log/checkpoint': [
    { label: 'checkpoint', request: () => ({ url: `${ACME}/log/checkpoint` }), expect: all(200) },
  ],
  'GET /api/v1/orgs/:org/log/tile/entries/*': [
    {
      label: 'entry bundle',
      request: (c) => ({
        url: `${ACME}/log/tile/entries/000${c.size < 256 ? `.p/${c.size}` : ''}`,
      }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/log/tile/:level/*': [
    {
      label: 'hash tile',
      request: (c) => ({ url: `${ACME}/log/tile/0/000${c.size < 256 ? `.p/${c.size}` : ''}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/log/proof/inclusion': [
    {
      label: 'inclusion proof',
      request: (c) => ({ url: `${ACME}/log/proof/inclusion?index=0&size=${c.size}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/log/proof/consistency': [
    {
      label: 'consistency proof',
      request: (c) => ({ url: `${ACME}/log/proof/consistency?from=1&to=${c.size}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/session': [
    { label: 'session', request: () => ({ url: '/api/v1/session' }), expect: all(200) },
  ],
  'GET /api/v1/orgs': [
    { label: 'organisations', request: () => ({ url: '/api/v1/orgs' }), expect: all(200) },
  ],
  'GET /api/v1/orgs/:org': [
    // The record is kept to members (the default recordVisibility): record reads too.
    { label: 'org page', request: () => ({ url: ACME }), expect: everyMember(200) },
  ],
  'GET /api/v1/orgs/:org/record': [
    {
      label: 'record',
      request: () => ({ url: `${ACME}/record?limit=5` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/receipts/:receipt': [
    {
      label: 'receipt',
      request: (c) => ({ url: `${ACME}/receipts/${c.f.receipt}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/me': [
    { label: 'my page', request: () => ({ url: `${ACME}/me` }), expect: everyMember(200) },
  ],
  'GET /api/v1/orgs/:org/me/name-visibility': [
    {
      label: 'my name’s visibility',
      request: () => ({ url: `${ACME}/me/name-visibility` }),
      expect: everyMember(200),
    },
  ],
  'PUT /api/v1/orgs/:org/me/name-visibility': [
    {
      label: 'choose my name’s visibility',
      request: () => ({ url: `${ACME}/me/name-visibility`, body: { public: false } }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/notifications': [
    {
      label: 'notifications',
      request: () => ({ url: `${ACME}/notifications` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/members/:memberId': [
    {
      label: "a member's page",
      request: (c) => ({ url: `${ACME}/members/${c.f.people.delegate.memberId}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/councils/:councilId': [
    {
      label: 'Docks',
      request: (c) => ({ url: `${ACME}/councils/${c.f.councils.docks}` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/elections/:electionId': [
    {
      label: 'an election',
      request: (c) => ({
        url: `${ACME}/elections/${groupElection(c.state, `o:${c.f.councils.docks}:secretary`)}`,
      }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/recalls/:petitionId': [
    { label: 'a recall', request: () => ({ url: `${ACME}/recalls/p1` }), expect: everyMember(200) },
  ],
  'GET /api/v1/orgs/:org/motions/:motionId': [
    {
      label: 'a motion',
      request: (c) => ({ url: `${ACME}/motions/${motionTitled(c.state, 'Vote open')}` }),
      expect: everyMember(200),
    },
  ],
  'POST /api/v1/orgs': [
    {
      label: 'found an organisation',
      request: (c) => ({
        url: '/api/v1/orgs',
        body: {
          name: `Org of ${c.p}`,
          slug: `org-${c.p.toLowerCase()}`,
          founderName: 'Founder',
          founderCouncil: 'Base',
          councils: { name: 'Top', children: [{ name: 'Base' }] },
          ...(c.p === 'anonymous' ? { account: { username: 'newcomer', password: PASSWORD } } : {}),
        },
      }),
      expect: all(201),
    },
  ],
  'POST /api/v1/orgs/:org/invitations': [
    {
      label: 'invite',
      request: () => ({ url: `${ACME}/invitations`, body: {} }),
      expect: everyMember(201),
    },
  ],
  'POST /api/v1/orgs/:org/councils/:councilId/motions': [
    {
      label: 'propose to Docks (its members)',
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.docks}/motions`,
        body: { title: `By ${c.p}`, text: 'A resolution.', body: { kind: 'ordinary' } },
      }),
      expect: docksMembers(201),
    },
    {
      label: 'propose to the congress (delegates only)',
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.congress}/motions`,
        body: { title: `By ${c.p}`, text: 'A resolution.', body: { kind: 'ordinary' } },
      }),
      expect: members({
        otherCouncil: 403,
        member: 403,
        delegate: 201,
        officeHolder: 403,
        recalled: 403,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/elections': [
    {
      label: "call an election for Mills' vacant delegation (Mills' members only)",
      request: (c) => ({ url: `${ACME}/elections`, body: { groupKey: `d:${c.f.councils.mills}` } }),
      expect: members({
        otherCouncil: 201,
        member: 403,
        delegate: 403,
        officeHolder: 403,
        recalled: 403,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/elections/:electionId/nomination/accept': [
    {
      label: 'accept a nomination (Cat, Bob and Eve were nominated)',
      request: (c) => ({
        url: `${ACME}/elections/${groupElection(c.state, `o:${c.f.councils.docks}:chair`)}/nomination/accept`,
      }),
      expect: members({
        otherCouncil: 409,
        member: 200,
        delegate: 200,
        officeHolder: 409,
        recalled: 200,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/elections/:electionId/nomination/decline': [
    {
      label: 'decline (withdraw) a nomination',
      request: (c) => ({
        url: `${ACME}/elections/${groupElection(c.state, `o:${c.f.councils.docks}:chair`)}/nomination/decline`,
      }),
      expect: members({
        otherCouncil: 409,
        member: 200,
        delegate: 200,
        officeHolder: 409,
        recalled: 200,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/elections/:electionId/nominations': [
    {
      label: 'nominate oneself (the electing body only)',
      request: (c) => ({
        url: `${ACME}/elections/${groupElection(c.state, `o:${c.f.councils.docks}:chair`)}/nominations`,
        body: { candidateId: c.me || 'm1' },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/elections/:electionId/ballots': [
    {
      label: 'cast a ballot (the roll only)',
      request: (c) => ({
        url: `${ACME}/elections/${groupElection(c.state, `o:${c.f.councils.docks}:secretary`)}/ballots`,
        body: { ranking: [c.f.people.member.memberId] },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/mandates/:mandateId/recalls': [
    {
      label: "petition to recall the treasurer (Docks' members; one petition at a time)",
      request: (c) => ({
        url: `${ACME}/mandates/${officeMandate(c)}/recalls`,
        body: { reason: 'Absent' },
      }),
      expect: members({
        otherCouncil: 403,
        member: 201,
        delegate: 409,
        officeHolder: 409,
        recalled: 409,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/recalls/:petitionId/signatures': [
    {
      label: 'sign it (the second signature opens the vote)',
      request: (c) => ({ url: `${ACME}/recalls/${openPetitionOn(c)}/signatures` }),
      expect: members({
        otherCouncil: 403,
        member: 409,
        delegate: 201,
        officeHolder: 409,
        recalled: 409,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/recalls/:petitionId/votes': [
    {
      label: 'vote in the recall (the roll only)',
      request: (c) => ({
        url: `${ACME}/recalls/${openPetitionOn(c)}/votes`,
        body: { choice: 'keep' },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/motions/:motionId/seconds': [
    {
      label: 'second a motion (the first seconder opens debate)',
      request: (c) => ({
        url: `${ACME}/motions/${motionTitled(c.state, 'Awaiting a seconder')}/seconds`,
      }),
      expect: members({
        otherCouncil: 403,
        member: 201,
        delegate: 409,
        officeHolder: 409,
        recalled: 409,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/motions/:motionId/withdraw': [
    {
      label: 'withdraw a motion (its proposer only)',
      request: (c) => ({
        url: `${ACME}/motions/${motionTitled(c.state, 'To be withdrawn')}/withdraw`,
      }),
      expect: members({
        otherCouncil: 403,
        member: 403,
        delegate: 403,
        officeHolder: 200,
        recalled: 403,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/motions/:motionId/amendments': [
    {
      label: 'amend a motion in debate',
      request: (c) => ({
        url: `${ACME}/motions/${motionTitled(c.state, 'In debate')}/amendments`,
        body: { text: `Amended by ${c.p}.` },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/amendments/:amendmentId/votes': [
    {
      label: 'vote on an amendment',
      request: (c) => ({
        url: `${ACME}/amendments/${c.state.motions.get(motionTitled(c.state, 'Amended'))?.amendmentIds[0]}/votes`,
        body: { choice: 'yes' },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/motions/:motionId/votes': [
    {
      label: 'vote on a motion',
      request: (c) => ({
        url: `${ACME}/motions/${motionTitled(c.state, 'Vote open')}/votes`,
        body: { choice: 'no' },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/councils/:councilId/ledger': [
    {
      label: "open Docks' ledger (its treasurer only)",
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.docks}/ledger`,
        body: { currency: 'EUR' },
      }),
      expect: onlyTreasurer(201),
    },
  ],
  'POST /api/v1/orgs/:org/councils/:councilId/ledger/accounts': [
    {
      label: 'add a ledger account',
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.docks}/ledger/accounts`,
        body: { code: `acct-${c.p.toLowerCase()}`, name: 'Savings', accountType: 'asset' },
      }),
      expect: onlyTreasurer(201),
    },
  ],
  'POST /api/v1/orgs/:org/councils/:councilId/ledger/income': [
    {
      label: 'record income',
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.docks}/ledger/income`,
        body: { amount: 10_000, source: 'Dues', into: `acct-${c.p.toLowerCase()}` },
      }),
      expect: onlyTreasurer(201),
    },
  ],
  // Without a motion, money moves only into an account the ledger opened with (issue 14).
  'POST /api/v1/orgs/:org/councils/:councilId/ledger/transfers': [
    {
      label: 'move money between accounts',
      request: (c) => ({
        url: `${ACME}/councils/${c.f.councils.docks}/ledger/transfers`,
        body: { amount: 1_000, from: 'acct-officeholder', to: 'cash' },
      }),
      expect: onlyTreasurer(201),
    },
  ],
  // The treasury is open to every member (RULES.md "Treasury"): read after Docks' ledger opened.
  'GET /api/v1/orgs/:org/treasury': [
    {
      label: 'the treasury',
      request: () => ({ url: `${ACME}/treasury` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/councils/:councilId/ledger': [
    {
      label: "Docks' ledger",
      request: (c) => ({ url: `${ACME}/councils/${c.f.councils.docks}/ledger` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/councils/:councilId/ledger/entries': [
    {
      label: "Docks' ledger entries",
      request: (c) => ({ url: `${ACME}/councils/${c.f.councils.docks}/ledger/entries` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/councils/:councilId/ledger.csv': [
    {
      label: "Docks' ledger as CSV",
      request: (c) => ({ url: `${ACME}/councils/${c.f.councils.docks}/ledger.csv` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/treasury/ledger.csv': [
    {
      label: 'every ledger as CSV',
      request: () => ({ url: `${ACME}/treasury/ledger.csv` }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/budget-rounds/:roundId': [
    {
      label: 'a budget round',
      request: (c) => ({
        url: `${ACME}/budget-rounds/${roundTitled(c.state, 'Budget: voting at the matrix')}`,
      }),
      expect: everyMember(200),
    },
  ],
  'GET /api/v1/orgs/:org/budget-rounds/:roundId/ballots': [
    {
      label: "a budget round's published ballots",
      request: (c) => ({
        url: `${ACME}/budget-rounds/${roundTitled(c.state, 'Budget: voting at the matrix')}/ballots`,
      }),
      expect: everyMember(200),
    },
  ],
  'POST /api/v1/orgs/:org/authorisations/:authorisationId/payments': [
    {
      label: 'pay under the printer motion',
      request: (c) => ({
        url: `${ACME}/authorisations/${motionTitled(c.state, 'Buy a printer')}/payments`,
        body: { amount: 500 },
      }),
      expect: onlyTreasurer(201),
    },
  ],
  'POST /api/v1/orgs/:org/budget-rounds/:roundId/projects': [
    {
      label: "propose a project (Docks' members)",
      request: (c) => ({
        url: `${ACME}/budget-rounds/${roundTitled(c.state, 'Budget: proposals at the matrix')}/projects`,
        body: { title: `Project of ${c.p}`, description: '', cost: 1_000, payee: 'Someone' },
      }),
      expect: docksMembers(201),
    },
  ],
  'POST /api/v1/orgs/:org/projects/:projectId/withdraw': [
    {
      label: 'withdraw a project (its proposer only)',
      request: (c) => ({
        url: `${ACME}/projects/${[...c.state.treasury.projects.values()].find((p) => p.title === 'To be withdrawn')?.id}/withdraw`,
      }),
      // After its proposer withdrew it, the project is gone for everyone after.
      expect: members({
        otherCouncil: 403,
        member: 403,
        delegate: 403,
        officeHolder: 200,
        recalled: 404,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/budget-rounds/:roundId/ballots': [
    {
      label: 'cast a budget ballot (the roll only)',
      request: (c) => {
        const round = roundTitled(c.state, 'Budget: voting at the matrix');
        return {
          url: `${ACME}/budget-rounds/${round}/ballots`,
          body: { projects: c.state.treasury.rounds.get(round)?.projectIds ?? [] },
        };
      },
      expect: docksMembers(201),
    },
  ],
  'GET /api/v1/orgs/:org/members/:memberId/keys': [
    {
      label: "a member's signing keys",
      request: (c) => ({ url: `${ACME}/members/${c.f.people.delegate.memberId}/keys` }),
      expect: everyMember(200),
    },
  ],
  'POST /api/v1/orgs/:org/acts': [
    {
      // The signature is the credential: no session is read, so everyone gets the same
      // answer; an act naming another log is refused before its signature is looked at.
      label: 'a signed act for another log',
      request: () => ({
        url: `${ACME}/acts`,
        body: {
          by: 'm1',
          command: { kind: 'InviteMember' },
          id: '0'.repeat(32),
          issued: 0,
          origin: 'elsewhere.example/acme',
        },
      }),
      expect: all(422),
    },
  ],
  'POST /api/v1/orgs/:org/mandates/:mandateId/resign': [
    {
      label: 'resign as treasurer (its holder only)',
      request: (c) => ({ url: `${ACME}/mandates/${officeMandate(c) ?? 'd1'}/resign` }),
      expect: members({
        otherCouncil: 403,
        member: 403,
        delegate: 403,
        officeHolder: 200,
        recalled: 403,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/me/transfer': [
    {
      label: 'move to Mills',
      request: (c) => ({ url: `${ACME}/me/transfer`, body: { toCouncilId: c.f.councils.mills } }),
      expect: members({
        otherCouncil: 409,
        member: 200,
        delegate: 200,
        officeHolder: 200,
        recalled: 200,
      }),
    },
  ],
  'POST /api/v1/orgs/:org/me/leave': [
    { label: 'leave', request: () => ({ url: `${ACME}/me/leave` }), expect: everyMember(200) },
  ],
  'POST /api/v1/orgs/:org/invitations/accept': [
    {
      label: 'accept an invitation (one account, one member)',
      request: (c) => ({
        url: `${ACME}/invitations/accept`,
        body: {
          token: c.tokens.shift(),
          name: `Guest ${c.p}`,
          ...(c.p === 'anonymous' ? { account: { username: 'guest', password: PASSWORD } } : {}),
        },
      }),
      expect: { ...all(409), anonymous: 201, otherOrg: 201 },
    },
  ],
  // After everyone left acme and otherOrg joined it as a guest (the rows above); a key
  // registered earlier would make every later act by session 401 SIGNATURE_REQUIRED
  // (test/server/signed-acts-api.test.ts registers and acts).
  'POST /api/v1/orgs/:org/me/keys': [
    {
      label: 'register my first signing key',
      request: () => ({
        url: `${ACME}/me/keys`,
        body: { publicKey: randomBytes(32).toString('base64'), label: 'laptop' },
      }),
      expect: { ...members({ ...everyMember(403), otherCouncil: 403 }), otherOrg: 201 },
    },
  ],
  'GET /api/v1/account/notices': [
    {
      label: 'my notices',
      request: () => ({ url: '/api/v1/account/notices' }),
      expect: accountRoute(200),
    },
  ],
  'POST /api/v1/account/notices/seen': [
    {
      label: 'notices seen',
      request: () => ({ url: '/api/v1/account/notices/seen' }),
      expect: accountRoute(204),
    },
  ],
  'POST /api/v1/session': [
    {
      label: 'log in',
      request: (c) => ({
        url: '/api/v1/session',
        body: {
          username: c.p === 'anonymous' ? 'cat' : c.f.people[c.p].username,
          password: PASSWORD,
        },
      }),
      expect: all(200),
    },
  ],
  'DELETE /api/v1/session': [
    { label: 'log out', request: () => ({ url: '/api/v1/session' }), expect: all(204) },
  ],
  'DELETE /api/v1/account/sessions': [
    {
      label: 'log out everywhere',
      request: () => ({ url: '/api/v1/account/sessions' }),
      expect: accountRoute(200),
    },
  ],
  'GET /api/v1/account/data': [
    {
      label: 'my personal data',
      request: () => ({ url: '/api/v1/account/data' }),
      expect: accountRoute(200),
    },
  ],
  'POST /api/v1/account/erase': [
    {
      // A wrong password changes nothing (test/server/privacy-api.test.ts erases for real).
      label: 'erase me, with a wrong password',
      request: () => ({
        url: '/api/v1/account/erase',
        body: { password: 'not my password at all' },
      }),
      expect: accountRoute(403),
    },
  ],
  'PUT /api/v1/account/password': [
    {
      label: 'change my password',
      request: () => ({
        url: '/api/v1/account/password',
        body: { currentPassword: PASSWORD, newPassword: 'an entirely new long passphrase' },
      }),
      expect: accountRoute(200),
    },
  ],
};

let world: ApiWorld;
let fixture: OrgFixture;
const tokens: string[] = [];

beforeAll(async () => {
  world = await openApiWorld();
  fixture = await buildOrgFixture(world);
  // Invitations for the acceptance row, made while Docks still has members.
  for (let i = 0; i < PRINCIPALS.length; i++) {
    const { invitation } = await world.service.execute(
      'acme',
      fixture.people.officeHolder.memberId,
      {
        kind: 'InviteMember',
      },
    );
    tokens.push(invitation?.token as string);
  }
}, 300_000);
afterAll(async () => world?.dispose());

describe('the authorisation matrix', () => {
  it('has an entry for every API route, and a route for every entry', () => {
    const routes = world.app.routeTable
      .filter((r) => !r.hidden && r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(routes).size).toBe(routes.length);
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('answers every route × principal with the expected status and a catalogued error', async () => {
    const failures: string[] = [];
    for (const [route, cases] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0] as string;
      for (const c of cases) {
        for (const principal of PRINCIPALS) {
          const state = await world.service.state('acme');
          const head = await world.store.head('acme');
          const ctx: Context = {
            f: fixture,
            p: principal,
            state,
            me: principal === 'anonymous' ? '' : fixture.people[principal].memberId,
            tokens,
            size: head.size,
          };
          const { url, body } = c.request(ctx);
          const headers: Record<string, string> = {};
          if (principal === 'anonymous') {
            const csrf = randomBytes(32).toString('base64url');
            headers.cookie = `soviet_csrf=${csrf}`;
            headers['x-csrf-token'] = csrf;
          } else {
            const session = await fixture.accounts.openSession(fixture.people[principal].accountId);
            headers.cookie = `soviet_session=${session.token}; soviet_csrf=${session.csrfToken}`;
            headers['x-csrf-token'] = session.csrfToken;
          }
          if (method !== 'GET') headers.origin = ORIGIN;
          if (body !== undefined) headers['content-type'] = 'application/json';
          const res = await world.app.inject({
            method: method as 'GET',
            url,
            headers,
            ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
          });
          const expected = c.expect[principal];
          let code = '';
          if (res.statusCode >= 400) {
            code = (res.json() as { error: { code: string } }).error.code;
            const spec = catalogue[code];
            if (!spec || spec.status !== res.statusCode)
              failures.push(
                `${c.label} × ${principal}: ${res.statusCode} with uncatalogued ${code}`,
              );
          }
          if (res.statusCode !== expected)
            failures.push(
              `${c.label} × ${principal}: expected ${expected}, got ${res.statusCode} ${code}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
