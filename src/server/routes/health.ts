import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { storeError } from '../../store/errors.js';
import type { RecordDeps } from '../build-app.js';

/**
 * `GET /api/v1/health`: 200 when the server can reach its database, with the backend and
 * the server's time; 503 STORE_UNAVAILABLE otherwise (for load balancers and monitors).
 */
export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: RecordDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Whether the server can reach its database',
        tags: ['record'],
        response: {
          200: Type.Object(
            {
              status: Type.Literal('ok'),
              backend: Type.Enum(['pglite', 'postgres']),
              time: Type.String({ description: "The server's time (ISO 8601)." }),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.store.db);
      } catch (error) {
        throw storeError('STORE_UNAVAILABLE', {
          target: deps.store.location,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok',
        backend: deps.store.backend,
        time: new Date(deps.clock()).toISOString(),
      } as const;
    },
  );
};
