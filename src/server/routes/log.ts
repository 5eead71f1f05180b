import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { toBase64 } from '../../record/index.js';
import type { RecordDeps } from '../build-app.js';
import type { RequestAuth } from '../security/access.js';

const Org = Type.Object(
  { org: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', maxLength: 63 }) },
  { additionalProperties: false },
);
const Count = Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$', maxLength: 16 });

/**
 * Full tiles never change (C2SP tlog-tiles: "full tiles … are immutable"); partial tiles
 * are replaced by the full tile once it exists; checkpoints move on. A record read by a
 * member or a token's holder (kept to members) is `private`: shared caches must not
 * store it (RFC 9111 §5.2.2.7); a public record's tiles may sit in any cache or mirror.
 */
const IMMUTABLE = 'max-age=31536000, immutable';
const PARTIAL = 'max-age=60';
const scope = (request: { auth: RequestAuth }) =>
  request.auth.reader === 'public' ? 'public' : 'private';
const CHECKPOINT = 'public, max-age=2, must-revalidate';

/**
 * The record's read API per organisation, laid out exactly as C2SP tlog-tiles under
 * `/api/v1/orgs/<org>/log/` (so `soviet verify` and any tlog-tiles client read it):
 * `checkpoint`, `tile/<L>/<N>[.p/<W>]` hash tiles, `tile/entries/<N>[.p/<W>]` entry
 * bundles; plus JSON inclusion (RFC 9162 §2.1.3) and consistency (§2.1.4) proofs.
 * The checkpoint is always public (its size and root reveal nothing, and witnesses and
 * members' saved checkpoints need it); tiles and proofs are `record` reads: members only
 * unless the constitution makes the record public, or with a granted read token.
 */
export const logRoutes: FastifyPluginAsyncTypebox<{ deps: RecordDeps }> = async (app, { deps }) => {
  const { store } = deps;
  const prefix = '/api/v1/orgs/:org/log';

  app.get(
    `${prefix}/checkpoint`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'The latest signed checkpoint (C2SP tlog-checkpoint)',
        tags: ['record'],
        params: Org,
      },
    },
    async (request, reply) => {
      const head = await store.head(request.params.org);
      return reply
        .header('cache-control', CHECKPOINT)
        .type('text/plain; charset=utf-8')
        .send(head.checkpoint);
    },
  );

  const sendTile = async (
    org: string,
    path: string,
    request: { auth: RequestAuth },
    reply: FastifyReply,
  ) => {
    const tile = await store.tile(org, path);
    return reply
      .header('cache-control', `${scope(request)}, ${tile.immutable ? IMMUTABLE : PARTIAL}`)
      .type('application/octet-stream')
      .send(Buffer.from(tile.bytes.buffer, tile.bytes.byteOffset, tile.bytes.byteLength));
  };

  const TileParams = Type.Object(
    { org: Org.properties.org, '*': Type.String({ maxLength: 64 }) },
    { additionalProperties: false },
  );
  app.get(
    `${prefix}/tile/entries/*`,
    {
      config: { access: 'record' },
      schema: {
        summary: 'An entry bundle (C2SP tlog-tiles)',
        tags: ['record'],
        params: TileParams,
      },
    },
    async (request, reply) =>
      sendTile(request.params.org, `tile/entries/${request.params['*']}`, request, reply),
  );
  app.get(
    `${prefix}/tile/:level/*`,
    {
      config: { access: 'record' },
      schema: {
        summary: 'A hash tile (C2SP tlog-tiles)',
        tags: ['record'],
        params: Type.Object(
          {
            org: Org.properties.org,
            level: Type.String({ pattern: '^[0-9]{1,2}$', maxLength: 2 }),
            '*': Type.String({ maxLength: 64 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      sendTile(
        request.params.org,
        `tile/${request.params.level}/${request.params['*']}`,
        request,
        reply,
      ),
  );

  app.get(
    `${prefix}/proof/inclusion`,
    {
      config: { access: 'record' },
      schema: {
        summary: 'An inclusion proof (RFC 9162 §2.1.3)',
        tags: ['record'],
        params: Org,
        querystring: Type.Object({ index: Count, size: Count }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const index = Number(request.query.index);
      const size = Number(request.query.size);
      const proof = await store.inclusionProof(request.params.org, index, size);
      reply.header('cache-control', `${scope(request)}, ${IMMUTABLE}`);
      return { index, size, proof: proof.map(toBase64) };
    },
  );

  app.get(
    `${prefix}/proof/consistency`,
    {
      config: { access: 'record' },
      schema: {
        summary: 'A consistency proof (RFC 9162 §2.1.4)',
        tags: ['record'],
        params: Org,
        querystring: Type.Object({ from: Count, to: Count }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const from = Number(request.query.from);
      const to = Number(request.query.to);
      const proof = await store.consistencyProof(request.params.org, from, to);
      reply.header('cache-control', `${scope(request)}, ${IMMUTABLE}`);
      return { from, to, proof: proof.map(toBase64) };
    },
  );
};
