#!/usr/bin/env node
// The `soviet` command. Runs the compiled CLI (dist/, built by `npm install` or
// `npm run build`). With SOVIET_SOURCE=1 (the test suite sets it), or in a checkout that
// was never built, it runs the TypeScript sources through tsx instead (slower to start).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (process.env.SOVIET_SOURCE !== '1' && existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
