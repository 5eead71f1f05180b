import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { StoreDatabase } from './schema.js';

const INT8_OID = 20;

/**
 * `pg` returns `bigint` columns as strings; PGlite returns numbers. The store's bigints
 * (sequence numbers, sizes, times in ms) stay far below 2^53, so both backends give
 * numbers, and a value that would lose precision is an error rather than a silent change.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') {
      return (text: string): number => {
        const value = Number(text);
        if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} exceeds 2^53`);
        return value;
      };
    }
    return format === 'binary'
      ? pg.types.getTypeParser(oid, 'binary')
      : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

/**
 * Opens PostgreSQL at `url` with a connection pool. Several processes may share one
 * database: the append path serialises them per organisation with `SELECT … FOR UPDATE`.
 */
export function openPostgres(
  url: string,
  poolSize = 10,
): { db: Kysely<StoreDatabase>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its connection must not crash the process; the next query
  // on the pool reports the failure where it can be handled.
  pool.on('error', () => {});
  return { db: new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) }), pool };
}
