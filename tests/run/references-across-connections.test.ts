import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract } from '../../src/index.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import { runDatacheck } from '../../src/run/runner.js';
import { adminQuery, testPostgres, type PostgresServerInfo } from '../support/postgres.js';

/**
 * A reference works between any two sources: same connection -> anti-join in SQL; otherwise the
 * referenced keys are fetched once and checked where the referencing rows are read. Customers
 * 1, 2, 3 exist everywhere; orders reference customer 9, which does not.
 */
const SCHEMA = 'refs_across';
let server: PostgresServerInfo;
let dir: string;

beforeAll(async () => {
  server = await testPostgres();
  await adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await adminQuery(`CREATE SCHEMA ${SCHEMA}`);
  await adminQuery(`CREATE TABLE ${SCHEMA}.customers (id bigint PRIMARY KEY)`);
  await adminQuery(`INSERT INTO ${SCHEMA}.customers VALUES (1), (2), (3)`);
  await adminQuery(`CREATE TABLE ${SCHEMA}.orders (order_id bigint, customer_id bigint)`);
  await adminQuery(`INSERT INTO ${SCHEMA}.orders VALUES (10, 1), (11, 9), (12, NULL), (13, 3)`);
  await adminQuery(`GRANT USAGE ON SCHEMA ${SCHEMA} TO PUBLIC`);
  await adminQuery(`GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO PUBLIC`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-refs-'));
  writeFileSync(path.join(dir, 'customers.csv'), 'id\n1\n2\n3\n');
  writeFileSync(path.join(dir, 'orders-bad.csv'), 'order_id,customer_id\n10,1\n11,9\n12,\n13,3\n');
  writeFileSync(path.join(dir, 'many-customers.csv'), `id\n${Array.from({ length: 70_000 }, (_, i) => i + 1).join('\n')}\n`);
  writeFileSync(path.join(dir, 'orders-good.csv'), 'order_id,customer_id\n10,1\n12,\n13,3\n');
  const db = await DuckDBInstance.create(path.join(dir, 'warehouse.duckdb'));
  const c = await db.connect();
  await c.run('CREATE TABLE customers AS SELECT range AS id FROM range(1, 4)');
  c.closeSync();
  db.closeSync();
});

function run(orders: SourceDef, customers: SourceDef): Promise<RunResult> {
  const customersContract = defineContract({ name: 'customers', source: customers, columns: { id: col.int64() } });
  const ordersContract = defineContract({
    name: 'orders',
    source: orders,
    columns: { order_id: col.int64(), customer_id: col.int64().nullable().references('customers.id') },
  });
  return runDatacheck({
    cwd: dir,
    contracts: [customersContract as ContractDef, ordersContract as ContractDef],
    suites: [],
    issues: [],
    maxFailingRows: 5,
    connections: { pg: { kind: 'postgres', urlEnv: 'PG_URL' }, wh: { kind: 'duckdb', path: 'warehouse.duckdb' } },
    env: { PG_URL: server.url },
  });
}

const reference = (r: RunResult): CheckResult => r.datasets.find((d) => d.name === 'orders')!.checks.find((c) => c.kind === 'references')!;
const PG_CUSTOMERS: SourceDef = { table: `${SCHEMA}.customers`, connection: 'pg' };

describe('references across connections', () => {
  it('a CSV referencing a PostgreSQL table: the orphan counted and sampled with its source line', async () => {
    const r = await run({ file: 'orders-bad.csv' }, PG_CUSTOMERS);
    expect(r.issues).toEqual([]);
    expect(reference(r)).toMatchObject({
      outcome: 'fail',
      rows: { considered: 3, failed: 1 },
      failingRows: [{ row: 2, line: 3, values: { customer_id: 9 } }],
    });
    expect(reference(await run({ file: 'orders-good.csv' }, PG_CUSTOMERS))).toMatchObject({
      outcome: 'pass',
      rows: { considered: 2, failed: 0 },
    });
  });

  it('a CSV referencing a table of a DuckDB database file', async () => {
    const bad = await run({ file: 'orders-bad.csv' }, { table: 'customers', connection: 'wh' });
    expect(reference(bad)).toMatchObject({
      outcome: 'fail',
      rows: { considered: 3, failed: 1 },
      failingRows: [{ row: 2, values: { customer_id: 9 } }],
    });
    expect(reference(await run({ file: 'orders-good.csv' }, { table: 'customers', connection: 'wh' })).outcome).toBe('pass');
  });

  it('a PostgreSQL table referencing a CSV: the keys are bound into the PostgreSQL query', async () => {
    const bad = await run({ table: `${SCHEMA}.orders`, connection: 'pg' }, { file: 'customers.csv' });
    expect(bad.datasets.find((d) => d.name === 'orders')!.issues).toEqual([]);
    expect(reference(bad)).toMatchObject({
      outcome: 'fail',
      rows: { considered: 3, failed: 1 },
      failingRows: [{ values: { order_id: 11, customer_id: 9 } }],
    });
  });

  it('two tables of one PostgreSQL connection are still joined there (anti-join), with the same answer', async () => {
    const joined = await run({ table: `${SCHEMA}.orders`, connection: 'pg' }, PG_CUSTOMERS);
    const keyed = await run({ table: `${SCHEMA}.orders`, connection: 'pg' }, { file: 'customers.csv' });
    expect(reference(joined)).toEqual({ ...reference(keyed), durationMs: expect.any(Number) });
  });

  it('a referenced dataset that cannot be read gives the check its reason, and the other checks still run', async () => {
    const r = await run({ file: 'orders-bad.csv' }, { table: 'customers', connection: 'nowhere' });
    expect(reference(r)).toMatchObject({ outcome: 'error', issue: { code: 'connection.unknown' } });
    expect(r.datasets.find((d) => d.name === 'orders')!.checks.filter((c) => c.outcome === 'pass').length).toBeGreaterThan(0);
  });

  it('more keys than PostgreSQL can bind: the check says so and how to make it an anti-join', async () => {
    const r = await run({ table: `${SCHEMA}.orders`, connection: 'pg' }, { file: 'many-customers.csv' });
    expect(reference(r)).toMatchObject({ outcome: 'error', issue: { code: 'reference.too_many_keys', found: '70000 keys' } });
    expect(reference(r).issue?.hint).toContain('same PostgreSQL connection');
  });
});
