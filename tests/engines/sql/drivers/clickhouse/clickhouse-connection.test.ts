import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseLiteral, quoteClickhouseIdent } from '../../../../../src/engines/sql/dialects/clickhouse.js';
import { openClickhouseConnection } from '../../../../../src/engines/sql/drivers/clickhouse/clickhouse-connection.js';
import type { SqlConnection } from '../../../../../src/engines/sql/sql-connection.js';
import { col, defineContract, defineSuite } from '../../../../../src/index.js';
import { isDatacheckError } from '../../../../../src/model/issue.js';
import type { ContractDef } from '../../../../../src/model/contract.js';
import { runDatacheck } from '../../../../../src/run/runner.js';
import { clickhouseAdmin } from '../../../../support/clickhouse-server.js';
import { clickhouseUnderTest } from '../../clickhouse-tables.js';

/**
 * datacheck's ClickHouse connection against a real two-shard cluster (two clickhouse-server
 * processes, tests/support/clickhouse-server.ts): the one escaping function round-trips hostile
 * values and names through the server, queries are read-only, credentials never reach a message,
 * and a contract on a Distributed table is checked by both shards.
 */
const ch = clickhouseUnderTest('driver');
let conn: SqlConnection;
beforeAll(async () => {
  conn = await ch.connection();
});
afterAll(() => ch.close?.());

const HOSTILE_STRINGS = [
  "O'Brien",
  "'; DROP TABLE t; --",
  'back\\slash\\',
  "\\'",
  'nul\0inside',
  'tab\tnew\nline\r\x01\x1f\x7f',
  '"double" `back`',
  'prénom 名前 😀 \u2028 \ufeff',
  '',
  '{s:String} $1 ? %s',
];
const HOSTILE_NUMBERS = [0, -0, -1, 1.5, -2.5e-7, 1e300, -1e300, 5e-324, -5e-324, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21];

describe('the escaping function, against the server', () => {
  it('reads every hostile string back exactly as it was written', async () => {
    const sql = `SELECT ${HOSTILE_STRINGS.map((v, i) => `${clickhouseLiteral(v)} AS ${quoteClickhouseIdent(`v${i}`)}`).join(', ')}`;
    const [row] = await conn.query({ sql, params: [] });
    expect(HOSTILE_STRINGS.map((_, i) => row[`v${i}`])).toEqual(HOSTILE_STRINGS);
  });

  it('reads numbers back exactly, the sign of -0, subnormals and NaN/infinities included', async () => {
    const values = [...HOSTILE_NUMBERS, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const sql = `SELECT ${values.map((v, i) => `toFloat64(${clickhouseLiteral(v)}) AS v${i}`).join(', ')}`;
    const [row] = await conn.query({ sql, params: [] });
    values.forEach((v, i) => expect(Object.is(row[`v${i}`], v) || row[`v${i}`] === v, `${v}: got ${row[`v${i}`]}`).toBe(true));
    // a - -1 must not become the comment a --1
    expect(await conn.query({ sql: `SELECT 1 - ${clickhouseLiteral(-1)} AS two`, params: [] })).toEqual([{ two: 2 }]);
  });

  it('refuses what has no exact literal instead of guessing', () => {
    expect(() => clickhouseLiteral('lone \ud800 surrogate')).toThrow(/surrogate/);
    expect(() => clickhouseLiteral({})).toThrow(/no ClickHouse literal/);
    expect(() => quoteClickhouseIdent('a\0b')).toThrow(/NUL/);
  });

  it('counts hostile values in a table with hostile names, and leaves it in place', async () => {
    const EVIL = 'x`; DROP TABLE t; --\\';
    const table = 'T`\\"; DROP --';
    const rows = HOSTILE_STRINGS.map((v, i) => [v, i]);
    const parts = await ch.createTable({ columns: { [EVIL]: 'string', prénom_名前: 'int' }, rows }, table);
    const { computeSqlMetrics } = await import('../../../../../src/engines/sql/sql-engine.js');
    const { metricKey } = await import('../../../../../src/plan/metric-key.js');
    const specs = HOSTILE_STRINGS.map((value) => ({ kind: 'value_count' as const, column: EVIL, value }));
    const metrics = [{ kind: 'row_count' as const }, ...specs].map((spec) => ({ key: metricKey(spec), spec }));
    const results = await computeSqlMetrics({ connection: conn, relation: { kind: 'table', parts } }, metrics, new Date());
    expect([...results.values()]).toEqual([{ ok: true, value: HOSTILE_STRINGS.length }, ...specs.map(() => ({ ok: true, value: 1 }))]);
    const again = await conn.query({ sql: `SELECT count() AS n FROM ${parts.map(quoteClickhouseIdent).join('.')}`, params: [] });
    expect(again).toEqual([{ n: HOSTILE_STRINGS.length }]);
  });
});

describe('safety of the connection', () => {
  it('runs read-only: a write is refused by the server', async () => {
    const error = await conn.query({ sql: 'CREATE TABLE driver.w (a UInt8) ENGINE = Memory', params: [] }).catch((e) => e);
    expect(isDatacheckError(error) && error.issue.code).toBe('sql.read_only');
  });

  it('says a wrong password without the password or the URL', async () => {
    const cluster = await ch.cluster();
    const url = cluster.shards[0].url.replace(
      encodeURIComponent(cluster.reader.password),
      encodeURIComponent(`${cluster.reader.password}x`),
    );
    const error = await openClickhouseConnection('wh', { kind: 'clickhouse', urlEnv: 'CH_URL' }, { CH_URL: url }).catch((e) => e);
    expect(isDatacheckError(error) && error.issue.code).toBe('connection.failed');
    const text = JSON.stringify(error.issue);
    expect(text).not.toContain(cluster.reader.password);
    expect(text).not.toContain(encodeURIComponent(cluster.reader.password));
    expect(text).toContain("connection 'wh' (clickhouse://127.0.0.1:");
  });

  it('never quotes the statement of a syntax error (its literals may be values)', async () => {
    const error = await conn.query({ sql: `SELECT ${clickhouseLiteral('jane@example.com')} AS a,, 1`, params: [] }).catch((e) => e);
    expect(isDatacheckError(error) && error.issue.code).toBe('sql.error');
    expect(error.issue.message).toMatch(/Syntax error: failed at position \d+ \(the statement text is not shown\)/);
    expect(JSON.stringify(error.issue)).not.toContain('jane@example.com');
  });

  it('cancel() stops the running request and refuses new ones (run.interrupted)', async () => {
    const cluster = await ch.cluster();
    const c = await openClickhouseConnection('wh', { kind: 'clickhouse', urlEnv: 'U' }, { U: cluster.shards[0].url });
    try {
      const running = c.query({ sql: 'SELECT count() AS n FROM (SELECT number FROM system.numbers LIMIT 100000000000)', params: [] });
      await new Promise((r) => setTimeout(r, 200));
      expect(await c.cancel()).toBe(1);
      const stopped = await running.catch((e) => e);
      expect(isDatacheckError(stopped) && stopped.issue.code).toBe('run.interrupted');
      const refused = await c.query({ sql: 'SELECT 1 AS a', params: [] }).catch((e) => e);
      expect(isDatacheckError(refused) && refused.issue.code).toBe('run.interrupted');
    } finally {
      await c.close();
    }
  });

  it('cancels a query past statementTimeoutMs', async () => {
    const cluster = await ch.cluster();
    const slow = await openClickhouseConnection(
      'wh',
      { kind: 'clickhouse', urlEnv: 'U', statementTimeoutMs: 1000 },
      { U: cluster.shards[0].url },
    );
    try {
      const error = await slow
        .query({ sql: 'SELECT count() AS n FROM (SELECT number FROM system.numbers LIMIT 100000000000)', params: [] })
        .catch((e) => e);
      expect(isDatacheckError(error) && error.issue.code).toBe('sql.timeout');
    } finally {
      await slow.close();
    }
  });
});

describe('a contract on a two-shard Distributed table', () => {
  const ROWS = 1000;
  // ids 1..1000; the first half of the rows is on shard 1, the rest on shard 2 (clickhouse-tables.ts).
  const table = {
    columns: { id: 'int' as const, email: 'string' as const },
    rows: Array.from({ length: ROWS }, (_, i) => [i + 1, i === 777 ? 'bad' : `u${i}@x.io`]),
  };

  it('passes and fails the right checks, and each shard scans its own rows', async () => {
    const cluster = await ch.cluster();
    const parts = await ch.createTable(table, 'users');
    const users = defineContract({
      name: 'users',
      source: { table: parts.join('.'), connection: 'ch' },
      columns: { id: col.int64().min(1).max(ROWS), email: col.string().format('email').pii() },
    });
    const suite = defineSuite(users, (t) => [t.rowCount().equals(ROWS).title('every row')]);
    const result = await runDatacheck({
      cwd: process.cwd(),
      contracts: [users as ContractDef],
      suites: [suite],
      issues: [],
      maxFailingRows: 5,
      connections: { ch: { kind: 'clickhouse', urlEnv: 'CH_URL' } },
      env: { CH_URL: cluster.shards[0].url },
    });
    const checks = result.datasets[0].checks;
    const outcome = (title: RegExp) => checks.find((c) => title.test(c.title))?.outcome;
    expect(outcome(/every row/)).toBe('pass');
    const failed = checks.filter((c) => c.outcome === 'fail');
    expect(failed.map((c) => c.title)).toEqual([expect.stringMatching(/email/)]);
    expect(failed[0].rows).toMatchObject({ failed: 1 });
    expect(checks.filter((c) => c.outcome === 'error')).toEqual([]);
    // The pii value never leaves the process, not even from ClickHouse's samples.
    expect(JSON.stringify(result)).not.toContain('"bad"');
    expect(JSON.stringify(result)).not.toContain(cluster.reader.password);

    // Shard 2 ran its part of each query as a secondary query over its own 500 rows.
    for (const shard of cluster.shards) await clickhouseAdmin(shard, 'SYSTEM FLUSH LOGS');
    const secondary = await clickhouseAdmin(
      cluster.shards[1],
      "SELECT max(read_rows) AS r FROM system.query_log WHERE type = 2 AND is_initial_query = 0 AND query LIKE '%users_local%' FORMAT TSV",
    );
    expect(Number(secondary.trim())).toBe(ROWS / 2);
  });

  it('says clearly that a shard is down', async () => {
    const cluster = await ch.cluster();
    await ch.createTable(table, 'users_down');
    await clickhouseAdmin(cluster.shards[1], 'DETACH TABLE driver.users_down_local');
    const error = await conn.query({ sql: 'SELECT count() AS n FROM driver.users_down', params: [] }).catch((e) => e);
    expect(isDatacheckError(error)).toBe(true);
    expect(error.issue.message).toMatch(/users_down_local/);
  });
});
