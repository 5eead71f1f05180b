import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatEconomy } from '../../planning/economy-format.js';
import { syntheticEconomy } from '../../planning/testing/synthetic-economy.js';
import { planDirectory } from './plan.js';

const data = join(import.meta.dirname, '../../../../shared/datasets/io-tables');
const run = promisify(execFile);
const cli = join(import.meta.dirname, '../main.ts');

describe('soviet plan', () => {
  it('plans the 5yearplan toy economy over five years (HEAD flows.csv: 8.797299)', async () => {
    const { summary, csv } = await planDirectory(join(data, 'cockshott-5yearplan-toy'));
    expect(summary.format).toBe('harmony');
    expect(summary.method).toBe('lp');
    expect(summary.products).toBe(4);
    expect(summary.objective?.toFixed(6)).toBe('8.797299');
    expect(summary.fulfilment).toHaveLength(5);
    expect(summary.fulfilment?.reduce((s, v) => s + v, 0)).toBeCloseTo(summary.objective ?? 0, 9);
    expect(csv.split('\n')[0]).toBe('year,product,output');
    expect(csv.trim().split('\n')).toHaveLength(1 + 5 * 4);
  });

  it('gives gross outputs and labour values of a symmetric table', async () => {
    const { summary } = await planDirectory(join(data, 'eurostat-beutel-germany-1995'));
    expect(summary.format).toBe('symmetric');
    expect(summary.method).toBe('leontief');
    // Leontief on the table's own final demand gives back its total output and employment.
    expect(Math.abs(summary.grossOutput - 3110430) / 3110430).toBeLessThan(1e-4);
    expect(summary.labour).toBeCloseTo(36428, 0);
    expect(summary.residual).toBeLessThanOrEqual(1e-10);
  });

  it('plans a Soviet economy directory by LP and by harmony, and writes the plan as CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'soviet-plan-'));
    const files = formatEconomy(
      syntheticEconomy({
        products: 20,
        techniquesPerProduct: 2,
        inputs: 4,
        capacityShare: 0.3,
        seed: 3,
      }),
    );
    await Promise.all(
      Object.entries(files).map(([name, text]) => writeFile(join(dir, `${name}.csv`), text)),
    );
    const out = join(dir, 'plan.csv');
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      cli,
      'plan',
      dir,
      '--json',
      '--out',
      out,
    ]);
    const lp = JSON.parse(stdout.trim()) as Record<string, unknown>;
    for (const key of [
      'products',
      'scale',
      'objective',
      'grossOutput',
      'labour',
      'labourValues',
      'iterations',
      'solveSeconds',
      'binding',
    ]) {
      expect(lp).toHaveProperty(key);
    }
    expect(lp.products).toBe(20);
    expect(lp.labour as number).toBeCloseTo(20, 6);
    expect((await readFile(out, 'utf8')).split('\n')[0]).toBe('technique,product,output,capacity');
    const h = (await planDirectory(dir, 'harmony')).summary;
    expect(h.scale ?? 0).toBeLessThanOrEqual((lp.scale as number) * (1 + 1e-9));
    expect(h.bound ?? 0).toBeGreaterThanOrEqual((lp.scale as number) * (1 - 1e-9));
  });

  it('refuses an unknown method and a directory it cannot read', async () => {
    await expect(
      planDirectory(join(data, 'eurostat-beutel-germany-1995'), 'simplex'),
    ).rejects.toThrow(/no planning method simplex/);
    await expect(planDirectory(join(data, 'nowhere'))).rejects.toThrow(/holds no economy/);
  });
});
