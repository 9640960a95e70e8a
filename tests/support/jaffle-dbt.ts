import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SHARED_DIR } from './shared-dir.js';

/** The real jaffle_shop dbt project of the oracles: dbt_project.yml, models/*.yml, seeds, target/manifest.json (v12, dbt 1.8.2). */
export const JAFFLE = path.join(SHARED_DIR, 'oracles/dbt/jaffle_shop');

/**
 * A copy of the jaffle_shop project in a temp folder with the given profiles.yml and extra files,
 * so a test can add YAML and generated files without touching ../shared.
 */
export function jaffleProject(profilesYml: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-dbt-'));
  for (const p of ['dbt_project.yml', 'models', 'seeds', 'target/manifest.json']) {
    cpSync(path.join(JAFFLE, p), path.join(dir, p), { recursive: true });
  }
  writeFileSync(path.join(dir, 'profiles.yml'), profilesYml);
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const SEEDS = {
  raw_customers: ['id integer', 'first_name text', 'last_name text'],
  raw_orders: ['id integer', 'user_id integer', 'order_date date', 'status text'],
  raw_payments: ['id integer', 'order_id integer', 'payment_method text', 'amount integer'],
} as const;

/**
 * The statements that build every relation the manifest names (schema `public`, the snapshot in
 * `snapshots`), as `dbt seed` + `dbt run` + `dbt snapshot` would: the seeds typed as dbt infers
 * them, then the five models written from their SQL in the manifest (jinja loops unrolled). Plain
 * SQL that DuckDB and PostgreSQL both run; seed values are bound as parameters.
 */
export function jaffleStatements(): { sql: string; params: unknown[] }[] {
  const out: { sql: string; params: unknown[] }[] = [
    { sql: 'CREATE SCHEMA IF NOT EXISTS public', params: [] },
    { sql: 'CREATE SCHEMA IF NOT EXISTS snapshots', params: [] },
  ];
  for (const [table, cols] of Object.entries(SEEDS)) {
    out.push({ sql: `CREATE TABLE public.${table} (${cols.join(', ')})`, params: [] });
    const rows = parse(readFileSync(path.join(JAFFLE, 'seeds', `${table}.csv`), 'utf8'), { columns: false, from_line: 2 }) as string[][];
    const types = cols.map((c) => c.split(' ')[1]);
    const tuples = rows.map((_, r) => `(${types.map((t, i) => `CAST($${r * types.length + i + 1} AS ${t})`).join(', ')})`);
    out.push({ sql: `INSERT INTO public.${table} VALUES ${tuples.join(', ')}`, params: rows.flat() });
  }
  const methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'];
  out.push(
    { sql: 'CREATE VIEW public.stg_customers AS SELECT id AS customer_id, first_name, last_name FROM public.raw_customers', params: [] },
    {
      sql: 'CREATE VIEW public.stg_orders AS SELECT id AS order_id, user_id AS customer_id, order_date, status FROM public.raw_orders',
      params: [],
    },
    {
      sql: 'CREATE VIEW public.stg_payments AS SELECT id AS payment_id, order_id, payment_method, amount / 100 AS amount FROM public.raw_payments',
      params: [],
    },
    {
      sql: `CREATE TABLE public.customers AS
        WITH customer_orders AS (
          SELECT customer_id, min(order_date) AS first_order, max(order_date) AS most_recent_order, count(order_id) AS number_of_orders
          FROM public.stg_orders GROUP BY customer_id),
        customer_payments AS (
          SELECT o.customer_id, sum(p.amount) AS total_amount
          FROM public.stg_payments p LEFT JOIN public.stg_orders o ON p.order_id = o.order_id GROUP BY o.customer_id)
        SELECT c.customer_id, c.first_name, c.last_name, co.first_order, co.most_recent_order, co.number_of_orders,
          cp.total_amount AS customer_lifetime_value
        FROM public.stg_customers c
        LEFT JOIN customer_orders co ON c.customer_id = co.customer_id
        LEFT JOIN customer_payments cp ON c.customer_id = cp.customer_id`,
      params: [],
    },
    {
      sql: `CREATE TABLE public.orders AS
        WITH order_payments AS (
          SELECT order_id, ${methods.map((m) => `sum(CASE WHEN payment_method = '${m}' THEN amount ELSE 0 END) AS ${m}_amount`).join(', ')},
            sum(amount) AS total_amount
          FROM public.stg_payments GROUP BY order_id)
        SELECT o.order_id, o.customer_id, o.order_date, o.status, ${methods.map((m) => `op.${m}_amount`).join(', ')}, op.total_amount AS amount
        FROM public.stg_orders o LEFT JOIN order_payments op ON o.order_id = op.order_id`,
      params: [],
    },
    { sql: 'CREATE TABLE snapshots.orders_snapshot AS SELECT * FROM public.raw_orders', params: [] },
  );
  return out;
}

/**
 * Extra data tests on the seeds (dbt_utils and dbt_expectations, severities, where, thresholds),
 * in a YAML file of the seed folder as dbt reads it. Expected outcomes on the seed data are
 * stated, with the facts they follow from, in the tests that use it.
 */
export const SEED_TESTS_YML = `version: 2
seeds:
  - name: raw_customers
    columns:
      - name: id
        data_tests: [unique, not_null]
      - name: first_name
        data_tests:
          - accepted_values:
              values: ['Jane']
      - name: last_name
        data_tests:
          - dbt_expectations.expect_column_values_to_match_regex:
              regex: '^[A-Z]\\.$'
  - name: raw_orders
    data_tests:
      - dbt_utils.equal_rowcount:
          compare_model: ref('orders')
      - dbt_utils.recency:
          datepart: day
          field: order_date
          interval: 3
    columns:
      - name: status
        data_tests:
          - dbt_utils.not_null_proportion:
              at_least: 0.95
          - accepted_values:
              values: ['placed', 'shipped', 'completed']
              config:
                where: "order_date < '2018-01-05'"
  - name: raw_payments
    data_tests:
      - dbt_utils.unique_combination_of_columns:
          combination_of_columns: [order_id, payment_method]
          config:
            severity: warn
      - dbt_utils.expression_is_true:
          expression: 'amount > 0'
          config:
            error_if: '>5'
            warn_if: '>0'
    columns:
      - name: amount
        data_tests:
          - dbt_utils.accepted_range:
              min_value: 0
              max_value: 3000
          - dbt_utils.accepted_range:
              min_value: 1
              config:
                severity: warn
`;
