import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `vite preview` and `vite` (dev) send `/api`: the Soviet server (default :3000). */
const api = process.env.SOVIET_API ?? 'http://127.0.0.1:3000';

/**
 * The policy the browser tests run under (SOVIET_PREVIEW_CSP=1): no inline script or
 * style, nothing from elsewhere. The app must work under it, as under the server's.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The web app: React, built from src/web to dist/web (`npm run build:web`), which the
 * server serves. Only hashed file names under assets/, no inline script or style, so
 * that it runs under a strict Content-Security-Policy.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { proxy: { '/api': api } },
  preview: {
    proxy: { '/api': api },
    headers: process.env.SOVIET_PREVIEW_CSP ? { 'content-security-policy': STRICT_CSP } : {},
  },
});
