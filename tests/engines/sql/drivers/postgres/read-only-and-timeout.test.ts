import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import { adminQuery, testPostgres } from '../../../../support/postgres.js';
import { connect, freshSchema, issueOf } from './pg-test-connection.js';

// Connected as the fixture SUPERUSER on purpose: the read-only guarantee must come from
// datacheck's transactions, not from the role's privileges (which users may get wrong).
describe('every query through a PostgreSQL connection is read-only, single-statement and time-limited', () => {
  let conn: SqlConnection;
  const rowsInT = async () => (await adminQuery('SELECT count(*)::int AS n FROM ro_test.t')).rows[0].n;

  beforeAll(async () => {
    await freshSchema('ro_test');
    await adminQuery('CREATE TABLE ro_test.t (id int); INSERT INTO ro_test.t VALUES (1), (2), (3)');
    await adminQuery('CREATE SEQUENCE ro_test.s');
    conn = await connect((await testPostgres()).adminUrl);
  });
  afterAll(() => conn?.close());

  it('reads', async () => {
    expect(await conn.query({ sql: 'SELECT count(*) AS n FROM ro_test.t', params: [] })).toEqual([{ n: 3 }]);
  });

  it.each([
    ['INSERT', 'INSERT INTO ro_test.t VALUES (4)'],
    ['UPDATE', 'UPDATE ro_test.t SET id = 0'],
    ['DELETE', 'DELETE FROM ro_test.t'],
    ['DROP', 'DROP TABLE ro_test.t'],
    ['TRUNCATE', 'TRUNCATE ro_test.t'],
    ['a writing CTE', 'WITH d AS (DELETE FROM ro_test.t RETURNING id) SELECT count(*) FROM d'],
    ['nextval()', "SELECT nextval('ro_test.s')"],
  ])('%s fails with sql.read_only and the table is intact', async (_what, sql) => {
    const issue = await issueOf(conn.query({ sql, params: [] }));
    expect(issue.code).toBe('sql.read_only');
    expect(issue.message).toContain('read-only transaction');
    expect(await rowsInT()).toBe(3);
  });

  it('two statements in one call are refused, not run one after the other', async () => {
    const issue = await issueOf(conn.query({ sql: 'SELECT 1; DROP TABLE ro_test.t', params: [] }));
    expect(issue.code).toBe('sql.error');
    expect(issue.message).toContain('cannot insert multiple commands');
    expect(await rowsInT()).toBe(3);
  });

  it('ending the transaction early does not let the next call write', async () => {
    await conn.query({ sql: 'COMMIT', params: [] });
    const issue = await issueOf(conn.query({ sql: 'INSERT INTO ro_test.t VALUES (4)', params: [] }));
    expect(issue.code).toBe('sql.read_only');
    expect(await rowsInT()).toBe(3);
  });

  it('a session-level SET inside a call is rolled back with the transaction', async () => {
    await conn.query({ sql: 'SET SESSION default_transaction_read_only = off', params: [] });
    await conn.query({ sql: 'SET SESSION statement_timeout = 0', params: [] });
    const rows = await conn.query({ sql: "SELECT current_setting('statement_timeout') AS t", params: [] });
    expect(rows).toEqual([{ t: '5min' }]);
    expect((await issueOf(conn.query({ sql: 'DELETE FROM ro_test.t', params: [] }))).code).toBe('sql.read_only');
  });

  it('runs in UTC with ISO dates, whatever the server default', async () => {
    const rows = await conn.query({ sql: "SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds", params: [] });
    expect(rows).toEqual([{ tz: 'UTC', ds: 'ISO, YMD' }]);
  });

  it('a failed query leaves the connection usable', async () => {
    await issueOf(conn.query({ sql: 'SELECT 1/0', params: [] }));
    expect(await conn.query({ sql: 'SELECT 1 AS one', params: [] })).toEqual([{ one: 1 }]);
  });

  it('parallel queries each get their own transaction', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => conn.query({ sql: 'SELECT $1::int AS i, pg_sleep(0.05)::text AS s', params: [i] })),
    );
    expect(results.map((r) => r[0].i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a query longer than statementTimeoutMs is cancelled by the server: sql.timeout, quickly', async () => {
    const short = await connect((await testPostgres()).url, { statementTimeoutMs: 200 });
    try {
      const t0 = Date.now();
      const issue = await issueOf(short.query({ sql: 'SELECT pg_sleep(5)', params: [] }));
      const elapsed = Date.now() - t0;
      expect(issue.code).toBe('sql.timeout');
      expect(issue.message).toContain('cancelled after the statement timeout of 200 ms');
      expect(issue.hint).toContain('statementTimeoutMs');
      // Well under the 5 s the query asked for: the server cancelled it (not a speed bound; a loaded
      // CI machine needs the slack).
      expect(elapsed).toBeLessThan(4_000);
      // and the connection goes on working
      expect(await short.query({ sql: 'SELECT 2 AS two', params: [] })).toEqual([{ two: 2 }]);
    } finally {
      await short.close();
    }
  });

  it('a connection killed mid-query is connection.failed, and the next query reconnects', async () => {
    const own = await connect();
    try {
      const sleeping = issueOf(own.query({ sql: 'SELECT pg_sleep(10) AS killed_by_test', params: [] }));
      // wait until the server runs it, then end that backend as an administrator would
      for (let i = 0; i < 100; i++) {
        const { rows } = await adminQuery(
          "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query LIKE '%AS killed_by_test' AND pid <> pg_backend_pid()",
        );
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const issue = await sleeping;
      expect(issue.code).toBe('connection.failed');
      expect(issue.message).toContain('lost the connection while running the query');
      expect(await own.query({ sql: 'SELECT 3 AS three', params: [] })).toEqual([{ three: 3 }]);
    } finally {
      await own.close();
    }
  });

  it('bound values never appear in error messages (they may be PII)', async () => {
    const issue = await issueOf(conn.query({ sql: 'SELECT $1::int AS n', params: ['jane.doe@example.com'] }));
    // PostgreSQL's own text quotes the value ("invalid input syntax for type integer: \"jane...\""): said in our words.
    expect(issue.code).toBe('sql.cast');
    expect(issue.message).toContain('is not valid input for type integer');
    expect(issue.message).toContain('(SQL: SELECT $1::int AS n)');
    expect(issue.text).not.toContain('jane.doe');
  });
});
