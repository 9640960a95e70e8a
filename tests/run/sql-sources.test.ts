import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { RunResult } from '../../src/model/result.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { runDatacheck } from '../../src/run/runner.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-sql-run-'));
  const db = await DuckDBInstance.create(path.join(dir, 'warehouse.duckdb'));
  const c = await db.connect();
  await c.run('CREATE SCHEMA sales');
  await c.run('CREATE TABLE sales.customers AS SELECT range AS id FROM range(1, 4)');
  await c.run(
    `CREATE TABLE sales.orders AS SELECT * FROM (VALUES (1, 1, 'a@x.io', 10.0), (2, 2, 'b@x.io', 20.0), (3, 9, 'bad', -1.0), (3, NULL, 'c@x.io', 5.0)) t(order_id, customer_id, email, amount)`,
  );
  await c.run(`COPY sales.orders TO '${path.join(dir, 'orders.parquet')}' (FORMAT parquet)`);
  await c.run(`COPY sales.customers TO '${path.join(dir, 'customers.parquet')}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  writeFileSync(
    path.join(dir, 'orders.csv'),
    'order_id,customer_id,email,amount\n1,1,a@x.io,10\n2,2,b@x.io,twenty\n3,9,bad,-1\n3,,c@x.io,5\n',
  );
});

function contracts(orders: SourceDef, customers: SourceDef): { contracts: ContractDef[]; suites: SuiteDef[] } {
  const customersContract = defineContract({ name: 'customers', source: customers, columns: { id: col.int64().primaryKey() } });
  const ordersContract = defineContract({
    name: 'orders',
    source: orders,
    columns: {
      order_id: col.int64().unique(),
      customer_id: col.int64().nullable().references('customers.id'),
      email: col.string().format('email'),
      amount: col.float64().min(0),
    },
  });
  const suite = defineSuite(ordersContract, (t) => [
    t.rowCount().between(1, 10),
    t.column('amount').quantile(0.5).atMost(100),
    t.column('email').notMatches(/(?<=@)x/),
  ]);
  return { contracts: [customersContract as ContractDef, ordersContract as ContractDef], suites: [suite] };
}

const run = (orders: SourceDef, customers: SourceDef, extra: object = {}): Promise<RunResult> =>
  runDatacheck({
    cwd: dir,
    ...contracts(orders, customers),
    issues: [],
    maxFailingRows: 5,
    connections: { wh: { kind: 'duckdb', path: 'warehouse.duckdb' }, pg: { kind: 'postgres', urlEnv: 'PG_URL' } },
    ...extra,
  });

const outcomes = (r: RunResult, dataset = 'orders') =>
  Object.fromEntries(r.datasets.find((d) => d.name === dataset)!.checks.map((c) => [c.title, c.outcome]));
const check = (r: RunResult, kind: string, dataset = 'orders') =>
  r.datasets.find((d) => d.name === dataset)!.checks.find((c) => c.kind === kind)!;

describe('sources read in SQL where the data lives', () => {
  it('a table of a DuckDB database file: every check answered in SQL, references by anti-join', async () => {
    const r = await run({ table: 'sales.orders', connection: 'wh' }, { table: 'sales.customers', connection: 'wh' });
    const orders = r.datasets.find((d) => d.name === 'orders')!;
    expect(orders.issues).toEqual([]);
    expect(orders.rowCount).toBe(4);
    expect(check(r, 'unique')).toMatchObject({ outcome: 'fail', rows: { considered: 4, failed: 2 } });
    expect(check(r, 'references')).toMatchObject({
      outcome: 'fail',
      rows: { considered: 3, failed: 1 },
      failingRows: [{ row: 3, values: { order_id: 3, customer_id: 9 } }],
    });
    expect(check(r, 'format')).toMatchObject({ outcome: 'fail', rows: { failed: 1 } });
    expect(check(r, 'range')).toMatchObject({ outcome: 'fail', rows: { failed: 1 } });
    expect(check(r, 'schema').outcome).toBe('pass');
  });

  it('a metric SQL cannot express is an error that says how to allow streaming', async () => {
    const r = await run({ table: 'sales.orders', connection: 'wh' }, { table: 'sales.customers', connection: 'wh' });
    const pattern = check(r, 'pattern');
    expect(pattern.outcome).toBe('error');
    expect(pattern.message).toMatch(/cannot be pushed down.*lookahead and lookbehind.*read in SQL only/);
  });

  it("Parquet is scanned by DuckDB by default; fallback: 'arrow' streams only what SQL cannot express", async () => {
    const strict = await run({ file: 'orders.parquet' }, { file: 'customers.parquet' });
    expect(check(strict, 'pattern')).toMatchObject({ outcome: 'error', message: expect.stringContaining("fallback: 'arrow'") });
    const lenient = await run({ file: 'orders.parquet', fallback: 'arrow' }, { file: 'customers.parquet' });
    expect(check(lenient, 'pattern')).toMatchObject({ outcome: 'fail', rows: { failed: 3 } });
    const arrow = await run({ file: 'orders.parquet', engine: 'arrow' }, { file: 'customers.parquet' });
    expect(outcomes(lenient)).toEqual(outcomes(arrow));
    expect(check(lenient, 'references')).toEqual({ ...check(arrow, 'references'), durationMs: expect.any(Number) });
  });

  it("CSV with engine: 'duckdb' counts values that do not parse like datacheck's reader, without line numbers", async () => {
    const duck = await run({ file: 'orders.csv', engine: 'duckdb' }, { file: 'customers.parquet' });
    const arrow = await run({ file: 'orders.csv' }, { file: 'customers.parquet' });
    const typeCheck = (r: RunResult) => r.datasets[1].checks.find((c) => c.kind === 'column_type' && c.column === 'amount')!;
    expect(typeCheck(duck)).toMatchObject({
      outcome: 'fail',
      rows: { considered: 4, failed: 1 },
      failingRows: [{ row: 2, values: { amount: 'twenty' } }],
    });
    expect(typeCheck(arrow)).toMatchObject({
      outcome: 'fail',
      rows: { considered: 4, failed: 1 },
      failingRows: [{ row: 2, line: 3, values: { amount: 'twenty' } }],
    });
    expect(typeCheck(duck).failingRows![0]).not.toHaveProperty('line');
    // The lookbehind cannot run in DuckDB (no fallback allowed here); everything else agrees.
    expect(outcomes(duck)).toEqual({ ...outcomes(arrow), 'email does not match /(?<=@)x/': 'error' });
  });

  it('a connection kind without an opener is a clear dataset issue, never a crash', async () => {
    const r = await run(
      { table: 'public.orders', connection: 'pg' },
      { table: 'sales.customers', connection: 'wh' },
      { openers: { postgres: undefined } },
    );
    const orders = r.datasets.find((d) => d.name === 'orders')!;
    expect(orders.issues[0]).toMatchObject({ code: 'connection.unsupported' });
    expect(r.outcome).toBe('error');
  });

  it('a PostgreSQL connection whose URL variable is unset is a dataset issue naming the variable', async () => {
    const r = await run({ table: 'public.orders', connection: 'pg' }, { table: 'sales.customers', connection: 'wh' }, { env: {} });
    const orders = r.datasets.find((d) => d.name === 'orders')!;
    expect(orders.issues[0].code).toMatch(/^connection\./);
    expect(JSON.stringify(orders.issues[0])).toContain('PG_URL');
    expect(r.datasets.find((d) => d.name === 'customers')!.issues).toEqual([]);
  });
});

describe("CSV options through DuckDB (engine: 'duckdb')", () => {
  it('keeps gzip, a delimiter, no header, quoted empty strings and nullValues as datacheck reads them', async () => {
    const { gzipSync } = await import('node:zlib');
    const text = '1|"a"|NA\n2|""|5\n3||x\n';
    writeFileSync(path.join(dir, 'raw.txt.gz'), gzipSync(text));
    const contract = (engine: 'duckdb' | 'arrow') =>
      defineContract({
        name: 'raw',
        source: { file: 'raw.txt.gz', format: 'csv', csv: { delimiter: '|', header: false }, nullValues: ['NA'], engine },
        columns: { id: col.int64(), name: col.string().nullable(), n: col.int64().nullable() },
      }) as ContractDef;
    const results = await Promise.all(
      (['duckdb', 'arrow'] as const).map((engine) =>
        runDatacheck({ cwd: dir, contracts: [contract(engine)], suites: [], issues: [], maxFailingRows: 5 }),
      ),
    );
    const [duck, arrow] = results.map((r) => r.datasets[0]);
    expect(duck.issues).toEqual([]);
    expect(duck.rowCount).toBe(3);
    const summary = (d: typeof duck) =>
      d.checks.map((c) => [c.title, c.outcome, c.rows, c.failingRows?.map((f) => ({ row: f.row, values: f.values }))]);
    expect(summary(duck)).toEqual(summary(arrow));
    expect(duck.checks.find((c) => c.kind === 'column_type' && c.column === 'n')).toMatchObject({
      outcome: 'fail',
      rows: { considered: 3, failed: 1 },
      failingRows: [{ row: 3, values: { n: 'x' } }],
    });
    expect(duck.columns.find((c) => c.name === 'name')).toMatchObject({ nullCount: 1 });
  });
});
