import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRelation, typedView } from '../../../src/access/duckdb-files.js';
import { openDuckdbConnection } from '../../../src/engines/sql/drivers/duckdb-connection.js';
import type { SqlConnection } from '../../../src/engines/sql/sql-connection.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import { col, defineContract } from '../../../src/index.js';
import type { ContractDef } from '../../../src/model/contract.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';

/*
 * A CSV read by DuckDB is parsed through a typed view (datacheck's parse rules). With two or more
 * full scans the view is read once into a temporary table and every query reads that: the answers,
 * row numbers and raw text of values that did not parse must be those of the view itself.
 */

const contract = defineContract({
  name: 'orders',
  source: { file: 'orders.csv', engine: 'duckdb' },
  columns: { id: col.int64(), amount: col.float64().nullable(), at: col.timestamp('us'), status: col.string() },
}) as ContractDef;

// Row 3 repeats id 2, row 4 has an amount that is not a number, row 6 a padded one, row 7 a bad time.
const LINES = [
  'id,amount,at,status',
  '1,10.5,2024-01-01T00:00:00,placed',
  '2,-3,2024-01-02T00:00:00,shipped',
  '2,7,2024-01-03 10:00:00,placed',
  '4,ten,2024-01-04T00:00:00,RETURNED',
  '5,,2024-01-05T00:00:00Z,placed',
  '6, 20 ,2024-01-06T00:00:00,placed',
  '7,30,yesterday,placed',
];

const spec = (s: MetricSpec) => ({ key: metricKey(s), spec: s });
const TWO_SCANS = [
  spec({ kind: 'row_count' }),
  spec({ kind: 'null_count', column: 'amount' }),
  spec({ kind: 'min', column: 'amount' }),
  spec({ kind: 'max', column: 'at' }),
  spec({ kind: 'parse_failures', column: 'amount', sampleSize: 5 }),
  spec({ kind: 'parse_failures', column: 'at', sampleSize: 5 }),
  spec({ kind: 'predicate_failures', column: 'amount', predicate: parseExpr('amount >= 0'), sampleSize: 5 }),
  spec({ kind: 'predicate_failures', column: 'status', predicate: parseExpr("status = 'placed'"), includeNulls: true, sampleSize: 5 }),
  spec({ kind: 'duplicate_count', columns: ['id'], sampleSize: 5 }),
];
const ONE_SCAN = TWO_SCANS.filter((m) => m.spec.kind !== 'duplicate_count');

let dir: string;
let connection: SqlConnection;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-materialize-'));
  writeFileSync(path.join(dir, 'orders.csv'), `${LINES.join('\n')}\n`);
  connection = await openDuckdbConnection({ memoryLimitBytes: 256 * 2 ** 20 });
});
afterAll(() => connection.close());

async function compute(conn: SqlConnection, metrics: typeof TWO_SCANS) {
  const absolute = path.join(dir, 'orders.csv');
  const file = { display: 'orders.csv', absolute, size: statSync(absolute).size };
  const relation = (await csvRelation(contract.source as never, [file], contract))!;
  const names = (await conn.describe(relation)).map((c) => c.name);
  const transfer = { queries: 0, rows: 0 };
  const results = await computeSqlMetrics(
    { connection: conn, relation, view: typedView(relation, names, contract) },
    metrics,
    new Date(0),
    {
      transfer,
    },
  );
  return { values: metrics.map((m) => results.get(m.key)), statements: transfer.queries };
}

/** The same connection without the temporary table: every query reads the typed view. */
const viewOnly = (c: SqlConnection): SqlConnection => ({ ...c, materialize: undefined });

describe('a CSV typed view read once into a temporary table', () => {
  it('gives the answers, row numbers and raw text the queries on the view give, with one statement more', async () => {
    const table = await compute(connection, TWO_SCANS);
    const view = await compute(viewOnly(connection), TWO_SCANS);
    expect(table.values).toEqual(view.values);
    // The extra statement is the CREATE TEMP TABLE: proof the queries read the table.
    expect(table.statements).toBe(view.statements + 1);
    const [, nulls, , , amountUnparsed, atUnparsed, negative, , duplicates] = table.values;
    expect(nulls).toEqual({ ok: true, value: 2 });
    expect(amountUnparsed).toMatchObject({ ok: true, value: { failed: 1, sample: [{ row: 4, values: { amount: 'ten' } }] } });
    expect(atUnparsed).toMatchObject({ ok: true, value: { failed: 1, sample: [{ row: 7, values: { at: 'yesterday' } }] } });
    expect(negative).toMatchObject({ ok: true, value: { failed: 1, sample: [{ row: 2, values: { id: 2, amount: -3 } }] } });
    expect(duplicates).toMatchObject({ ok: true, value: { failed: 2 } });
  });

  it('is not made for a single full scan: the view streams, so the peak memory does not grow with the file', async () => {
    const one = await compute(connection, ONE_SCAN);
    const view = await compute(viewOnly(connection), ONE_SCAN);
    expect(one).toEqual(view);
  });

  it('is dropped after the dataset: the session keeps no copy of the data', async () => {
    await compute(connection, TWO_SCANS);
    const left = await connection.query({
      sql: "SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name LIKE '__dc_%'",
      params: [],
    });
    expect(left).toEqual([{ n: 0 }]);
  });
});
