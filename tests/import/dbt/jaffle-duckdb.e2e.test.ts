import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/model/result.js';
import { datacheck } from '../../e2e/harness.js';
import { jaffleProject, jaffleStatements, SEED_TESTS_YML } from '../../support/jaffle-dbt.js';
import { expectDbtOutcomes } from './outcomes.js';

// dbt-duckdb names a database file's catalog after the file: the manifest's relations are
// "postgres"."public".<name>, so the relations are built in postgres.duckdb, schema public.
const PROFILES = `jaffle_shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "{{ env_var('JAFFLE_DUCKDB', 'postgres.duckdb') }}"
`;

let dir: string;
let importOutput: string;

beforeAll(async () => {
  dir = jaffleProject(PROFILES, { 'seeds/seeds.yml': SEED_TESTS_YML });
  const db = await DuckDBInstance.create(path.join(dir, 'postgres.duckdb'));
  const conn = await db.connect();
  for (const s of jaffleStatements()) await conn.run(s.sql, s.params as never);
  conn.closeSync();
  db.closeSync();
  const imported = await datacheck(dir, ['import', 'dbt']);
  if (imported.code !== 0) throw new Error(imported.stderr);
  importOutput = imported.stdout;
}, 60_000);

describe('dbt on DuckDB: the jaffle_shop project', () => {
  it('imports schema.yml tests beside the YAML, listing what it cannot translate in the files', () => {
    expect(importOutput).toContain('wrote models/staging/stg_orders.contract.ts');
    expect(importOutput).toContain('not translated (1; also written as comments in the files):');
    expect(importOutput).toContain('check them: datacheck models seeds');
    const orders = readFileSync(path.join(dir, 'models/orders.contract.ts'), 'utf8');
    expect(orders).toContain("source: { dbt: 'orders' }");
    // unique + not_null, and relationships to ref('customers'), as contract promises; the types the warehouse reports
    expect(orders).toContain("order_id: col.int32().unique().description('This is a unique identifier for an order')");
    expect(orders).toContain("customer_id: col.int32().references('customers.customer_id')");
    // {{ doc("orders_status") }} is taken as dbt rendered it into the manifest
    expect(orders).toContain('Orders can be one of the following statuses');
    const customers = readFileSync(path.join(dir, 'models/customers.contract.ts'), 'utf8');
    // schema.yml documents total_order_amount, which the customers model does not produce: listed, not dropped
    expect(customers).toContain('// - customers.total_order_amount: column: the relation has no such column');
    const payments = readFileSync(path.join(dir, 'seeds/raw_payments.check.ts'), 'utf8');
    expect(payments).toContain("t.unique(['order_id', 'payment_method']).warn()");
    expect(payments).toContain("t.rowCount().atMost(5).where('not (amount > 0)')");
    expect(payments).toContain("t.rowCount().atMost(0).warn().where('not (amount > 0)')");
    const rawOrders = readFileSync(path.join(dir, 'seeds/raw_orders.contract.ts'), 'utf8');
    expect(rawOrders).toContain("freshness: { column: 'order_date', within: '3d' }");
    // dbt_utils.equal_rowcount against ref('orders'): a reconciliation with the orders model's dataset
    expect(readFileSync(path.join(dir, 'seeds/raw_orders.check.ts'), 'utf8')).toContain("t.rowCount().equalsDataset('orders')");
  });

  it('gives the outcomes dbt test gives on the seed data', async () => {
    // Seeds' contracts sit beside seeds/seeds.yml, outside the default models/ folder: named on the command line.
    const run = await datacheck(dir, ['models', 'seeds', '--reporter', 'json', '--output-file', '-']);
    expect(run.code, run.stderr).toBe(1);
    expectDbtOutcomes(JSON.parse(run.stdout) as RunResult);
  }, 120_000);

  it('with no paths, the contracts beside the models are found (models/ is a default path)', async () => {
    const run = await datacheck(dir, ['--reporter', 'json', '--output-file', '-']);
    expect(run.code, run.stderr).toBe(0);
    const names = (JSON.parse(run.stdout) as RunResult).datasets.map((d) => d.name).sort();
    expect(names).toEqual(['customers', 'orders', 'stg_customers', 'stg_orders', 'stg_payments']);
  }, 60_000);

  it('reads a contract on a dbt relation in SQL inside DuckDB', async () => {
    const plan = await datacheck(dir, ['plan', 'models/orders.contract.ts']);
    expect(plan.code, plan.stderr).toBe(0);
    // one aggregate query inside DuckDB on the relation the manifest names, over the profile's target
    expect(plan.stdout).toContain('dataset orders (dbt:orders): SQL, duckdb on dbt:jaffle_shop.dev');
    expect(plan.stdout).toContain('"postgres"."public"."orders"');
  });

  it('a report is never written over the dbt target’s database file', async () => {
    const r = await datacheck(dir, ['models', '--reporter', 'json', '--output-file', 'postgres.duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('postgres.duckdb');
  });

  it('a missing manifest says to run dbt parse', async () => {
    const other = jaffleProject(PROFILES);
    rmSync(path.join(other, 'target'), { recursive: true });
    const r = await datacheck(other, ['plan', path.join(dir, 'models/orders.contract.ts'), '--dbt-project', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('manifest.json does not exist: run `dbt parse` (or `dbt build`) in the dbt project first');
  });
});
