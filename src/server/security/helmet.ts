import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers (Helmet) with a Content-Security-Policy the web app and the API
 * reference both run under: nothing from other origins, no inline script or style (the
 * Vite build ships hashed files only; vite.config.ts runs the browser tests under the
 * same policy), no framing (clickjacking), no plugins. `upgrade-insecure-requests` only
 * over TLS: on plain http it would break every sub-resource on a non-localhost name.
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
    if (request.protocol === 'https') {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests'))
        reply.header('content-security-policy', `${csp}; upgrade-insecure-requests`);
    } else {
      // HSTS means nothing over plain http (RFC 6797 §7.2) and would pin a dev host.
      reply.removeHeader('strict-transport-security');
    }
  });
}
