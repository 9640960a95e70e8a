import { Decimal, Timestamp, TimeUnit } from 'apache-arrow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import { adminQuery, testPostgres } from '../../../../support/postgres.js';
import { connect, freshSchema, issueOf } from './pg-test-connection.js';

describe('describing PostgreSQL tables and queries from the catalog', () => {
  let conn: SqlConnection;

  beforeAll(async () => {
    await freshSchema('describe_test');
    await adminQuery(`
      CREATE TYPE describe_test.mood AS ENUM ('sad', 'ok', 'happy');
      CREATE DOMAIN describe_test.email AS text NOT NULL;
      CREATE TABLE describe_test.everything (
        i2 int2 NOT NULL, i4 int4, i8 bigint, f4 real, f8 double precision,
        dec numeric(12, 2), dec_neg numeric(5, -2), num numeric,
        t text, vc varchar(20), ch char(3), b boolean, d date,
        ts timestamp, tstz timestamptz, ts0 timestamp(0), by bytea, u uuid,
        m describe_test.mood, e describe_test.email,
        j jsonb, iv interval, arr int[], tm time
      );
      ALTER TABLE describe_test.everything DROP COLUMN ch;
      CREATE VIEW describe_test.v AS SELECT i4, t FROM describe_test.everything;
      CREATE MATERIALIZED VIEW describe_test.mv AS SELECT i8 FROM describe_test.everything;
      INSERT INTO describe_test.everything (i2, e) VALUES (1, 'a@b.c');
    `);
    conn = await connect();
  });
  afterAll(() => conn?.close());

  const table = (...parts: string[]) => ({ kind: 'table' as const, parts });

  it('maps every type to the Arrow type text and logical type the file sources use', async () => {
    const cols = await conn.describe(table('describe_test', 'everything'));
    const summary = Object.fromEntries(cols.map((c) => [c.name, [c.arrowType, c.logical ?? null, c.nullable]]));
    expect(summary).toEqual({
      i2: ['Int16', { type: 'int', bits: 16, signed: true }, false],
      i4: ['Int32', { type: 'int', bits: 32, signed: true }, true],
      i8: ['Int64', { type: 'int', bits: 64, signed: true }, true],
      f4: ['Float32', { type: 'float', bits: 32 }, true],
      f8: ['Float64', { type: 'float', bits: 64 }, true],
      dec: [String(new Decimal(2, 12, 128)), { type: 'decimal', precision: 12, scale: 2 }, true],
      dec_neg: [String(new Decimal(-2, 5, 128)), { type: 'decimal', precision: 5, scale: -2 }, true],
      // plain numeric has no precision; its values arrive as doubles
      num: ['numeric', { type: 'float', bits: 64 }, true],
      t: ['Utf8', { type: 'string' }, true],
      vc: ['Utf8', { type: 'string' }, true],
      b: ['Bool', { type: 'bool' }, true],
      d: ['Date32<DAY>', { type: 'date' }, true],
      ts: ['Timestamp<MICROSECOND>', { type: 'timestamp', unit: 'us' }, true],
      tstz: ['Timestamp<MICROSECOND, UTC>', { type: 'timestamp', unit: 'us', tz: 'UTC' }, true],
      ts0: ['Timestamp<MICROSECOND>', { type: 'timestamp', unit: 'us' }, true],
      by: ['Binary', { type: 'binary' }, true],
      u: ['Utf8', { type: 'string' }, true],
      m: ['Utf8', { type: 'string' }, true],
      // a domain reads as its base type, and its NOT NULL counts
      e: ['Utf8', { type: 'string' }, false],
      j: ['jsonb', null, true],
      iv: ['interval', null, true],
      arr: ['integer[]', null, true],
      tm: ['time without time zone', null, true],
    });
  });

  it('uses the same type text as apache-arrow prints', () => {
    expect(String(new Timestamp(TimeUnit.MICROSECOND, 'UTC'))).toBe('Timestamp<MICROSECOND, UTC>');
  });

  it('reads only the catalog: describing works while another session holds an exclusive lock on the table', async () => {
    const locker = new pg.Client({ connectionString: (await testPostgres()).adminUrl });
    await locker.connect();
    const quick = await connect(undefined, { statementTimeoutMs: 1_000 });
    try {
      await locker.query('BEGIN; LOCK TABLE describe_test.everything IN ACCESS EXCLUSIVE MODE');
      // reading a single row would wait for the lock and time out
      expect((await issueOf(quick.query({ sql: 'SELECT i2 FROM describe_test.everything LIMIT 1', params: [] }))).code).toBe('sql.timeout');
      expect((await quick.describe(table('describe_test', 'everything'))).length).toBe(23);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await quick.close();
    }
  });

  it('describes views and materialized views', async () => {
    expect((await conn.describe(table('describe_test', 'v'))).map((c) => `${c.name}:${c.arrowType}`)).toEqual(['i4:Int32', 't:Utf8']);
    expect((await conn.describe(table('describe_test', 'mv'))).map((c) => `${c.name}:${c.arrowType}`)).toEqual(['i8:Int64']);
  });

  it('accepts database.schema.table for the current database', async () => {
    const cols = await conn.describe(table('datacheck_test', 'describe_test', 'v'));
    expect(cols.map((c) => c.name)).toEqual(['i4', 't']);
  });

  it('a missing table is sql.relation_not_found naming the table and the connection', async () => {
    const issue = await issueOf(conn.describe(table('describe_test', 'nope')));
    expect(issue.code).toBe('sql.relation_not_found');
    expect(issue.message).toMatch(/^connection 'warehouse' \(postgres:\/\/127\.0\.0\.1:\d+\): table describe_test\.nope does not exist/);
  });

  it('names are case-sensitive, as quoted identifiers are', async () => {
    const issue = await issueOf(conn.describe(table('describe_test', 'EVERYTHING')));
    expect(issue.code).toBe('sql.relation_not_found');
  });

  it('another database in a three-part name is not found rather than silently read from this one', async () => {
    const issue = await issueOf(conn.describe(table('other_db', 'describe_test', 'v')));
    expect(issue.code).toBe('sql.relation_not_found');
  });

  it('a query is described by its result columns, every one nullable', async () => {
    const cols = await conn.describe({
      kind: 'query',
      sql: 'SELECT i2, dec, count(*) AS n, tstz::date AS day, e FROM describe_test.everything GROUP BY 1, 2, 4, 5;',
    });
    expect(cols.map((c) => [c.name, c.arrowType, c.logical?.type, c.nullable])).toEqual([
      ['i2', 'Int16', 'int', true],
      ['dec', String(new Decimal(2, 12, 128)), 'decimal', true],
      ['n', 'Int64', 'int', true],
      ['day', 'Date32<DAY>', 'date', true],
      ['e', 'Utf8', 'string', true],
    ]);
  });

  it('describing a query runs no rows through it', async () => {
    // 1/0 for every row: any row produced would fail the query
    const cols = await conn.describe({ kind: 'query', sql: 'SELECT 1 / (i2 - i2) AS boom FROM describe_test.everything' });
    expect(cols.map((c) => c.name)).toEqual(['boom']);
  });

  it('a broken query is an sql issue, not a crash', async () => {
    const issue = await issueOf(conn.describe({ kind: 'query', sql: 'SELECT nope FROM describe_test.everything' }));
    expect(issue.code).toBe('sql.error');
    expect(issue.message).toContain('column "nope" does not exist');
  });

  it('file relations are DuckDB-only', async () => {
    const issue = await issueOf(conn.describe({ kind: 'files', format: 'parquet', paths: ['x.parquet'] }));
    expect(issue.code).toBe('sql.unsupported');
  });
});
