import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbHistoryStore } from '../../src/history/duckdb-store.js';
import type { HistoryStore } from '../../src/history/history-store.js';
import { postgresHistoryStore } from '../../src/history/postgres-store.js';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import { adminQuery, quoteIdent, testPostgres } from '../support/postgres.js';

const SCHEMA = 'history_store_test';

function check(id: string, metric?: { name: string; value: number }): CheckResult {
  return {
    id,
    kind: metric ? 'row_count' : 'not_null',
    dataset: 'orders',
    title: id,
    severity: 'error',
    outcome: 'pass',
    message: '',
    ...(metric && { metric }),
    origin: 'suite',
    location: { file: 'checks/orders.check.ts', line: 1, column: 1 },
    durationMs: 0,
  };
}

function run(runId: string, startedAt: string, rows: number): RunResult {
  return {
    schemaVersion: 1,
    runId,
    tool: { name: 'datacheck', version: '0' },
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    cwd: '/',
    datasets: [
      {
        name: 'orders',
        issues: [],
        columns: [],
        durationMs: 0,
        checks: [
          check('orders.rows', { name: 'row_count', value: rows }),
          check('orders.rows.change', { name: 'row_count', value: rows }),
          check('orders.id.not_null'),
        ],
      },
    ],
    issues: [],
    counts: { pass: 3, fail: 0, warn: 0, error: 0, skipped: 0 },
    outcome: 'passed',
  };
}

/** The same behaviour on both stores. */
function behavesAsAStore(open: () => Promise<HistoryStore>) {
  it('returns each earlier value once per run, oldest first, and only the metrics asked for', async () => {
    const store = await open();
    expect(await store.append(run('r2', '2024-06-02T00:00:00.000Z', 120))).toBe(3);
    await store.append(run('r1', '2024-06-01T00:00:00.000Z', 100));
    const read = await store.read([{ dataset: 'orders', metric: 'row_count' }], ['orders']);
    expect(read.points.orders.row_count).toEqual([
      { runId: 'r1', at: '2024-06-01T00:00:00.000Z', value: 100 },
      { runId: 'r2', at: '2024-06-02T00:00:00.000Z', value: 120 },
    ]);
    expect(read.trends.orders).toEqual([
      { runId: 'r1', startedAt: '2024-06-01T00:00:00.000Z', counts: { pass: 3, fail: 0, warn: 0, error: 0, skipped: 0 } },
      { runId: 'r2', startedAt: '2024-06-02T00:00:00.000Z', counts: { pass: 3, fail: 0, warn: 0, error: 0, skipped: 0 } },
    ]);
    expect(await store.read([{ dataset: 'payments', metric: 'row_count' }], ['payments'])).toEqual({ points: {}, trends: {} });
  });

  it('adds nothing when the same run is appended again (a retried append)', async () => {
    const store = await open();
    await store.append(run('r1', '2024-06-01T00:00:00.000Z', 100));
    const read = await store.read([{ dataset: 'orders', metric: 'row_count' }], ['orders']);
    expect(read.points.orders.row_count).toHaveLength(2);
    expect(read.trends.orders).toHaveLength(2);
  });

  it('lists every check of the recent runs for `datacheck history`, outcomes included', async () => {
    const store = await open();
    const rows = await store.recent({ dataset: 'orders', runs: 1 });
    expect(rows.map((r) => [r.runId, r.checkId, r.outcome, r.value])).toEqual([
      ['r2', 'orders.id.not_null', 'pass', null],
      ['r2', 'orders.rows', 'pass', 120],
      ['r2', 'orders.rows.change', 'pass', 120],
    ]);
  });
}

describe('the DuckDB history file', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-history-')), 'nested/.datacheck/history.duckdb');
  behavesAsAStore(async () => duckdbHistoryStore(file, '.datacheck/history.duckdb'));
});

describe('the PostgreSQL history schema', async () => {
  afterAll(async () => {
    await adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(SCHEMA)} CASCADE`);
  });
  behavesAsAStore(async () => {
    const pg = await testPostgres();
    return postgresHistoryStore('shared', { kind: 'postgres', urlEnv: 'HISTORY_URL' }, SCHEMA, { HISTORY_URL: pg.adminUrl });
  });

  it('never shows the URL or its password when the server refuses', async () => {
    const pg = await testPostgres();
    const url = pg.adminUrl.replace(/\/\/([^:@]+)(:[^@]*)?@/, '//$1:s3cret-pw@');
    const store = postgresHistoryStore('shared', { kind: 'postgres', urlEnv: 'HISTORY_URL', connectTimeoutMs: 5000 }, SCHEMA, {
      HISTORY_URL: url.replace(/\/[^/?]*(\?|$)/, '/no_such_database$1'),
    });
    const error = await store.read([{ dataset: 'orders', metric: 'row_count' }], []).catch((e) => e);
    expect(String(error.message)).not.toContain('s3cret-pw');
    expect(String(error.message)).toContain("connection 'shared'");
  });
});
