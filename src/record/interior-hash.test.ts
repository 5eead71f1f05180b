// biome-ignore lint/style/noRestrictedImports: the test reads the committed source to check the generated code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCompress } from './testing/interior-hash-generator.js';

describe('the generated SHA-256 compression function', () => {
  it('is exactly what testing/interior-hash-generator.ts writes (regenerate it, do not edit it)', () => {
    const source = readFileSync(new URL('./interior-hash.ts', import.meta.url), 'utf8');
    const begin = source.indexOf('// GENERATED: begin\n');
    const end = source.indexOf('// GENERATED: end\n');
    expect(begin).toBeGreaterThan(0);
    expect(source.slice(begin + '// GENERATED: begin\n'.length, end)).toBe(generateCompress());
  });
});
