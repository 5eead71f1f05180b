#!/usr/bin/env node
// The `soviet` command: runs the TypeScript CLI through tsx, so a checkout works after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
