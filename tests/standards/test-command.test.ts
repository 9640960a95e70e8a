import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import { adminQuery, testPostgres } from '../support/postgres.js';
import { runCli } from './replay-support.js';

/** A throwaway project: files by path. */
function projectOf(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-odcs-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

async function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; result: RunResult }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { code, out, err } = await runCli(['test', ...args, '--reporter', 'json', '--output-file', '-'], cwd);
    if (!out.startsWith('{')) throw new Error(`no JSON result (exit ${code}): ${out}${err}`);
    return { code, result: JSON.parse(out) as RunResult };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
}

const checks = (r: RunResult): CheckResult[] => r.datasets.flatMap((d) => d.checks);
const byTitle = (r: RunResult, title: string): CheckResult => {
  const c = checks(r).find((x) => x.title === title);
  if (!c)
    throw new Error(
      `no check titled '${title}' in ${checks(r)
        .map((x) => x.title)
        .join(' | ')}`,
    );
  return c;
};

// 10 rows: 2 null weights (20 %), a unit spelled 'N/A' (missing, and invalid), one 'lbs' (invalid), sku S3 twice.
const CSV = `sku,unit,weight
S1,kg,1.5
S2,kg,
S3,pounds,2
S3,kg,3
S5,N/A,
S6,lbs,1
S7,kg,1
S8,kg,4
S9,pounds,2
S10,kg,0.5
`;

const header = `apiVersion: v3.1.0
kind: DataContract
id: products
version: 1.0.0
status: active
servers:
  - server: local
    type: local
    path: data/products.csv
    format: csv
`;

describe('datacheck test on an ODCS file over local files', () => {
  const odcs = `${header}schema:
  - name: products
    quality:
      - { metric: rowCount, mustBeBetween: [5, 20], description: rows between 5 and 20 }
      - { metric: rowCount, mustBeGreaterThan: 10, description: more than 10 rows }
    properties:
      - name: sku
        logicalType: string
        required: true
        quality:
          - { metric: duplicateValues, mustBe: 0, description: sku unique }
          - { metric: duplicateValues, mustBeLessOrEqualTo: 2, unit: rows, description: at most 2 duplicate rows }
      - name: unit
        logicalType: string
        quality:
          - metric: invalidValues
            arguments: { validValues: [kg, pounds] }
            mustBeLessThan: 10
            unit: percent
            description: under 10 percent invalid units
          - metric: missingValues
            arguments: { missingValues: [null, '', N/A] }
            mustBe: 0
            severity: warning
            description: no missing units (warning)
      - name: weight
        logicalType: number
        quality:
          - { metric: nullValues, mustBeLessThan: 20, unit: percent, description: under 20 percent null }
          - { metric: nullValues, mustBeLessOrEqualTo: 20, unit: percent, description: at most 20 percent null }
          - { metric: nullValues, mustNotBe: 0, description: some weights are null }
`;
  let result: RunResult;
  let code: number;
  beforeAll(async () => {
    ({ code, result } = await run(projectOf({ 'products.odcs.yaml': odcs, 'data/products.csv': CSV }), ['products.odcs.yaml']));
  });

  it('holds row counts to the operators, strict where ODCS says greater than', () => {
    expect(byTitle(result, 'rows between 5 and 20').outcome).toBe('pass');
    expect(byTitle(result, 'more than 10 rows')).toMatchObject({ outcome: 'fail', message: '10 rows, expected greater than 10' });
  });

  it('counts duplicate rows with their samples', () => {
    const unique = byTitle(result, 'sku unique');
    // S3 is written twice: 1 duplicate row (the rows beyond each key's first, as datacontract-cli
    // counts), sampled as both rows that share the key.
    expect(unique).toMatchObject({ outcome: 'fail', rows: { failed: 1, considered: 10 } });
    expect(unique.failingRows?.map((r) => r.values.sku)).toEqual(['S3', 'S3']);
    expect(byTitle(result, 'at most 2 duplicate rows').outcome).toBe('pass');
  });

  it('measures percent of the rows the metric looks at, with the strict bound exact at the boundary', () => {
    // 'N/A' and 'lbs' are neither kg nor pounds: 2 of the 10 non-null units, 20 %.
    expect(byTitle(result, 'under 10 percent invalid units')).toMatchObject({ outcome: 'fail', rows: { failed: 2, considered: 10 } });
    // 2 of 10 weights are null: exactly 20 %.
    expect(byTitle(result, 'under 20 percent null').outcome).toBe('fail');
    expect(byTitle(result, 'at most 20 percent null').outcome).toBe('pass');
    expect(byTitle(result, 'some weights are null').outcome).toBe('pass');
  });

  it('a severity other than error warns instead of failing', () => {
    expect(byTitle(result, 'no missing units (warning)')).toMatchObject({ outcome: 'warn', rows: { failed: 1 } });
  });

  it('fails the run (exit 1) and checks the schema too', () => {
    expect(code).toBe(1);
    expect(checks(result).map((c) => c.kind)).toEqual(
      expect.arrayContaining(['schema', 'column_type', 'not_null', 'violations', 'row_count']),
    );
  });
});

describe('SQL quality rules (type: sql)', () => {
  const sqlContract = (extra: string) => `${header}schema:
  - name: products
    quality:
      - { type: sql, query: 'SELECT count(*) FROM products WHERE weight > 1', mustBeBetween: [3, 5], description: heavy products }
      - { type: sql, query: 'SELECT max(weight) FROM \${table};', mustNotBe: 4, description: no weight of 4 }
      - { type: sql, query: 'SELECT no_such_column FROM products', mustBe: 0, description: broken query }
    properties:
      - { name: sku, logicalType: string${extra} }
      - { name: unit, logicalType: string }
      - { name: weight, logicalType: number }
`;

  it('runs the query over the dataset under its own name (or its table placeholder), read in SQL', async () => {
    const dir = projectOf({ 'p.odcs.yaml': sqlContract(''), 'data/products.csv': CSV });
    const { result } = await run(dir, ['p.odcs.yaml']);
    // 1.5, 2, 3, 4, 2: five weights above 1.
    expect(byTitle(result, 'heavy products')).toMatchObject({ outcome: 'pass', observed: 5 });
    expect(byTitle(result, 'no weight of 4')).toMatchObject({ outcome: 'fail', message: 'the query gave 4, expected not equal to 4' });
    // A query that does not compile is an error of that check, not of the run.
    expect(byTitle(result, 'broken query').outcome).toBe('error');
  });

  it('never reports the value when the contract has pii columns', async () => {
    const dir = projectOf({ 'p.odcs.yaml': sqlContract(', classification: pii'), 'data/products.csv': CSV });
    const { result } = await run(dir, ['p.odcs.yaml']);
    const heavy = byTitle(result, 'heavy products');
    expect(heavy.outcome).toBe('pass');
    expect(heavy.observed).toBeUndefined();
    expect(heavy.message).toBe('the query gave the value (hidden: the contract has pii columns)');
  });
});

describe('a contract that breaks the ODCS schema is not run (exit 2)', () => {
  it('names the JSON path, the line and what was expected', async () => {
    const broken = `apiVersion: v3.1.0
kind: DataContract
id: x
version: 1.0.0
schema:
  - name: products
    properties:
      - name: sku
        logicalType: text
`;
    const { code, result } = await run(projectOf({ 'bad.odcs.yaml': broken }), ['bad.odcs.yaml']);
    expect(code).toBe(2);
    expect(result.datasets).toEqual([]);
    const texts = result.issues.map((i) => `${i.location?.line} ${i.message} | ${i.expected}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 bad\.odcs\.yaml:1: \(the document\) must have required property 'status'.*\| a 'status' field$/),
        expect.stringMatching(
          /^9 bad\.odcs\.yaml:9: schema\[0\]\.properties\[0\]\.logicalType must be equal to one of the allowed values.*\| one of "string"/,
        ),
      ]),
    );
  });

  it('a YAML syntax error names its line', async () => {
    const { code, result } = await run(projectOf({ 'bad.odcs.yaml': `${header}schema:\n  - name: [unclosed\n` }), ['bad.odcs.yaml']);
    expect(code).toBe(2);
    expect(result.issues[0]).toMatchObject({ code: 'standard.yaml_syntax', location: { line: 13 } });
  });

  it('refuses a report path that is the contract or its data, before reading anything', async () => {
    const dir = projectOf({
      'p.odcs.yaml': `${header}schema:\n  - name: products\n    properties:\n      - { name: sku, logicalType: string }\n`,
      'data/products.csv': CSV,
    });
    for (const target of ['p.odcs.yaml', 'data/products.csv']) {
      const { code, err } = await runCli(['test', 'p.odcs.yaml', '--reporter', 'json', '--output-file', target], dir);
      expect(code).toBe(2);
      expect(err).toContain(target);
    }
    expect(readFileSync(path.join(dir, 'data/products.csv'), 'utf8')).toBe(CSV);
  });

  it('--server with a name the contract lacks lists the servers it has', async () => {
    const { code, result } = await run(projectOf({ 'p.odcs.yaml': `${header}schema: []\n` }), ['p.odcs.yaml', '--server', 'prod']);
    expect(code).toBe(2);
    expect(result.issues[0]).toMatchObject({ code: 'standard.unknown_server', expected: "one of 'local'" });
  });
});

describe('datacheck test on DuckDB and PostgreSQL servers', () => {
  const schemaPart = `schema:
  - name: products
    quality:
      - { metric: rowCount, mustBe: 3, description: three rows }
    properties:
      - { name: sku, logicalType: string, primaryKey: true }
      - name: price
        logicalType: integer
        logicalTypeOptions: { minimum: 0 }
        quality:
          - { metric: nullValues, mustBe: 0, description: no null price }
`;
  it('reads the table the duckdb server names, in SQL', async () => {
    const dir = projectOf({});
    const instance = await DuckDBInstance.create(path.join(dir, 'shop.duckdb'));
    const conn = await instance.connect();
    await conn.run("CREATE TABLE products (sku VARCHAR, price INTEGER); INSERT INTO products VALUES ('A', 1), ('B', NULL), ('C', -2)");
    conn.closeSync();
    instance.closeSync();
    const odcs = `${header.replace(/servers:[\s\S]*$/, '')}servers:\n  - { server: warehouse, type: duckdb, database: shop.duckdb, schema: main }\n${schemaPart}`;
    writeFileSync(path.join(dir, 'shop.odcs.yaml'), odcs);
    const { code, result } = await run(dir, ['shop.odcs.yaml']);
    expect(result.issues).toEqual([]);
    expect(code).toBe(1);
    expect(byTitle(result, 'three rows').outcome).toBe('pass');
    expect(byTitle(result, 'no null price')).toMatchObject({ outcome: 'fail', rows: { failed: 1 } });
    expect(byTitle(result, 'price at least 0')).toMatchObject({ outcome: 'fail', rows: { failed: 1 } });
  });

  describe('postgres', () => {
    const SCHEMA = 'odcs_test_command';
    beforeAll(async () => {
      await testPostgres();
      await adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA};
        CREATE TABLE ${SCHEMA}.products (sku text, price integer); INSERT INTO ${SCHEMA}.products VALUES ('A', 1), ('B', 2), ('C', 3);`);
    });
    afterAll(() => adminQuery(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));

    it('connects with credentials from the environment, never from the contract, and never prints them', async () => {
      const pg = await testPostgres();
      const odcs = `${header.replace(/servers:[\s\S]*$/, '')}servers:
  - { server: prod, type: postgres, host: ${pg.host}, port: ${pg.port}, database: ${pg.database}, schema: ${SCHEMA} }
${schemaPart}`;
      const dir = projectOf({ 'shop.odcs.yaml': odcs });
      const env = { DATACHECK_POSTGRES_USER: pg.reader.user, DATACHECK_POSTGRES_PASSWORD: pg.reader.password };
      const { code, result } = await run(dir, ['shop.odcs.yaml', '--server', 'prod'], env);
      expect(result.issues).toEqual([]);
      expect(checks(result).every((c) => c.outcome === 'pass')).toBe(true);
      expect(code).toBe(0);
      expect(JSON.stringify(result)).not.toContain(pg.reader.password);
    });
  });
});
