import { readFileSync } from 'node:fs';

/**
 * Test support: the input-output tables in ../shared/datasets/io-tables (each folder's
 * SOURCE.md says where they come from and what they publish).
 */
export const IO_TABLES = new URL('../../../../shared/datasets/io-tables/', import.meta.url);

export function dataset(folder: string, file: string): string {
  return readFileSync(new URL(`${folder}/${file}`, IO_TABLES), 'utf8');
}

export function datasetDir(folder: string): string {
  return new URL(`${folder}/`, IO_TABLES).pathname;
}
