/**
 * Regenerates the committed API documents from the code:
 * docs/openapi.json (the routes' schemas), docs/api.md (its index) and docs/errors.md
 * (the error catalogue). test/server/docs.test.ts fails when they are out of date.
 *
 *   node --import tsx scripts/generate-api-docs.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEventCatalogue } from '../src/democracy/events/render-catalogue.js';
import { buildApp } from '../src/server/build-app.js';
import { renderApiIndex, renderOpenApi } from '../src/server/docs/render-api.js';
import { renderErrorCatalogue } from '../src/server/docs/render-errors.js';
import { DEFAULT_SECURITY } from '../src/server/security/security-config.js';
import { democracyDomain } from '../src/store/democracy-domain.js';
import { openStore } from '../src/store/open-store.js';

const docs = new URL('../docs/', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'soviet-docs-'));
const store = await openStore({ dataDir }, { domain: democracyDomain });
try {
  const app = await buildApp({
    store,
    clock: Date.now,
    security: { ...DEFAULT_SECURITY, webRoot: null },
  });
  await app.ready();
  const openapi = renderOpenApi(app);
  writeFileSync(new URL('openapi.json', docs), openapi);
  writeFileSync(new URL('api.md', docs), renderApiIndex(JSON.parse(openapi)));
  writeFileSync(new URL('errors.md', docs), renderErrorCatalogue());
  writeFileSync(new URL('events.md', docs), renderEventCatalogue());
  await app.close();
  process.stdout.write('wrote docs/openapi.json, docs/api.md, docs/errors.md, docs/events.md\n');
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
