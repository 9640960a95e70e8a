import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckdbHistoryStore } from '../../src/history/duckdb-store.js';
import { col, defineContract } from '../../src/index.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { DatasetResult, RunResult } from '../../src/model/result.js';
import { runEvents } from '../../src/reporters/openlineage/run-events.js';
import { renderJson } from '../../src/reporters/json.js';
import { runDatacheck } from '../../src/run/runner.js';
import { specValidator } from '../openlineage/spec.js';
import { adminQuery, testPostgres } from '../support/postgres.js';

const SCHEMA = 'run_table_versions_test';
const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-table-versions-'));
const warehouse = path.join(dir, 'warehouse.duckdb');
const historyFile = path.join(dir, 'history.duckdb');
const spec = specValidator();

async function duckdb<T>(file: string, work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  try {
    return await work(async (sql) => (await c.runAndReadAll(sql)).getRows());
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Waits (polling) until PostgreSQL's statistics count `rows` inserts: they are flushed asynchronously. */
async function pgCountedInserts(rows: number): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < 15_000) {
    const { rows: r } = await adminQuery('SELECT n_tup_ins FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2', [
      SCHEMA,
      'orders',
    ]);
    if (Number(r[0]?.n_tup_ins) === rows) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`PostgreSQL did not count ${rows} inserts within 15 s`);
}

const orders = (name: string, source: SourceDef) => defineContract({ name, source, columns: { id: col.int64() } }) as ContractDef;

async function run(): Promise<RunResult> {
  return runDatacheck({
    cwd: dir,
    contracts: [
      orders('duck_orders', { table: 'sales.orders', connection: 'wh' }),
      orders('pg_orders', { table: `${SCHEMA}.orders`, connection: 'pg' }),
      orders('pg_query', { query: `SELECT id FROM ${SCHEMA}.orders`, connection: 'pg' }),
    ],
    suites: [],
    issues: [],
    maxFailingRows: 5,
    connections: { wh: { kind: 'duckdb', path: 'warehouse.duckdb' }, pg: { kind: 'postgres', urlEnv: 'PG_URL' } },
    env: { PG_URL: (await testPostgres()).url },
    history: { store: duckdbHistoryStore(historyFile, 'history.duckdb') },
  });
}

const dataset = (r: RunResult, name: string): DatasetResult => r.datasets.find((d) => d.name === name)!;
const versions = (r: RunResult) => ({
  duck: dataset(r, 'duck_orders').fingerprint?.version,
  pg: dataset(r, 'pg_orders').fingerprint?.version,
});

describe('dataset versions of tables through a run', () => {
  let first: RunResult;
  let second: RunResult;
  let third: RunResult;
  beforeAll(async () => {
    await duckdb(warehouse, async (sql) => {
      await sql('CREATE SCHEMA sales');
      await sql('CREATE TABLE sales.orders AS SELECT range AS id FROM range(3)');
    });
    await adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await adminQuery(`CREATE SCHEMA ${SCHEMA}`);
    await adminQuery(`CREATE TABLE ${SCHEMA}.orders AS SELECT g::bigint AS id FROM generate_series(1, 3) g`);
    await pgCountedInserts(3);
    first = await run();
    second = await run();
    await duckdb(warehouse, (sql) => sql('INSERT INTO sales.orders VALUES (3)'));
    await adminQuery(`INSERT INTO ${SCHEMA}.orders VALUES (4)`);
    await pgCountedInserts(4);
    third = await run();
  }, 60_000);

  it('gives each table a catalog version: the same on an unchanged table, a new one after an INSERT', () => {
    for (const r of [first, second, third]) expect(r.datasets.flatMap((d) => d.issues)).toEqual([]);
    expect(dataset(first, 'duck_orders').fingerprint).toMatchObject({ method: 'table', engine: 'duckdb', table: 'warehouse.sales.orders' });
    expect(dataset(first, 'pg_orders').fingerprint).toMatchObject({ method: 'table', engine: 'postgres' });
    expect(versions(second)).toEqual(versions(first));
    expect(versions(third).duck).not.toBe(versions(first).duck);
    expect(versions(third).pg).not.toBe(versions(first).pg);
  });

  it('has no fingerprint for a { query } source: absent, never made up', () => {
    for (const r of [first, third]) expect(dataset(r, 'pg_query')).not.toHaveProperty('fingerprint');
  });

  it('writes the version into the JSON result', () => {
    const json = JSON.parse(renderJson(third)) as RunResult;
    expect(dataset(json, 'pg_orders').fingerprint).toEqual(dataset(third, 'pg_orders').fingerprint);
    expect(dataset(json, 'duck_orders').fingerprint?.version).toBe(versions(third).duck);
  });

  it('stores the version of each run in the history', async () => {
    const stored = await duckdb(historyFile, (sql) =>
      sql('SELECT DISTINCT run_id, dataset, dataset_version FROM results ORDER BY run_id, dataset'),
    );
    const expected = [first, second, third].flatMap((r) => [
      [r.runId, 'duck_orders', versions(r).duck],
      [r.runId, 'pg_orders', versions(r).pg],
      [r.runId, 'pg_query', null],
    ]);
    expect(stored).toEqual(expect.arrayContaining(expected));
    expect(stored).toHaveLength(expected.length);
  });

  it('sends the version to OpenLineage as the version dataset facet, valid against its spec schema', () => {
    const events = runEvents(third, { namespace: 'analytics' });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const facet = (d: DatasetResult) => e.inputs?.find((i) => i.name === d.location?.name)?.facets?.version;
      expect(facet(dataset(third, 'pg_orders'))).toMatchObject({ datasetVersion: versions(third).pg });
      expect(facet(dataset(third, 'duck_orders'))).toMatchObject({ datasetVersion: versions(third).duck });
      expect(spec.validateEvent(e)).toEqual([]);
    }
  });
});
