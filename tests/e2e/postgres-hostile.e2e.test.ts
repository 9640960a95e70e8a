import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { ContractDef } from '../../src/model/contract.js';
import type { CheckResult, RunResult } from '../../src/model/result.js';
import { runDatacheck } from '../../src/run/runner.js';
import { testPostgres, type PostgresServerInfo } from '../support/postgres.js';
import {
  ALLOWED,
  CUSTOMERS,
  EMAIL,
  EVIL,
  EXPECTED_COUNTS,
  ORDERS,
  PII,
  SCHEMA,
  UNI,
  WHERE_ITS,
  createHostileSchema,
  tableCounts,
} from './postgres-fixture.js';
import { datacheck, projectOf, root } from './harness.js';

/**
 * Hostile names and values, end to end against the real PostgreSQL server: a contract over
 * `{ table: 'schema.table', connection: 'pg' }` and a suite (oneOf with hostile values, matches,
 * a where filter comparing to a hostile string, unique, references to another table on the same
 * connection) give the right counts, leave every table in place, and never print the connection
 * URL, its password or a pii value, whether the connection works or not.
 */
let server: PostgresServerInfo;
beforeAll(async () => {
  server = await testPostgres();
  await createHostileSchema();
});

const checkOf = (r: RunResult, title: RegExp) => {
  const found = r.datasets.flatMap((d) => d.checks).filter((c) => title.test(c.title));
  if (found.length !== 1) throw new Error(`expected one check titled ${title}, found ${found.map((c) => c.title).join(' | ') || 'none'}`);
  return found[0];
};
const counts = (c: CheckResult) => ({ outcome: c.outcome, ...c.rows });

describe('hostile identifiers and values through runDatacheck on PostgreSQL', () => {
  let result: RunResult;
  beforeAll(async () => {
    const customers = defineContract({
      name: 'customers',
      source: { table: `${SCHEMA}.${CUSTOMERS}`, connection: 'pg' },
      columns: { [UNI]: col.int32().primaryKey() },
    });
    const orders = defineContract({
      name: 'orders',
      source: { table: `${SCHEMA}.${ORDERS}`, connection: 'pg' },
      columns: {
        id: col.int32().primaryKey(),
        [EVIL]: col.string().oneOf(ALLOWED),
        [UNI]: col.int32().nullable().references(`customers.${UNI}`),
        [EMAIL]: col.string().format('email').pii(),
      },
    });
    const suite = defineSuite(orders, (t) => [
      t.column(EVIL).unique().title('hostile values are unique'),
      t
        .column(EVIL)
        .matches(/^[^\t]*$/)
        .title('no tabs'),
      t.column(EVIL).oneOf([`it's`, '$1']).title('suite oneOf with hostile values'),
      t.rowCount().equals(2).where(WHERE_ITS).title("two rows say it's"),
    ]);
    result = await runDatacheck({
      cwd: root,
      contracts: [customers as ContractDef, orders as ContractDef],
      suites: [suite],
      issues: [],
      maxFailingRows: 5,
      connections: { pg: { kind: 'postgres', urlEnv: 'PG_URL' } },
      env: { PG_URL: server.url },
    });
  });

  it('reads both tables without issues', () => {
    expect(result.issues).toEqual([]);
    expect(result.datasets.map((d) => [d.name, d.issues, d.rowCount])).toEqual([
      ['customers', [], 3],
      ['orders', [], 7],
    ]);
  });

  it('counts right: oneOf, unique, matches, where, references, format', () => {
    expect(counts(checkOf(result, /^x.* in \('it's'/))).toEqual({ outcome: 'fail', considered: 7, failed: 2 });
    expect(counts(checkOf(result, /^suite oneOf/))).toEqual({ outcome: 'fail', considered: 7, failed: 4 });
    expect(counts(checkOf(result, /^hostile values are unique/))).toEqual({ outcome: 'fail', considered: 7, failed: 2 });
    expect(counts(checkOf(result, /^no tabs/))).toEqual({ outcome: 'fail', considered: 7, failed: 1 });
    expect(checkOf(result, /^two rows say it's/)).toMatchObject({ outcome: 'pass', observed: 2 });
    expect(counts(checkOf(result, /references/))).toEqual({ outcome: 'fail', considered: 6, failed: 2 });
    expect(counts(checkOf(result, /valid email/))).toEqual({ outcome: 'fail', considered: 7, failed: 1 });
  });

  it('failing rows carry the hostile values exactly, and pii masked', () => {
    const oneOf = checkOf(result, /^suite oneOf/);
    expect(oneOf.failingRows?.map((r) => [r.row, r.values[EVIL], r.values[EMAIL]])).toEqual([
      [2, `back\\slash`, '***'],
      [3, `100%_off`, '***'],
      [5, `tab\there`, '***'],
      [7, `E'\\x41'`, '***'],
    ]);
    const text = JSON.stringify(result);
    for (const v of PII) expect(text).not.toContain(v);
  });

  it('leaves every table in place', async () => {
    expect(await tableCounts()).toEqual(EXPECTED_COUNTS);
  });
});

const CONFIG = [
  "import { defineConfig } from 'datacheck/config';",
  "export default defineConfig({ connections: { pg: { kind: 'postgres', urlEnv: 'DATACHECK_PG_URL' } } });",
  '',
].join('\n');
const CONTRACTS = [
  "import { col, defineContract } from 'datacheck';",
  `export const customers = defineContract({ name: 'customers', source: { table: ${JSON.stringify(`${SCHEMA}.${CUSTOMERS}`)}, connection: 'pg' }, columns: { ${JSON.stringify(UNI)}: col.int32().primaryKey() } });`,
  'export default defineContract({',
  "  name: 'orders',",
  `  source: { table: ${JSON.stringify(`${SCHEMA}.${ORDERS}`)}, connection: 'pg' },`,
  '  columns: {',
  '    id: col.int32().primaryKey(),',
  `    ${JSON.stringify(EVIL)}: col.string().oneOf(${JSON.stringify(ALLOWED)}),`,
  `    ${JSON.stringify(UNI)}: col.int32().nullable().references(${JSON.stringify(`customers.${UNI}`)}),`,
  `    ${JSON.stringify(EMAIL)}: col.string().format('email').pii(),`,
  '  },',
  '});',
  '',
].join('\n');
const CUSTOMERS_FILE = "import { customers } from './orders.contract';\nexport default customers;\n";
const SUITE = [
  "import { defineSuite } from 'datacheck';",
  "import orders from '../contracts/orders.contract';",
  'export default defineSuite(orders, (t) => [',
  `  t.column(${JSON.stringify(EVIL)}).unique().title('hostile values are unique'),`,
  `  t.rowCount().equals(2).where(${JSON.stringify(WHERE_ITS)}).title("two rows say it's"),`,
  ']);',
  '',
].join('\n');
const REPORTERS = ['--reporter', 'console', '--reporter', 'json', '--reporter', 'junit', '--reporter', 'html', '--reporter', 'markdown'];

/** Everything a run left for a person or a CI system to read: console output and every report file. */
function everythingPrinted(dir: string, run: { stdout: string; stderr: string }): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(path.join(dir, 'reports'))) walk(path.join(dir, 'reports'));
  return [run.stdout, run.stderr, ...files].join('\n');
}

describe('the built CLI against PostgreSQL, with every reporter', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist/src/cli/main.js')))
      throw new Error('dist/ is missing or stale: run `npm run build` first (npm test does)');
  });
  const project = () =>
    projectOf({
      'datacheck.config.ts': CONFIG,
      'contracts/orders.contract.ts': CONTRACTS,
      'contracts/customers.contract.ts': CUSTOMERS_FILE,
      'checks/orders.check.ts': SUITE,
    });
  const secrets = () => [
    server.url,
    server.reader.password,
    encodeURIComponent(server.reader.password),
    server.admin.password,
    encodeURIComponent(server.admin.password),
  ];

  it('a working connection: right answers in the JSON report; no URL, password or pii value anywhere', async () => {
    const dir = project();
    const run = await datacheck(dir, REPORTERS, { DATACHECK_PG_URL: server.url });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(path.join(dir, 'reports/datacheck.json'), 'utf8')) as RunResult;
    expect(json.issues).toEqual([]);
    expect(counts(checkOf(json, /^hostile values are unique/))).toEqual({ outcome: 'fail', considered: 7, failed: 2 });
    expect(checkOf(json, /^two rows say it's/)).toMatchObject({ outcome: 'pass', observed: 2 });
    expect(counts(checkOf(json, /references/))).toEqual({ outcome: 'fail', considered: 6, failed: 2 });
    const printed = everythingPrinted(dir, run);
    expect(readdirSync(path.join(dir, 'reports')).sort()).toEqual([
      'datacheck-junit.xml',
      'datacheck.html',
      'datacheck.json',
      'datacheck.md',
    ]);
    for (const s of [...secrets(), ...PII]) expect(printed).not.toContain(s);
    expect(await tableCounts()).toEqual(EXPECTED_COUNTS);
  });

  it.each([
    [
      'a wrong password',
      () => server.url.replace(encodeURIComponent(server.reader.password), 'wrong%3Apass%40S3CRET'),
      ['wrong%3Apass%40S3CRET', 'wrong:pass@S3CRET'],
    ],
    ['an unreachable port', () => server.url.replace(`:${server.port}/`, ':1/'), []],
  ])('%s: the run cannot be done (exit 2), and neither URL nor password is printed', async (_, url, extra) => {
    const dir = project();
    const run = await datacheck(dir, REPORTERS, { DATACHECK_PG_URL: url() });
    expect(run.code).toBe(2);
    const printed = everythingPrinted(dir, run);
    expect(printed).toMatch(/connection 'pg'/);
    expect(readdirSync(path.join(dir, 'reports')).sort()).toEqual([
      'datacheck-junit.xml',
      'datacheck.html',
      'datacheck.json',
      'datacheck.md',
    ]);
    for (const s of [url(), ...secrets(), ...(extra as string[])]) expect(printed).not.toContain(s);
  });
});
