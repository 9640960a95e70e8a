import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import { datacheck, projectOf } from './harness.js';

// One invalid check or one file with type errors is reported (exit 2) and dropped alone: every
// other contract and suite still runs and is in the reports, so a nightly report is never blank
// because of one typo.

const csv = 'id,amount\n1,10\n2,20\n';
const contract = (name: string) => `import { col, defineContract } from 'datacheck';
export default defineContract({ name: '${name}', source: { file: 'data/${name}.csv' }, columns: { id: col.int64().primaryKey(), amount: col.float64() } });
`;
const suite = (name: string, body: string, before = '') => `import { defineSuite } from 'datacheck';
import ${name} from '../contracts/${name}.contract';
${before}
export default defineSuite(${name}, (t) => [
  ${body},
]);
`;

function project(): string {
  const files: Record<string, string> = {};
  for (const name of ['alpha', 'beta', 'gamma']) {
    files[`contracts/${name}.contract.ts`] = contract(name);
    files[`data/${name}.csv`] = csv;
  }
  files['checks/alpha.check.ts'] = suite('alpha', "t.rowCount().between(1, 10),\n  t.column('amount').mean().between(null, null)");
  files['checks/beta.check.ts'] = suite('beta', 't.rowCount().between(1, 10)', "const limit: number = 'ten';");
  files['checks/gamma.check.ts'] = suite('gamma', "t.rowCount().atLeast(100).title('gamma has 100 rows')");
  return projectOf(files);
}

const report = (dir: string): RunResult => JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
const checksOf = (r: RunResult, name: string) => r.datasets.find((d) => d.name === name)?.checks.map((c) => `${c.kind}:${c.outcome}`) ?? [];

describe('invalid checks and files do not hide the other results', () => {
  it('exit 2, each problem with its file:line, and every valid contract and suite in the JSON report', async () => {
    const dir = project();
    const r = await datacheck(dir, ['-r', 'json', '-o', 'out.json']);
    expect(r.code).toBe(2);
    const result = report(dir);
    const issues = result.issues.map((i) => `${i.code} ${i.location?.file}:${i.location?.line}`);
    expect(issues).toContain('check.invalid_option checks/alpha.check.ts:6');
    expect(issues).toContain('typecheck checks/beta.check.ts:3');
    // Every contract runs (the invalid suites' contracts too); gamma's suite runs and fails.
    expect(result.datasets.map((d) => d.name).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(checksOf(result, 'gamma')).toContain('row_count:fail');
    expect(checksOf(result, 'beta')).not.toContain('row_count:pass');
    expect(checksOf(result, 'alpha')).toContain('schema:pass');
    // alpha's other check, in the same array as the invalid one, still ran.
    expect(checksOf(result, 'alpha')).toContain('row_count:pass');
  });

  it('a type error in a contract file drops that contract and its suites only', async () => {
    const dir = project();
    const broken = contract('gamma').replace('col.float64() }', "col.float64() }, extraColumns: 'sometimes'");
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'contracts/gamma.contract.ts'), broken);
    writeFileSync(path.join(dir, 'checks/beta.check.ts'), suite('beta', 't.rowCount().between(1, 10)'));
    const r = await datacheck(dir, ['-r', 'json', '-o', 'out.json']);
    expect(r.code).toBe(2);
    const result = report(dir);
    expect(result.issues.some((i) => i.code === 'typecheck' && i.location?.file === 'contracts/gamma.contract.ts')).toBe(true);
    expect(result.datasets.map((d) => d.name).sort()).toEqual(['alpha', 'beta']);
    expect(checksOf(result, 'beta')).toContain('row_count:pass');
  });
});

describe('references across connections through the CLI', () => {
  it('a CSV referencing a DuckDB table: exit 1 on an orphan, 0 without', async () => {
    const dir = projectOf({
      'datacheck.config.ts':
        "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { wh: { kind: 'duckdb', path: 'wh.duckdb' } } });\n",
      'contracts/customers.contract.ts':
        "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'customers', source: { table: 'customers', connection: 'wh' }, columns: { id: col.int64() } });\n",
      'contracts/orders.contract.ts':
        "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'orders', source: { file: 'orders.csv' }, columns: { customer_id: col.int64().references('customers.id') } });\n",
      'orders.csv': 'customer_id\n1\n9\n',
    });
    const db = await DuckDBInstance.create(path.join(dir, 'wh.duckdb'));
    const c = await db.connect();
    await c.run('CREATE TABLE customers AS SELECT range AS id FROM range(1, 4)');
    c.closeSync();
    db.closeSync();
    const bad = await datacheck(dir, ['-r', 'json', '-o', 'out.json']);
    expect(bad.code).toBe(1);
    const check = report(dir)
      .datasets.find((d) => d.name === 'orders')!
      .checks.find((ch) => ch.kind === 'references')!;
    expect(check).toMatchObject({
      outcome: 'fail',
      rows: { considered: 2, failed: 1 },
      failingRows: [{ line: 3, values: { customer_id: 9 } }],
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'orders.csv'), 'customer_id\n1\n3\n');
    expect((await datacheck(dir, ['-r', 'json', '-o', 'out.json'])).code).toBe(0);
  });
});
