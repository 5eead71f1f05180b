import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CSRF_COOKIE, setCsrfCookie } from './security/cookies.js';

/**
 * Serves the built web app (`npm run build:web` → dist/web) at `/` when the folder
 * exists: its files as they are (hashed assets cached for a year), and `index.html` for
 * any other path that is not the API (the app routes in the browser). Unknown `/api/`
 * paths still get the API's JSON 404.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string | null,
  newToken: () => string,
): Promise<boolean> {
  if (root === null || !existsSync(join(root, 'index.html'))) return false;
  // The page's first state-changing request (logging in) needs the CSRF cookie to echo
  // (src/web/api/client.ts reads it): the page sets it when the browser has none.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.cookies[CSRF_COOKIE] !== undefined) return;
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html'))
      setCsrfCookie(request, reply, newToken());
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
