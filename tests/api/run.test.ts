import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { CheckResult, RunResult } from '../../src/index.js';
import { run } from '../../src/node.js';
import { sharedPath } from '../support/shared-dir.js';

const repoRoot = path.resolve(__dirname, '../..');

const customers = defineContract({
  name: 'customers',
  columns: {
    id: col.int32().primaryKey(),
    email: col.string().format('email').pii(),
    tier: col.string().oneOf(['free', 'pro']),
    signed_up: col.date(),
  },
});

const check = (result: RunResult, dataset: string, kind: string, column?: string): CheckResult => {
  const found = result.datasets
    .find((d) => d.name === dataset)
    ?.checks.find((c) => c.kind === kind && (column === undefined || c.column === column));
  if (!found) throw new Error(`no ${kind} check on ${dataset}.${column}`);
  return found;
};

describe('run() over an array of row objects', () => {
  const rows = [
    { id: 1, email: 'ada@example.com', tier: 'pro', signed_up: new Date('2024-01-02') },
    { id: 2, email: 'not-an-email', tier: 'gold', signed_up: new Date('2024-02-03') },
    { id: 2, email: 'bo@example.com', tier: 'free', signed_up: '2024-03-04' },
  ];

  it('checks the rows with the Arrow engine and returns the structured result', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...customers, source: { data: rows } }] });
    expect(result.schemaVersion).toBe(1);
    expect(result.outcome).toBe('failed');
    const [dataset] = result.datasets;
    expect(dataset.source).toBe('in-memory rows (3)');
    expect(dataset.rowCount).toBe(3);
    expect(check(result, 'customers', 'unique', 'id')).toMatchObject({ outcome: 'fail', rows: { failed: 2 } });
    expect(check(result, 'customers', 'accepted_values', 'tier').failingRows).toEqual([
      expect.objectContaining({ row: 2, values: expect.objectContaining({ tier: 'gold' }) }),
    ]);
    // A Date and an ISO string both read as the date they name.
    expect(check(result, 'customers', 'column_type', 'signed_up').outcome).toBe('pass');
  });

  it('never shows a pii column in failing rows', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...customers, source: { data: rows } }] });
    const format = check(result, 'customers', 'format', 'email');
    expect(format.outcome).toBe('fail');
    expect(format.failingRows?.[0].values.email).toBe('***');
    expect(JSON.stringify(result)).not.toContain('not-an-email');
  });

  it('reports a value of the wrong type as a type failure on its row, not as a crash', async () => {
    const bad = [{ id: 'one', email: 'ada@example.com', tier: 'pro', signed_up: new Date('2024-01-02') }];
    const result = await run({ cwd: repoRoot, contracts: [{ ...customers, source: { data: bad } }] });
    const type = check(result, 'customers', 'column_type', 'id');
    expect(type.outcome).toBe('fail');
    expect(type.failingRows?.[0]).toMatchObject({ row: 1 }); // row numbers count from 1, as for files
  });

  it('refuses a row that is not an object, naming its index', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...customers, source: { data: [rows[0], 42 as unknown as object] } }] });
    expect(result.outcome).toBe('error');
    expect(result.datasets[0].issues[0]).toMatchObject({ code: 'memory.not_object', message: expect.stringContaining('row 2 (index 1)') });
  });

  it('refuses data that is neither rows nor a table, saying what it expected', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...customers, source: { data: { rows } as never } }] });
    expect(result.outcome).toBe('error');
    expect(result.datasets[0].issues[0]).toMatchObject({ code: 'memory.unsupported', found: 'an object with keys rows' });
  });
});

describe('run() over an Apache Arrow Table', () => {
  const scores = defineContract({
    name: 'scores',
    columns: { player: col.string().unique(), points: col.float64().between(0, 100) },
  });

  it('reads the table as it is, typed by its own schema', async () => {
    const table = tableFromArrays({ player: ['a', 'b', 'c'], points: Float64Array.from([10, 55.5, 101]) });
    const result = await run({ cwd: repoRoot, contracts: [{ ...scores, source: { data: table } }] });
    expect(result.datasets[0].source).toBe('in-memory Arrow table (3 rows)');
    expect(check(result, 'scores', 'range', 'points')).toMatchObject({ outcome: 'fail', rows: { failed: 1, considered: 3 } });
    expect(check(result, 'scores', 'unique', 'player').outcome).toBe('pass');
  });

  it('compares the schema with the contract like an Arrow file', async () => {
    const table = tableFromArrays({ player: ['a'], points: ['ten'] });
    const result = await run({ cwd: repoRoot, contracts: [{ ...scores, source: { data: table } }] });
    expect(check(result, 'scores', 'column_type', 'points').outcome).toBe('fail');
  });

  it('refuses an object that has a table’s fields but not its methods', async () => {
    const table = tableFromArrays({ player: ['a'], points: [1] });
    const copied = { schema: { fields: [...table.schema.fields] }, batches: [...table.batches], numRows: table.numRows };
    const result = await run({ cwd: repoRoot, contracts: [{ ...scores, source: { data: copied as never } }] });
    expect(result.datasets[0].issues[0]).toMatchObject({ code: 'memory.unsupported', hint: expect.stringContaining('lost its methods') });
  });

  it('checks an empty table: row-level checks pass, statistics have no value', async () => {
    const table = tableFromArrays({ player: [] as string[], points: new Float64Array(0) });
    const suite = defineSuite(scores, (t) => [t.column('points').mean().atMost(50)]);
    const result = await run({ cwd: repoRoot, suites: [suite], data: { scores: table } });
    expect(result.datasets[0].rowCount).toBe(0);
    expect(check(result, 'scores', 'range', 'points').outcome).toBe('pass');
    expect(check(result, 'scores', 'column_stat', 'points')).toMatchObject({ outcome: 'fail', observed: null });
  });
});

describe('run() over an arquero table', () => {
  // vega-datasets' beers, as arquero's own examples load it.
  const beers = aq.fromCSV(readFileSync(sharedPath('datasets', 'arquero', 'beers.csv'), 'utf8'));
  const beerContract = defineContract({
    name: 'beers',
    columns: {
      name: col.string(),
      style: col.string().nullable(),
      brewery_id: col.int32(),
      abv: col.float64().between(0, 0.1),
      ibu: col.float64().nullable(),
    },
  });

  it('gives the answers a plain loop over the same columns gives', async () => {
    const abv = beers.array('abv') as number[];
    const strong = abv.filter((v) => v > 0.1).length;
    const names = beers.array('name') as string[];
    const repeated = names.filter((n) => names.indexOf(n) !== names.lastIndexOf(n)).length;
    const suite = defineSuite(beerContract, (t) => [
      t.rowCount().equals(beers.numRows()),
      t.column('name').unique(),
      t.column('style').notNull(),
    ]);
    const result = await run({ cwd: repoRoot, suites: [suite], data: { beers } });

    expect(result.datasets[0].source).toBe(`in-memory arquero table (${beers.numRows()} rows)`);
    expect(check(result, 'beers', 'row_count').outcome).toBe('pass');
    expect(check(result, 'beers', 'range', 'abv')).toMatchObject({ outcome: 'fail', rows: { failed: strong, considered: abv.length } });
    expect(check(result, 'beers', 'unique', 'name')).toMatchObject({ outcome: 'fail', rows: { failed: repeated } });
    const nullStyles = (beers.array('style') as (string | null)[]).filter((s) => s === null || s === undefined).length;
    expect(check(result, 'beers', 'not_null', 'style')).toMatchObject({
      outcome: nullStyles ? 'fail' : 'pass',
      rows: { failed: nullStyles },
    });
  });

  it('honours the table filter: only the rows it keeps are checked', async () => {
    const light = beers.filter((d: { abv: number }) => d.abv <= 0.1);
    const result = await run({ cwd: repoRoot, contracts: [beerContract], data: { beers: light } });
    expect(result.datasets[0].rowCount).toBe(light.numRows());
    expect(check(result, 'beers', 'range', 'abv').outcome).toBe('pass');
  });
});

describe('run() takes the same path as the CLI', () => {
  it('discovers, loads and type-checks a project with `paths` and its config', async () => {
    const result = await run({ cwd: repoRoot, paths: [] });
    expect(result.issues).toEqual([]);
    expect(result.outcome).toBe('passed');
    // The config's include and its dbt project, as `npx datacheck` reads them: the two dbt sources resolve too.
    expect(result.datasets.map((d) => d.name).sort()).toEqual([
      'customers',
      'orders',
      'payments',
      'products',
      'stores',
      'supplies',
      'warehouse__products',
      'warehouse__supplies',
    ]);
    expect(result.datasets.find((d) => d.name === 'products')?.source).toContain('warehouse');
  });

  it('replaces a file source with in-memory data by dataset name, suites included', async () => {
    const result = await run({
      cwd: repoRoot,
      paths: ['contracts/orders.contract.ts', 'contracts/payments.contract.ts', 'checks/payments.check.ts'],
      data: { payments: [{ id: 1, order_id: 1, payment_method: 'coupon', amount: 1500 }] },
    });
    const payments = result.datasets.find((d) => d.name === 'payments')!;
    expect(payments.source).toBe('in-memory rows (1)');
    // The suite ran against the replaced data: one row is not the 100 it asks for.
    expect(check(result, 'payments', 'row_count')).toMatchObject({ origin: 'suite', outcome: 'fail', observed: 1 });
    expect(check(result, 'payments', 'references', 'order_id').outcome).toBe('pass');
    expect(result.issues).toEqual([]);
  });

  it('takes connections from a config file without discovering the project', async () => {
    const { default: products } = await import('../../contracts/products.contract.js');
    const result = await run({ cwd: repoRoot, contracts: [products], config: 'datacheck.config.ts' });
    expect(result.datasets.map((d) => d.name)).toEqual(['products']);
    expect(result.outcome).toBe('passed');
    const missing = await run({ cwd: repoRoot, contracts: [products], config: 'no-such.config.ts' });
    expect(missing.issues[0].code).toBe('config.not_found');
  });

  it('reports a broken project as a result with outcome error, not a throw', async () => {
    const result = await run({ cwd: repoRoot, paths: ['examples/broken/contracts/does-not-exist.contract.ts'], typecheck: false });
    expect(result.outcome).toBe('error');
    expect(result.issues[0].code).toBe('discover.not_found');
  });

  it('refuses options that cannot mean anything', async () => {
    await expect(run({ cwd: 'relative/dir', contracts: [customers] })).rejects.toMatchObject({ issue: { code: 'api.invalid_options' } });
    await expect(run({ cwd: repoRoot, contracts: [customers], data: { custmers: [] } })).rejects.toMatchObject({
      issue: { code: 'api.invalid_options', found: 'custmers', expected: 'one of customers' },
    });
  });
});
