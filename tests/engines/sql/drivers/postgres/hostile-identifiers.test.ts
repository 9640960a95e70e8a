import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import { adminQuery, quoteIdent as q } from '../../../../support/postgres.js';
import { connect, freshSchema } from './pg-test-connection.js';

// Names a contract may legally carry, built to break any code that splices them into SQL.
const SCHEMA = 'weird schema';
const TABLE = 't"; DROP TABLE t; --';
const COLUMN = 'x"; DROP TABLE t; --';
const UNICODE = 'ünïcødé';
const EMOJI = '🐘 elephant';

// Values that break naive string literals: quotes, backslashes, a comment, a NUL-free control char.
const VALUES = [`it's`, `"double"`, `back\\slash`, `\\'; DROP TABLE t; --`, `tab\there`, `E'\\x41'`, `$1`];

describe('hostile identifiers and values against PostgreSQL', () => {
  let conn: SqlConnection;
  const relation = `${q(SCHEMA)}.${q(TABLE)}`;

  beforeAll(async () => {
    await freshSchema(SCHEMA);
    // a canary the injected DROP TABLE t would hit
    await adminQuery(`CREATE TABLE ${q(SCHEMA)}.t (ok int); INSERT INTO ${q(SCHEMA)}.t VALUES (1)`);
    await adminQuery(`CREATE TABLE ${relation} (${q(COLUMN)} text, ${q(UNICODE)} int, ${q(EMOJI)} timestamptz)`);
    for (const [i, v] of VALUES.entries()) {
      await adminQuery(`INSERT INTO ${relation} VALUES ($1, $2, $3)`, [v, i, '2024-01-01T00:00:00Z']);
    }
    conn = await connect();
  });
  afterAll(() => conn?.close());

  it('describe finds the table and reports the names exactly', async () => {
    const cols = await conn.describe({ kind: 'table', parts: [SCHEMA, TABLE] });
    expect(cols.map((c) => [c.name, c.arrowType])).toEqual([
      [COLUMN, 'Utf8'],
      [UNICODE, 'Int32'],
      [EMOJI, 'Timestamp<MICROSECOND, UTC>'],
    ]);
  });

  it('locate keeps the names as they are', () => {
    expect(conn.locate({ kind: 'table', parts: [SCHEMA, TABLE] })?.name).toBe(`datacheck_test.${SCHEMA}.${TABLE}`);
  });

  it.each(VALUES)('the value %s round-trips as a bound parameter', async (v) => {
    const rows = await conn.query({
      sql: `SELECT ${q(COLUMN)} AS v, $1::text AS echoed FROM ${relation} WHERE ${q(COLUMN)} = $1`,
      params: [v],
    });
    expect(rows).toEqual([{ v, echoed: v }]);
  });

  it('rows come back keyed by the hostile names', async () => {
    const rows = await conn.query({
      sql: `SELECT ${q(COLUMN)}, ${q(UNICODE)}, ${q(EMOJI)} FROM ${relation} WHERE ${q(UNICODE)} = $1`,
      params: [0],
    });
    expect(rows).toEqual([{ [COLUMN]: `it's`, [UNICODE]: 0, [EMOJI]: Date.UTC(2024, 0, 1) }]);
  });

  it('a user query over the hostile names is described', async () => {
    const cols = await conn.describe({ kind: 'query', sql: `SELECT ${q(UNICODE)} + 1 AS ${q(EMOJI)} FROM ${relation}` });
    expect(cols.map((c) => c.name)).toEqual([EMOJI]);
  });

  it('nothing was dropped along the way', async () => {
    expect((await adminQuery(`SELECT count(*)::int AS n FROM ${q(SCHEMA)}.t`)).rows).toEqual([{ n: 1 }]);
    expect((await adminQuery(`SELECT count(*)::int AS n FROM ${relation}`)).rows).toEqual([{ n: VALUES.length }]);
  });
});
