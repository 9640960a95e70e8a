import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { BaselineFile } from '../../src/model/baseline.js';
import type { ContractDef, SourceDef } from '../../src/model/contract.js';
import type { DriftMeasure } from '../../src/model/measure.js';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { runDatacheck } from '../../src/run/runner.js';
import { saveBaselines } from '../../src/run/save-baseline.js';
import { adminQuery, testPostgres, type PostgresServerInfo } from '../support/postgres.js';
import { sharedPath } from '../support/shared-dir.js';

/**
 * Drift checks run end to end on every engine: the seaborn titanic data split by sex (male rows
 * the reference dataset, female rows the checked one) as CSV files (Arrow engine), as DuckDB
 * tables and as PostgreSQL tables (value counts computed by a GROUP BY there), and against a
 * baseline saved from the reference. Every statistic and p-value must equal scipy's, from the
 * fixture of tests/checks/drift, to 1e-9 relative.
 */
const SCHEMA = 'drift_engines';
const COLUMNS = ['age', 'fare', 'embarked', 'class', 'alive', 'who'] as const;
const want = JSON.parse(readFileSync(path.join(__dirname, '../checks/drift/titanic-reference-values.json'), 'utf8'));
let server: PostgresServerInfo;
let dir: string;

beforeAll(async () => {
  server = await testPostgres();
  const rows: Record<string, string>[] = parse(readFileSync(sharedPath('datasets', 'seaborn-data', 'titanic.csv')), { columns: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-drift-'));
  const db = await DuckDBInstance.create(path.join(dir, 'warehouse.duckdb'));
  const duck = await db.connect();
  await adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await adminQuery(`CREATE SCHEMA ${SCHEMA}`);
  for (const [table, sex] of [
    ['reference', 'male'],
    ['current', 'female'],
  ]) {
    const side = rows.filter((r) => r.sex === sex);
    writeFileSync(
      path.join(dir, `${table}.csv`),
      `${COLUMNS.join(',')}\n${side.map((r) => COLUMNS.map((c) => r[c]).join(',')).join('\n')}\n`,
    );
    // alive holds yes/no, which DuckDB would otherwise read as booleans.
    await duck.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${path.join(dir, `${table}.csv`)}', header = true, types = {'alive': 'VARCHAR'})`,
    );
    await adminQuery(
      `CREATE TABLE ${SCHEMA}.${table} (age double precision, fare double precision, embarked text, class text, alive text, who text)`,
    );
    for (const r of side) {
      const values = COLUMNS.map((c) => (r[c] === '' ? null : c === 'age' || c === 'fare' ? Number(r[c]) : r[c]));
      await adminQuery(`INSERT INTO ${SCHEMA}.${table} VALUES ($1, $2, $3, $4, $5, $6)`, values);
    }
  }
  await adminQuery(`GRANT USAGE ON SCHEMA ${SCHEMA} TO PUBLIC`);
  await adminQuery(`GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO PUBLIC`);
  duck.closeSync();
  db.closeSync();
});

const columns = () => ({
  age: col.float64().nullable(),
  fare: col.float64(),
  embarked: col.string().nullable(),
  class: col.string(),
  alive: col.string(),
  who: col.string().pii(),
});

function contracts(current: SourceDef, reference: SourceDef) {
  const ref = defineContract({ name: 'titanic_reference', source: reference, columns: columns() });
  const cur = defineContract({ name: 'titanic', source: current, columns: columns() });
  return { ref, cur };
}

type Against = { dataset: string } | { baseline: string };

function suite(cur: ReturnType<typeof contracts>['cur'], against: Against) {
  return defineSuite(cur, (t) => [
    t.column('age').drift('ks', against).atMost(0.2),
    t.column('age').drift('ks', against).pValue().atLeast(0.01),
    t.column('fare').drift('ks', against).pValue().atLeast(0.01),
    t.column('fare').drift('psi', against).atMost(10),
    t.column('fare').drift('kl', against).atMost(10),
    t.column('fare').drift('js', against).atMost(10),
    t.column('age').drift('psi', against).atMost(10),
    t.column('embarked').drift('chi2', against).pValue().atLeast(0),
    t.column('class').drift('chi2', against).atMost(1000),
    t.column('alive').drift('chi2', against).atMost(1000),
    t.column('class').drift('js', against).atMost(1),
    t.column('who').drift('chi2', against).atMost(1e9),
  ]);
}

const CONNECTIONS = { pg: { kind: 'postgres' as const, urlEnv: 'PG_URL' }, wh: { kind: 'duckdb' as const, path: 'warehouse.duckdb' } };

async function run(current: SourceDef, reference: SourceDef, against: Against = { dataset: 'titanic_reference' }): Promise<RunResult> {
  const { ref, cur } = contracts(current, reference);
  return runDatacheck({
    cwd: dir,
    contracts: [ref as ContractDef, cur as ContractDef],
    suites: [suite(cur, against) as SuiteDef],
    issues: [],
    maxFailingRows: 5,
    connections: CONNECTIONS,
    env: { PG_URL: server.url },
  });
}

const drifts = (r: RunResult): CheckResult[] => r.datasets.find((d) => d.name === 'titanic')!.checks.filter((c) => c.kind === 'drift');
const m = (c: CheckResult) => c.measure as DriftMeasure;
const close = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual as number) - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThan(1e-9);

/** Every drift check of the suite against the scipy values, in the suite's order. */
function expectScipy(r: RunResult) {
  expect(r.issues).toEqual([]);
  const c = drifts(r);
  expect(c.map((x) => x.outcome)).toEqual(['pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  const [ageKs, ageP, fareP, farePsi, fareKl, fareJs, agePsi, embarked, klass, alive, classJs, who] = c.map(m);
  close(ageKs.statistic, want.numeric.age.ks.statistic);
  close(ageKs.pValue, want.numeric.age.ks.p_exact);
  expect(ageKs).toMatchObject({ method: 'ks', on: 'statistic', pValueMethod: 'exact', current: { count: 261 }, reference: { count: 453 } });
  expect(ageP.on).toBe('p_value');
  close(fareP.pValue, want.numeric.fare.ks.p_exact);
  close(farePsi.statistic, want.numeric.fare.psi);
  close(fareKl.statistic, want.numeric.fare.kl);
  close(fareJs.statistic, want.numeric.fare.js);
  close(agePsi.statistic, want.numeric.age.psi);
  expect(agePsi.bins).toMatchObject({
    kind: 'numeric',
    reference: want.numeric.age.bins.reference,
    current: want.numeric.age.bins.current,
  });
  for (const [got, name] of [
    [embarked, 'embarked'],
    [klass, 'class'],
    [alive, 'alive'],
  ] as const) {
    close(got.statistic, want.categorical[name].chi2.statistic);
    close(got.pValue, want.categorical[name].chi2.p);
    expect(got.dof).toBe(want.categorical[name].chi2.dof);
    expect(got.bins?.labels).toEqual(want.categorical[name].categories);
  }
  close(classJs.statistic, want.categorical.class.js);
  // A pii column: the statistic is reported, its categories never are.
  expect(who.bins).toBeUndefined();
  expect(JSON.stringify(who)).not.toMatch(/woman|child/);
  expect(c[2].message).toMatch(/^ks p-value 4\.607e-15 \(statistic 0\.284957\) against titanic_reference, expected at least 0\.01$/);
}

describe('drift against another dataset of the run', () => {
  it('CSV files (Arrow engine)', async () => {
    expectScipy(await run({ file: 'current.csv' }, { file: 'reference.csv' }));
  });

  it('DuckDB tables (value counts by GROUP BY in DuckDB)', async () => {
    expectScipy(await run({ table: 'current', connection: 'wh' }, { table: 'reference', connection: 'wh' }));
  });

  it('PostgreSQL tables, and across connections (a PostgreSQL table against a CSV file)', async () => {
    expectScipy(await run({ table: `${SCHEMA}.current`, connection: 'pg' }, { table: `${SCHEMA}.reference`, connection: 'pg' }));
    expectScipy(await run({ table: `${SCHEMA}.current`, connection: 'pg' }, { file: 'reference.csv' }));
  });

  it('an unknown dataset or an unreadable one: the check says why, the others still run', async () => {
    const r = await run({ file: 'current.csv' }, { table: 'reference', connection: 'nowhere' });
    expect(drifts(r).every((c) => c.outcome === 'error' && c.issue?.code === 'connection.unknown')).toBe(true);
    const unknown = await run({ file: 'current.csv' }, { file: 'reference.csv' }, { dataset: 'titanic_referenc' });
    expect(drifts(unknown)[0]).toMatchObject({ outcome: 'error', issue: { code: 'drift.unknown_dataset', found: 'titanic_referenc' } });
  });
});

describe('drift against a saved baseline', () => {
  it('datacheck baseline save writes value counts, edges and quantiles, and nothing of a pii column', async () => {
    const { ref } = contracts({ file: 'current.csv' }, { table: `${SCHEMA}.reference`, connection: 'pg' });
    const saved = await saveBaselines({ cwd: dir, contracts: [ref as ContractDef], connections: CONNECTIONS, env: { PG_URL: server.url } });
    expect(saved).toEqual([{ dataset: 'titanic_reference', file: path.join('baselines', 'titanic_reference.json'), columns: 6 }]);
    const file: BaselineFile = JSON.parse(readFileSync(path.join(dir, 'baselines', 'titanic_reference.json'), 'utf8'));
    expect(file).toMatchObject({ datacheckBaseline: 1, dataset: 'titanic_reference', rowCount: 577 });
    expect(file.columns.age).toMatchObject({ type: 'float64', nullCount: 124 });
    expect(file.columns.age.histogram!.counts).toEqual(want.numeric.age.bins.reference);
    expect(file.columns.age.quantiles!.values[0]).toBe(0.42);
    expect(file.columns.who).toEqual({ type: 'string', nullCount: 0, pii: true });
    expect(readFileSync(path.join(dir, 'baselines', 'titanic_reference.json'), 'utf8')).not.toMatch(/"man"/);
  });

  it('the same statistics against the baseline as against the dataset, on each engine', async () => {
    const baseline = { baseline: 'baselines/titanic_reference.json' };
    const r = await run({ file: 'current.csv' }, { file: 'reference.csv' }, baseline);
    const c = drifts(r);
    close(m(c[0]).statistic, want.numeric.age.ks.statistic);
    close(m(c[0]).pValue, want.numeric.age.ks.p_exact);
    expect(m(c[0]).reference).toEqual({ baseline: 'baselines/titanic_reference.json', column: 'age', count: 453 });
    close(m(c[3]).statistic, want.numeric.fare.psi);
    close(m(c[7]).statistic, want.categorical.embarked.chi2.statistic);
    // The pii column has no values in the baseline: that check says so.
    expect(c[11]).toMatchObject({ outcome: 'error', issue: { code: 'drift.baseline_column' } });
    const pg = drifts(await run({ table: `${SCHEMA}.current`, connection: 'pg' }, { file: 'reference.csv' }, baseline));
    close(m(pg[0]).statistic, want.numeric.age.ks.statistic);
    close(m(pg[8]).statistic, want.categorical.class.chi2.statistic);
  });

  it('a missing or malformed baseline file: an error naming the file and the JSON path', async () => {
    const missing = drifts(await run({ file: 'current.csv' }, { file: 'reference.csv' }, { baseline: 'baselines/nope.json' }));
    expect(missing[0]).toMatchObject({ outcome: 'error', issue: { code: 'drift.baseline_not_found' } });
    writeFileSync(
      path.join(dir, 'baselines', 'bad.json'),
      JSON.stringify({
        datacheckBaseline: 1,
        columns: {
          age: {
            values: [
              [1, 2],
              [3, 'x'],
            ],
          },
        },
      }),
    );
    const bad = drifts(await run({ file: 'current.csv' }, { file: 'reference.csv' }, { baseline: 'baselines/bad.json' }));
    expect(bad[0]).toMatchObject({ outcome: 'error', issue: { code: 'drift.baseline_invalid', found: '[3,"x"]' } });
    expect(bad[0].issue?.message).toContain('$.columns["age"].values[1]');
  });
});
