import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import { adminQuery } from '../../../../support/postgres.js';
import { connect, freshSchema } from './pg-test-connection.js';

/**
 * What the SQL engine sees of PostgreSQL values: every case reads a literal of one type through
 * the connection. Tests run with TZ=America/New_York (vitest.config.ts), so anything read in
 * local time instead of UTC is off by hours here.
 */
describe('PostgreSQL values arrive normalized', () => {
  let conn: SqlConnection;
  const value = async (literal: string) => (await conn.query({ sql: `SELECT ${literal} AS v`, params: [] }))[0].v;

  beforeAll(async () => {
    conn = await connect();
  });
  afterAll(() => conn?.close());

  it('the process is not in UTC, so these tests can catch local-time reads', () => {
    expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).toBe(300);
  });

  it.each([
    ['int2', "'-32768'::int2", -32768],
    ['int4', "'2147483647'::int4", 2147483647],
    ['int8 within 2^53', "'9007199254740991'::int8", 9007199254740991],
    ['count(*) (int8)', '(SELECT count(*) FROM generate_series(1, 3))', 3],
    ['numeric(12,2)', "'1234.56'::numeric(12,2)", 1234.56],
    ['numeric NaN', "'NaN'::numeric", NaN],
    ['numeric Infinity', "'Infinity'::numeric", Infinity],
    ['numeric -Infinity', "'-Infinity'::numeric", -Infinity],
    ['sum() of int8 (numeric)', '(SELECT sum(x) FROM (VALUES (1::int8), (2::int8)) v(x))', 3],
    ['float4', "'1.5'::float4", 1.5],
    ['float4 0.1 in shortest form', "'0.1'::float4", 0.1],
    ['float8', "'0.1'::float8", 0.1],
    ['float8 NaN', "'NaN'::float8", NaN],
    ['float8 Infinity', "'Infinity'::float8", Infinity],
    ['float8 -Infinity', "'-Infinity'::float8", -Infinity],
    ['avg() (numeric)', '(SELECT avg(x) FROM (VALUES (1), (2)) v(x))', 1.5],
  ])('%s -> number', async (_type, literal, expected) => {
    expect(await value(literal)).toBe(expected);
  });

  it('int8 beyond 2^53 becomes the nearest double (documented: lossy, not an error)', async () => {
    expect(await value("'9007199254740993'::int8")).toBe(9007199254740992);
    // biome-ignore lint/correctness/noPrecisionLoss: the nearest double is what the driver is expected to give
    expect(await value("'-9223372036854775808'::int8")).toBe(-9223372036854775808);
  });

  it('numeric beyond double precision becomes the nearest double', async () => {
    // biome-ignore lint/correctness/noPrecisionLoss: the nearest double is what the driver is expected to give
    expect(await value("'12345678901234567890.123'::numeric")).toBe(12345678901234567890.123);
  });

  it.each([
    ['true', 'true', true],
    ['false', 'false', false],
  ])('bool %s -> boolean', async (_name, literal, expected) => {
    expect(await value(literal)).toBe(expected);
  });

  it.each([
    ['date', "'2024-02-29'::date", Date.UTC(2024, 1, 29)],
    ['date before 1970', "'1969-07-20'::date", Date.UTC(1969, 6, 20)],
    ['date in year 1', "'0001-01-01'::date", -62135596800000],
    ['date BC (1 BC is year 0)', "'0001-12-31 BC'::date", -62135683200000],
    ['date after 9999', "'10000-01-01'::date", 253402300800000],
    ['timestamp as UTC', "'2024-03-10 02:30:00'::timestamp", Date.UTC(2024, 2, 10, 2, 30)],
    ['timestamp before 1970 with microseconds', "'1969-07-20 20:17:40.123456'::timestamp", Date.UTC(1969, 6, 20, 20, 17, 40, 123) + 0.456],
    ['timestamptz with an offset', "'2024-03-10 02:30:00-05'::timestamptz", Date.UTC(2024, 2, 10, 7, 30)],
    ['timestamptz with a half-hour offset', "'2024-06-01 12:00:00+05:30'::timestamptz", Date.UTC(2024, 5, 1, 6, 30)],
    ['timestamptz before 1970', "'1960-01-01 00:00:00+00'::timestamptz", Date.UTC(1960, 0, 1)],
    ['current_date is UTC midnight', "'2024-01-01 23:30:00-05'::timestamptz::date", Date.UTC(2024, 0, 2)],
  ])('%s -> epoch milliseconds', async (_type, literal, expected) => {
    expect(await value(literal)).toBe(expected);
  });

  it.each([
    ['date', "'infinity'::date", Infinity],
    ['date', "'-infinity'::date", -Infinity],
    ['timestamp', "'infinity'::timestamp", Infinity],
    ['timestamptz', "'-infinity'::timestamptz", -Infinity],
  ])('%s %s -> ±Infinity', async (_type, literal, expected) => {
    expect(await value(literal)).toBe(expected);
  });

  it.each([
    ['text', `E'it''s a "quote" and a \\\\ backslash'`, 'it\'s a "quote" and a \\ backslash'],
    ['text with unicode', "'ünïcødé 🐘'", 'ünïcødé 🐘'],
    ['varchar', "'abc'::varchar(5)", 'abc'],
    ['char(n) keeps its padding', "'ab'::char(3)", 'ab '],
    ['uuid', "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    ['bytea (hex text)', "'\\x0102ff'::bytea", '\\x0102ff'],
    ['jsonb (text)', `'{"b": 1, "a": [1, 2]}'::jsonb`, '{"a": [1, 2], "b": 1}'],
    ['interval (text)', "'1 day 2 hours'::interval", '1 day 02:00:00'],
    ['int[] (text)', 'ARRAY[1, 2, 3]', '{1,2,3}'],
    ['time (text)', "'12:34:56.5'::time", '12:34:56.5'],
  ])('%s -> string', async (_type, literal, expected) => {
    expect(await value(literal)).toBe(expected);
  });

  it('SQL NULL of any type -> null', async () => {
    const rows = await conn.query({
      sql: 'SELECT NULL::int8 AS a, NULL::numeric AS b, NULL::date AS c, NULL::timestamptz AS d, NULL::bool AS e, NULL::text AS f, NULL::jsonb AS g',
      params: [],
    });
    expect(rows).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null, g: null }]);
  });

  it('reads a table row by row the same way', async () => {
    await freshSchema('values_test');
    await adminQuery(`CREATE TABLE values_test.orders (id int8, amount numeric(12, 2), placed date, at timestamptz, ok bool, note text)`);
    await adminQuery(`INSERT INTO values_test.orders VALUES
      (1, 10.50, '1999-12-31', '1999-12-31 23:59:59.999+00', true, 'first'),
      (2, NULL, NULL, NULL, NULL, NULL)`);
    const rows = await conn.query({ sql: 'SELECT * FROM values_test.orders ORDER BY id', params: [] });
    expect(rows).toEqual([
      { id: 1, amount: 10.5, placed: Date.UTC(1999, 11, 31), at: Date.UTC(1999, 11, 31, 23, 59, 59, 999), ok: true, note: 'first' },
      { id: 2, amount: null, placed: null, at: null, ok: null, note: null },
    ]);
  });

  it('type parsers are per connection: pg used elsewhere in the process keeps its defaults', async () => {
    const { default: pg } = await import('pg');
    expect(pg.types.getTypeParser(20)('9007199254740993')).toBe('9007199254740993');
  });
});
