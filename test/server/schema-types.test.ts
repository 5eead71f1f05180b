import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSharedSchemas } from '../../src/server/schemas/shared-schemas.js';
import {
  CouncilViewSchema,
  ElectionViewSchema,
  MemberBallotSchema,
  MemberViewSchema,
  MotionViewSchema,
  OrganisationViewSchema,
  RecallViewSchema,
  ReceiptCheckSchema,
  RecordViewSchema,
} from '../../src/server/schemas/views.js';
import type {
  ElectionView,
  MemberBallot,
  MemberView,
  MotionView,
  OrganisationView,
  RecallView,
  ReceiptCheck,
  RecordView,
} from '../../src/service/index.js';
import type { CouncilView } from '../../src/service/views/council-view.js';
import { type ApiWorld, openApiWorld } from './api-world.js';
import { buildOrgFixture, type OrgFixture } from './org-fixture.js';

/**
 * The response schemas (src/server/schemas/views.ts) and the service's views must
 * describe the same values: at compile time (tsc: each pair of types is mutually
 * assignable, ignoring `readonly`), and at run time (each page the API answers validates
 * against its schema, which refuses unknown fields: a view that gained a field fails).
 */

type Plain<T> = T extends readonly (infer E)[]
  ? Plain<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Same<A, B> = [Plain<A>] extends [Plain<B>]
  ? [Plain<B>] extends [Plain<A>]
    ? true
    : false
  : false;

/** Compile-time: tsc fails on a `false` here (a schema and its view disagree). */
const typesAgree: [
  Same<Static<typeof CouncilViewSchema>, CouncilView>,
  Same<Static<typeof ElectionViewSchema>, ElectionView>,
  Same<Static<typeof MemberViewSchema>, MemberView>,
  Same<Static<typeof MemberBallotSchema>, MemberBallot>,
  Same<Static<typeof MotionViewSchema>, MotionView>,
  Same<Static<typeof OrganisationViewSchema>, OrganisationView>,
  Same<Static<typeof RecallViewSchema>, RecallView>,
  Same<Static<typeof RecordViewSchema>, RecordView>,
  Same<Static<typeof ReceiptCheckSchema>, ReceiptCheck>,
] = [true, true, true, true, true, true, true, true, true];

let world: ApiWorld;
let fixture: OrgFixture;
let validator: FastifyInstance;

/**
 * A Fastify app with the server's Ajv settings whose routes validate a body against each
 * response schema: what the API answers must match its documented schema exactly (every
 * object refuses unknown fields).
 */
async function buildValidator(): Promise<FastifyInstance> {
  const app = Fastify({
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        allErrors: true,
        discriminator: true,
      },
    },
  });
  addSharedSchemas(app);
  const schemas: Record<string, TSchema> = {
    organisation: OrganisationViewSchema,
    council: CouncilViewSchema,
    election: ElectionViewSchema,
    motion: MotionViewSchema,
    recall: RecallViewSchema,
    member: MemberViewSchema,
    me: Type.Object(
      { member: MemberViewSchema, ballots: Type.Array(MemberBallotSchema) },
      { additionalProperties: false },
    ),
    record: RecordViewSchema,
    receipt: ReceiptCheckSchema,
  };
  for (const [name, schema] of Object.entries(schemas))
    app.post(`/check/${name}`, { schema: { body: schema } }, async () => ({ ok: true }));
  app.setErrorHandler(async (error: FastifyError, _request, reply) =>
    reply.status(400).send({
      error: error.message,
      where: (error.validation ?? []).map((v) => `${v.instancePath} ${JSON.stringify(v.params)}`),
    }),
  );
  await app.ready();
  return app;
}

beforeAll(async () => {
  world = await openApiWorld();
  fixture = await buildOrgFixture(world);
  validator = await buildValidator();
}, 300_000);
afterAll(async () => {
  await validator?.close();
  await world?.dispose();
});

describe('answers match their schemas, field for field', () => {
  it('for every kind of page, in every phase the fixture has', async () => {
    expect(typesAgree).toHaveLength(9);
    const session = await fixture.accounts.openSession(fixture.people.member.accountId);
    let checked = 0;
    const check = async (kind: string, url: string) => {
      const res = await world.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `soviet_session=${session.token}` },
      });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const verdict = await validator.inject({
        method: 'POST',
        url: `/check/${kind}`,
        headers: { 'content-type': 'application/json' },
        payload: res.body,
      });
      expect(verdict.statusCode, `${url} against the ${kind} schema: ${verdict.body}`).toBe(200);
      checked++;
    };
    const state = await world.service.state('acme');
    const base = '/api/v1/orgs/acme';
    await check('organisation', base);
    for (const id of state.councils.keys()) await check('council', `${base}/councils/${id}`);
    for (const id of state.elections.keys()) await check('election', `${base}/elections/${id}`);
    for (const id of state.motions.keys()) await check('motion', `${base}/motions/${id}`);
    for (const id of state.petitions.keys()) await check('recall', `${base}/recalls/${id}`);
    for (const id of state.members.keys()) await check('member', `${base}/members/${id}`);
    await check('me', `${base}/me`);
    await check('record', `${base}/record?from=0&limit=1000`);
    await check('receipt', `${base}/receipts/${fixture.receipt}`);
    expect(checked).toBeGreaterThan(20);
    // The fixture has closed elections with a count, motions passed and with amendments, a closed recall.
    expect([...state.elections.values()].some((e) => e.phase === 'closed')).toBe(true);
    expect([...state.motions.values()].some((m) => m.phase === 'passed')).toBe(true);
    expect([...state.petitions.values()].some((p) => p.phase === 'recalled')).toBe(true);
  });

  it('and a schema refuses a view with a field it does not document', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/api/v1/orgs/acme' });
    const body = { ...(res.json() as object), undocumented: 1 };
    const verdict = await validator.inject({
      method: 'POST',
      url: '/check/organisation',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(verdict.statusCode).toBe(400);
    expect(verdict.body).toContain('undocumented');
  });
});
