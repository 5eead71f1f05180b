import type { FastifyInstance } from 'fastify';
import { CouncilNodeDefinition } from './views.js';

/** A council of the founding tree (democracy CouncilSpec), recursive. */
export const CouncilSpecDefinition = {
  $id: 'CouncilSpec',
  title: 'CouncilSpec',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    offices: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$', maxLength: 40 },
    },
    children: { type: 'array', maxItems: 1000, items: { $ref: 'CouncilSpec#' } },
  },
} as const;

/**
 * The recursive schemas, registered once on the root instance so that routes reference
 * them by `$ref` (JSON Schema cannot inline a recursive type) and the OpenAPI document
 * lists them under `components.schemas`.
 */
export function addSharedSchemas(app: FastifyInstance): void {
  app.addSchema(CouncilNodeDefinition);
  app.addSchema(CouncilSpecDefinition);
}
