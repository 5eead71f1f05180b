import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers (Helmet) with a Content-Security-Policy the web app and the API
 * reference both run under: nothing from other origins, no inline script or style (the
 * Vite build ships hashed files only; vite.config.ts runs the browser tests under the
 * same policy), no framing (clickjacking), no plugins. `upgrade-insecure-requests` only
 * over TLS: on plain http it would break every sub-resource on a non-localhost name.
 * The one exception: inline styles on the API reference (swagger-ui) under /api/docs.
 */
export async function registerHelmet(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    let csp = reply.getHeader('content-security-policy');
    // swagger-ui (the API reference at /api/docs, which shows nobody's content but the
    // API's own document) sets a few inline style attributes; nothing else needs them.
    if (
      typeof csp === 'string' &&
      (request.url === '/api/docs' || request.url.startsWith('/api/docs/'))
    )
      csp = csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    if (
      typeof csp === 'string' &&
      request.protocol === 'https' &&
      !csp.includes('upgrade-insecure-requests')
    )
      csp = `${csp}; upgrade-insecure-requests`;
    if (typeof csp === 'string') reply.header('content-security-policy', csp);
    // HSTS means nothing over plain http (RFC 6797 §7.2) and would pin a dev host.
    if (request.protocol !== 'https') reply.removeHeader('strict-transport-security');
  });
}
