import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { datacheck } from '../../e2e/harness.js';
import { jaffleProject, jaffleStatements, SEED_TESTS_YML } from '../../support/jaffle-dbt.js';

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

beforeAll(async () => {
  dir = jaffleProject(PROFILES, { 'seeds/seeds.yml': SEED_TESTS_YML });
  const db = await DuckDBInstance.create(path.join(dir, 'postgres.duckdb'));
  const conn = await db.connect();
  for (const s of jaffleStatements()) await conn.run(s.sql, s.params as never);
  conn.closeSync();
  db.closeSync();
}, 60_000);

describe('dbt on DuckDB: the jaffle_shop project', () => {
  it('imports schema.yml tests as contracts and suites, listing what it cannot translate', async () => {
    const r = await datacheck(dir, ['import', 'dbt', '.']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    console.log(r.stdout);
    console.log(readFileSync(path.join(dir, 'models/orders.contract.ts'), 'utf8'));
    console.log(readFileSync(path.join(dir, 'seeds/raw_payments.check.ts'), 'utf8'));
    console.log(readFileSync(path.join(dir, 'seeds/raw_orders.contract.ts'), 'utf8'));
    const run = await datacheck(dir, ['--reporter', 'json', '--output-file', '-']);
    console.log(run.stderr, run.stdout.slice(0, 3000));
  }, 120_000);
});
