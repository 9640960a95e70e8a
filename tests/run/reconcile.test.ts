import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { KeysMeasure, ReconcileMeasure } from '../../src/model/measure.js';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { runDatacheck } from '../../src/run/runner.js';
import { adminQuery, testPostgres, type PostgresServerInfo } from '../support/postgres.js';

/**
 * Reconciliation across connections: the orders are a CSV file (read by the Arrow engine), the
 * raw orders and the ledger are tables of the real PostgreSQL test server, so each side's row
 * count, sum and keys are computed where that side lives, then compared.
 */
const SCHEMA = 'reconcile_runs';
let server: PostgresServerInfo;
let dir: string;

// orders.csv: ids 1..5 (amount total 100.5); orders_raw: 6 rows, ids 1..4, 6 and a null; ledger: total 100.25.
const ORDERS = 'order_id,region,amount,email\n1,eu,10,a@x.io\n2,eu,20.5,b@x.io\n3,us,30,c@x.io\n4,us,25,d@x.io\n5,eu,15,e@x.io\n';

beforeAll(async () => {
  server = await testPostgres();
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-reconcile-'));
  writeFileSync(path.join(dir, 'orders.csv'), ORDERS);
  await adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await adminQuery(`CREATE SCHEMA ${SCHEMA}`);
  await adminQuery(`CREATE TABLE ${SCHEMA}.orders_raw (id bigint, region text, email text)`);
  await adminQuery(
    `INSERT INTO ${SCHEMA}.orders_raw VALUES (1, 'eu', 'a@x.io'), (2, 'eu', 'b@x.io'), (3, 'us', 'c@x.io'), (4, 'eu', 'd@x.io'), (6, 'us', 'f@x.io'), (null, 'us', null)`,
  );
  await adminQuery(`CREATE TABLE ${SCHEMA}.ledger (amount double precision)`);
  await adminQuery(`INSERT INTO ${SCHEMA}.ledger VALUES (60.25), (40), (null)`);
  await adminQuery(`GRANT USAGE ON SCHEMA ${SCHEMA} TO PUBLIC`);
  await adminQuery(`GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO PUBLIC`);
});

const pg = (table: string): SourceDef => ({ table: `${SCHEMA}.${table}`, connection: 'pg' });
const orders = () =>
  defineContract({
    name: 'orders',
    source: { file: 'orders.csv' },
    columns: { order_id: col.int64(), region: col.string(), amount: col.float64(), email: col.string().pii() },
  });
const raw = () =>
  defineContract({
    name: 'orders_raw',
    source: pg('orders_raw'),
    columns: { id: col.int64().nullable(), region: col.string(), email: col.string().nullable() },
  });
const ledger = () => defineContract({ name: 'ledger', source: pg('ledger'), columns: { amount: col.float64().nullable() } });

async function run(suite: SuiteDef, contracts: ContractDef[]): Promise<RunResult> {
  return runDatacheck({
    cwd: dir,
    contracts,
    suites: [suite],
    issues: [],
    maxFailingRows: 2,
    connections: { pg: { kind: 'postgres', urlEnv: 'PG_URL' } },
    env: { PG_URL: server.url },
  });
}

const checksOf = (r: RunResult, kind: string): CheckResult[] =>
  r.datasets.find((d) => d.name === 'orders')!.checks.filter((c) => c.kind === kind);

describe('row counts and sums against another dataset (CSV vs PostgreSQL)', () => {
  it('compares both values, states the difference and holds it to the tolerance', async () => {
    const o = orders();
    const suite = defineSuite(o, (t) => [
      t.rowCount().equalsDataset('orders_raw'),
      t.rowCount().equalsDataset('orders_raw', { tolerance: 0 }).where("region = 'eu'"),
      t.rowCount().equalsDataset('orders_raw', { tolerance: 1 }),
      t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: 0.25 }),
      t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: 0.2 }),
      t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: '0.25%' }),
      t
        .column('amount')
        .sum()
        .equalsDataset('ledger', 'amount', { tolerance: { absolute: 0.1, relative: 0.001 } }),
    ]);
    const r = await run(suite as SuiteDef, [o, raw(), ledger()] as ContractDef[]);
    expect(r.issues).toEqual([]);
    const checks = checksOf(r, 'reconcile');
    expect(checks.map((c) => c.outcome)).toEqual(['fail', 'fail', 'pass', 'pass', 'fail', 'pass', 'fail']);
    expect(checks[0].measure).toEqual({
      type: 'reconcile',
      of: 'rows',
      value: 5,
      other: { dataset: 'orders_raw', value: 6 },
      difference: -1,
      tolerance: { absolute: 0, relative: 0 },
      allowed: 0,
    } satisfies ReconcileMeasure);
    expect(checks[0].message).toBe('rows 5, orders_raw 6: difference -1, expected exactly');
    // `where` filters this side only.
    expect(checks[1].message).toBe('rows 3, orders_raw 6: difference -3, expected exactly');
    expect(checks[2].title).toBe('row count equals orders_raw within ±1');
    const sum = checks[3].measure as ReconcileMeasure;
    expect(sum).toMatchObject({ of: 'sum', column: 'amount', value: 100.5, other: { dataset: 'ledger', column: 'amount', value: 100.25 } });
    expect(sum.difference).toBe(0.25);
    expect(checks[4].message).toBe('sum of amount 100.5, ledger.amount 100.25: difference 0.25, expected within ±0.2');
    // 0.25% of 100.25 is 0.250625: a difference of 0.25 passes.
    expect((checks[5].measure as ReconcileMeasure).allowed).toBeCloseTo(0.250625, 12);
    // The looser of ±0.1 and ±0.1% (0.10025) allows 0.10025.
    expect((checks[6].measure as ReconcileMeasure).allowed).toBeCloseTo(0.10025, 12);
    expect(checks[6].title).toBe('amount sum equals ledger.amount within ±0.1 or ±0.1%');
  });

  it('masks the sums when the other dataset marks its column pii', async () => {
    const o = orders();
    const secret = defineContract({ name: 'ledger', source: pg('ledger'), columns: { amount: col.float64().nullable().pii() } });
    const suite = defineSuite(o, (t) => [t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: 0.2 })]);
    const r = await run(suite as SuiteDef, [o, secret] as ContractDef[]);
    const [check] = checksOf(r, 'reconcile');
    expect(check).toMatchObject({
      outcome: 'fail',
      observed: '***',
      message: 'outside the bound: expected equal to ledger.amount within ±0.2 (value masked: pii column)',
    });
    expect(check.measure).toMatchObject({ value: '***', other: { value: '***' }, difference: '***', allowed: '***' });
  });

  it('an unknown dataset is an error at the line of the check', async () => {
    const o = orders();
    const suite = defineSuite(o, (t) => [t.rowCount().equalsDataset('order_raw'), t.keys('order_id').matchDataset('order_raw', 'id')]);
    const r = await run(suite as SuiteDef, [o, raw()] as ContractDef[]);
    const [count] = checksOf(r, 'reconcile');
    const [keys] = checksOf(r, 'keys_match');
    for (const c of [count, keys]) {
      expect(c.outcome).toBe('error');
      expect(c.issue).toMatchObject({ code: 'reconcile.unknown_dataset', found: 'order_raw' });
      expect(c.issue?.location?.file).toMatch(/reconcile\.test\.ts$/);
      expect(c.issue?.location?.line).toBe(c.location.line);
    }
    expect(count.message).toBe("no contract named 'order_raw' was found to reconcile with");
  });

  it('refuses a tolerance that is no tolerance, at definition', () => {
    const o = orders();
    const suite = defineSuite(o, (t) => [t.rowCount().equalsDataset('orders_raw', { tolerance: -1 })]);
    expect(suite.invalid?.[0]).toMatchObject({ code: 'check.invalid_option', found: '-1' });
    expect(suite.invalid?.[0].location?.file).toMatch(/reconcile\.test\.ts$/);
  });
});

describe('key sets against another dataset', () => {
  it('counts missing and extra keys with a sample of each, across connections', async () => {
    const o = orders();
    const suite = defineSuite(o, (t) => [
      t.keys('order_id').matchDataset('orders_raw', 'id'),
      t.keys(['order_id', 'region']).matchDataset('orders_raw', ['id', 'region']),
      t.keys('email').matchDataset('orders_raw'),
    ]);
    const r = await run(suite as SuiteDef, [o, raw()] as ContractDef[]);
    expect(r.issues).toEqual([]);
    const [single, compound, pii] = checksOf(r, 'keys_match');
    expect(single.outcome).toBe('fail');
    expect(single.measure).toEqual({
      type: 'keys',
      columns: ['order_id'],
      other: { dataset: 'orders_raw', columns: ['id'] },
      keys: 5,
      otherKeys: 5,
      missing: { count: 1, sample: [{ id: 6 }] },
      extra: { count: 1, sample: [{ order_id: 5 }] },
    } satisfies KeysMeasure);
    expect(single.message).toBe("1 of orders_raw's keys missing here (6); 1 extra key not in orders_raw (5)");
    const c = compound.measure as KeysMeasure;
    // (4, us) here is (4, eu) there: one extra and one missing more than the ids alone.
    expect(c.missing).toEqual({
      count: 2,
      sample: [
        { id: 4, region: 'eu' },
        { id: 6, region: 'us' },
      ],
    });
    expect(c.extra).toEqual({
      count: 2,
      sample: [
        { order_id: 4, region: 'us' },
        { order_id: 5, region: 'eu' },
      ],
    });
    // email is pii here: counts stay, the keys are masked everywhere in the result.
    const p = pii.measure as KeysMeasure;
    expect(p.missing).toEqual({ count: 1, sample: [{ email: '***' }] });
    expect(p.extra).toEqual({ count: 1, sample: [{ email: '***' }] });
    expect(JSON.stringify(r.datasets.find((d) => d.name === 'orders'))).not.toMatch(/[ef]@x\.io/);
  });

  it('passes when the key sets are the same', async () => {
    const o = orders();
    const copy = defineContract({ name: 'orders_copy', source: { file: 'orders.csv' }, columns: { order_id: col.int64() } });
    const suite = defineSuite(o, (t) => [t.keys('order_id').matchDataset('orders_copy'), t.rowCount().equalsDataset('orders_copy')]);
    const r = await run(suite as SuiteDef, [o, copy] as ContractDef[]);
    expect(checksOf(r, 'keys_match')[0]).toMatchObject({ outcome: 'pass', message: '5 keys, the same as orders_copy' });
    expect(checksOf(r, 'reconcile')[0].outcome).toBe('pass');
  });
});
