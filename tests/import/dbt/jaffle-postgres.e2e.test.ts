import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/model/result.js';
import { datacheck } from '../../e2e/harness.js';
import { jaffleProject, jaffleStatements, SEED_TESTS_YML } from '../../support/jaffle-dbt.js';
import { testPostgres } from '../../support/postgres.js';
import { expectDbtOutcomes } from './outcomes.js';

// The manifest (dbt-postgres) names "postgres"."public".<name>: every cluster has a `postgres`
// database, and the test server's own tests use another one, so the relations are built there
// as dbt would, and datacheck connects as the read-only role through profiles.yml.
const PROFILES = `jaffle_shop:
  target: ci
  outputs:
    dev:
      type: duckdb
      path: nowhere.duckdb
    ci:
      type: postgres
      host: "{{ env_var('JAFFLE_PG_HOST') }}"
      port: "{{ env_var('JAFFLE_PG_PORT') | as_number }}"
      user: "{{ env_var('JAFFLE_PG_USER') }}"
      password: "{{ env_var('JAFFLE_PG_PASSWORD') }}"
      dbname: postgres
      schema: public
`;

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  const server = await testPostgres();
  const admin = new URL(server.adminUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS snapshots CASCADE');
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    for (const s of jaffleStatements()) await client.query(s.sql, s.params);
  } finally {
    await client.end();
  }
  env = {
    JAFFLE_PG_HOST: server.host,
    JAFFLE_PG_PORT: String(server.port),
    JAFFLE_PG_USER: server.reader.user,
    JAFFLE_PG_PASSWORD: server.reader.password,
  };
  dir = jaffleProject(PROFILES, { 'seeds/seeds.yml': SEED_TESTS_YML });
  const imported = await datacheck(dir, ['import', 'dbt', '--profiles-dir', '.'], env);
  if (imported.code !== 0 || imported.stderr) throw new Error(imported.stderr);
}, 90_000);

describe('dbt on PostgreSQL: the jaffle_shop project', () => {
  it('gives the outcomes dbt test gives on the seed data, read as the profile target says', async () => {
    const run = await datacheck(dir, ['models', 'seeds', '--reporter', 'json', '--output-file', '-'], env);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as RunResult;
    expectDbtOutcomes(result);
    // The password the profile read through env_var() is in no report.
    expect(run.stdout).not.toContain(env.JAFFLE_PG_PASSWORD);
  }, 120_000);

  it('--target picks another output of the profile', async () => {
    const r = await datacheck(dir, ['plan', 'models/orders.contract.ts', '--target', 'dev'], env);
    // plan opens nothing, so the duckdb file need not exist: it shows where the run would read
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('SQL, duckdb on dbt:jaffle_shop.dev');
  });

  it('pushes the contract of a dbt model down to PostgreSQL', async () => {
    const r = await datacheck(dir, ['plan', 'models/orders.contract.ts'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('dataset orders (dbt:orders): SQL, postgres on dbt:jaffle_shop.ci');
    expect(r.stdout).toContain('"postgres"."public"."orders"');
  });

  it('a hand-written contract outside the dbt project finds it through the config key dbt', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'datacheck-dbt-user-'));
    mkdirSync(path.join(other, 'contracts'));
    const config = { project: path.relative(other, dir), profilesDir: dir };
    writeFileSync(
      path.join(other, 'datacheck.config.ts'),
      `import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ dbt: ${JSON.stringify(config)} });\n`,
    );
    writeFileSync(
      path.join(other, 'contracts/orders.contract.ts'),
      [
        "import { col, defineContract } from 'datacheck';",
        'export default defineContract({',
        "  name: 'orders',",
        "  source: { dbt: 'orders' },",
        '  columns: {',
        '    order_id: col.int32().primaryKey(),',
        // the statuses jaffle_shop's schema.yml accepts; amounts are sums of whole dollars (bigint in PostgreSQL)
        "    status: col.string().oneOf(['placed', 'shipped', 'completed', 'return_pending', 'returned']),",
        '    amount: col.int64().min(0),',
        '  },',
        '});',
        '',
      ].join('\n'),
    );
    const r = await datacheck(other, ['--reporter', 'json', '--output-file', '-'], env);
    expect(r.code, r.stderr).toBe(0);
    const [orders] = (JSON.parse(r.stdout) as RunResult).datasets;
    expect(orders.rowCount).toBe(99);
    expect(orders.location).toEqual({
      namespace: `postgres://${env.JAFFLE_PG_HOST}:${env.JAFFLE_PG_PORT}`,
      name: 'postgres.public.orders',
    });
  }, 60_000);

  it('an unset env_var() without a default is a clear error, as in dbt', async () => {
    const { JAFFLE_PG_PASSWORD: _p, ...rest } = env;
    const r = await datacheck(dir, ['plan', 'models/orders.contract.ts'], rest);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("env_var('JAFFLE_PG_PASSWORD') is not set and has no default");
  });
});
