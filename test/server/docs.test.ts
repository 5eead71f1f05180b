import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/errors/catalogue.js';
import { renderApiIndex, renderOpenApi } from '../../src/server/docs/render-api.js';
import { renderErrorCatalogue } from '../../src/server/docs/render-errors.js';
import { type ApiWorld, openApiWorld } from './api-world.js';

/**
 * The API's documents follow the code: every route is in the OpenAPI document with a
 * summary and its answers, and the committed docs/openapi.json, docs/api.md and
 * docs/errors.md are what the code generates now (regenerate with
 * `node --import tsx scripts/generate-api-docs.ts`).
 */
const docs = new URL('../../docs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, docs), 'utf8');

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly version: string };
  readonly paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        tags?: string[];
        responses?: Record<string, unknown>;
        'x-access'?: string;
      }
    >
  >;
  readonly components?: { readonly schemas?: Record<string, unknown> };
}

let world: ApiWorld;
let document: OpenApiDocument;
beforeAll(async () => {
  world = await openApiWorld();
  document = world.app.swagger() as unknown as OpenApiDocument;
});
afterAll(async () => world?.dispose());

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}').replace(/\*/g, '{*}');

describe('the OpenAPI document', () => {
  it('documents every API route, with a summary, a tag, its access and its answers', () => {
    const routes = world.app.routeTable.filter((r) => !r.hidden && r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const op = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op?.summary, `${route.method} ${route.url}`).toMatch(/\w/);
      expect(op?.tags?.length, `${route.method} ${route.url}`).toBeGreaterThan(0);
      expect(op?.['x-access']).toBe(route.access);
      const statuses = Object.keys(op?.responses ?? {});
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${route.method} ${route.url}`,
      ).toBe(true);
    }
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      routes.map((r) => `${r.method} ${openApiPath(r.url)}`).sort(),
    );
  });

  it('bounds every input: no unknown fields, a length on every string, a size on every array', () => {
    const problems: string[] = [];
    const components = (document.components?.schemas ?? {}) as Record<string, Node>;
    type Node = Record<string, unknown>;
    const walk = (node: Node | undefined, where: string, seen: Set<Node>): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (typeof node.$ref === 'string') {
        walk(components[node.$ref.replace('#/components/schemas/', '')], where, seen);
        return;
      }
      const types = [node.type].flat();
      // A tagged union's wrapper names only the tag; each branch is closed (checked below).
      const union = Array.isArray(node.oneOf) || Array.isArray(node.anyOf);
      if (types.includes('object') && !union && node.additionalProperties !== false)
        problems.push(`${where}: an object takes unknown fields`);
      if (
        types.includes('string') &&
        node.maxLength === undefined &&
        node.enum === undefined &&
        node.const === undefined
      )
        problems.push(`${where}: a string without maxLength`);
      if (types.includes('array') && node.maxItems === undefined)
        problems.push(`${where}: an array without maxItems`);
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>))
        walk(child, `${where}.${key}`, seen);
      if (node.items) walk(node.items as Node, `${where}[]`, seen);
      for (const branch of [...((node.oneOf ?? []) as Node[]), ...((node.anyOf ?? []) as Node[])])
        walk(branch, where, seen);
    };
    let inputs = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const operation = op as {
          parameters?: { name: string; schema?: Node }[];
          requestBody?: { content?: Record<string, { schema?: Node }> };
        };
        for (const parameter of operation.parameters ?? []) {
          inputs++;
          walk(parameter.schema, `${method} ${path} ${parameter.name}`, new Set());
        }
        for (const media of Object.values(operation.requestBody?.content ?? {})) {
          inputs++;
          walk(media.schema, `${method} ${path} body`, new Set());
        }
      }
    }
    expect(inputs).toBeGreaterThan(80);
    // A signed act's command is any member command: the server refuses any field that
    // command does not have (democracy/command-fields.ts, tested in signed-acts-api), and
    // the rules bound each field, as for the routes that build the same commands.
    const signedCommand =
      'post /api/v1/orgs/{org}/acts body.command: an object takes unknown fields';
    expect(problems.filter((p) => p !== signedCommand)).toEqual([]);
  });

  it('is OpenAPI 3.1 whose every $ref resolves', () => {
    expect(document.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components?.schemas?.[name], ref).toBeDefined();
    }
  });

  it('is served at /api/openapi.json, and browsable at /api/docs under the CSP', async () => {
    const served = await world.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(served.statusCode).toBe(200);
    expect(served.json()).toEqual(JSON.parse(JSON.stringify(document)));
    const page = await world.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // Its scripts are files under the same prefix (no inline script: the CSP allows none).
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const initializer = await world.app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
    });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('/api/openapi.json');
  });
});

describe('the committed documents', () => {
  it('docs/openapi.json is the current document', () => {
    expect(JSON.parse(read('openapi.json'))).toEqual(JSON.parse(renderOpenApi(world.app)));
  });

  it('docs/api.md is its current index', () => {
    expect(read('api.md')).toBe(renderApiIndex(JSON.parse(renderOpenApi(world.app))));
  });

  it('docs/errors.md lists every catalogued code with its status and sentence', () => {
    const text = read('errors.md');
    expect(text).toBe(renderErrorCatalogue());
    for (const [code, spec] of Object.entries(catalogue))
      expect(text).toContain(`| \`${code}\` | ${spec.status} |`);
  });
});

describe('the web app', () => {
  let dir: string;
  let web: ApiWorld;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soviet-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>Soviet</title><div id="root"></div>',
    );
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    web = await openApiWorld({ security: { webRoot: dir } });
  });
  afterAll(async () => {
    await web?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the built files, and index.html for the app's own paths", async () => {
    const asset = await web.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/orgs/acme/councils/c2', '/record?org=acme']) {
      const page = await web.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      // The page gives the browser its CSRF cookie, for the first login.
      const csrf = (page.cookies as { name: string; value: string }[]).find(
        (c) => c.name === 'soviet_csrf',
      );
      expect(csrf?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const again = await web.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: 'soviet_csrf=already-there' },
    });
    expect(again.cookies).toEqual([]);
  });

  it('keeps answering unknown API paths with the JSON 404', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/api/v1/no/such/thing' });
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
