import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckdbConnection } from '../../../src/engines/sql/drivers/duckdb-connection.js';
import { answersFromFooter } from '../../../src/engines/sql/parquet-footer.js';
import type { SqlConnection, SqlRelation } from '../../../src/engines/sql/sql-connection.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import type { MetricSpec, PlannedMetric } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { loadBench } from '../../bench/load-bench.js';

const { ordersSelect } = await loadBench('generate-sql.js');

/*
 * A Parquet footer answers the row count, null counts and integer/date/timestamp min/max without a
 * scan, but only where its statistics are exact. Every answer it gives must equal the scanned one:
 * checked on every Parquet file of ../shared/datasets (parquet-testing's odd writers: INT96,
 * NaN in statistics, nested columns, missing statistics...) and on the bench's table.
 */

const SHARED = path.resolve(__dirname, '../../../../shared/datasets');
const parquetFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? parquetFiles(path.join(dir, e.name)) : e.name.endsWith('.parquet') ? [path.join(dir, e.name)] : [],
  );

let connection: SqlConnection;
let benchFile: string;
beforeAll(async () => {
  connection = await openDuckdbConnection();
  // The bench's generator at 300,000 rows: three row groups, as the 5M-row bench file is written.
  benchFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-footer-')), 'orders.parquet');
  await connection.query({ sql: `COPY (${ordersSelect(300_000)}) TO '${benchFile}' (FORMAT parquet, ROW_GROUP_SIZE 122880)`, params: [] });
});
afterAll(() => connection.close());

/** The footer's answers beside the scanned ones for every row count, null count, min and max of the file. */
async function footerAndScan(file: string) {
  const relation: SqlRelation = { kind: 'files', format: 'parquet', paths: [file] };
  const physical = await connection.describe(relation);
  const specs: MetricSpec[] = [{ kind: 'row_count' }];
  for (const c of physical) {
    specs.push({ kind: 'null_count', column: c.name });
    if (['int', 'date', 'timestamp', 'float', 'string'].includes(c.logical?.type ?? ''))
      specs.push({ kind: 'min', column: c.name }, { kind: 'max', column: c.name });
  }
  const metrics: PlannedMetric[] = specs.map((spec) => ({ key: metricKey(spec), spec }));
  const footer = await answersFromFooter(connection, relation, metrics, physical);
  // The same file as a query: no footer, every metric scanned.
  const asQuery: SqlRelation = { kind: 'query', sql: `SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')` };
  const scanned = await computeSqlMetrics(
    { connection, relation: asQuery },
    metrics.filter((m) => footer.has(m.key)),
    new Date(0),
  );
  return { footer, scanned, metrics };
}

describe('metrics answered from Parquet footers', () => {
  it('equal the scanned answers on every Parquet file of ../shared/datasets', async () => {
    const files = parquetFiles(SHARED);
    expect(files.length).toBeGreaterThan(10);
    let answered = 0;
    for (const file of files) {
      let result: Awaited<ReturnType<typeof footerAndScan>>;
      try {
        result = await footerAndScan(file);
      } catch {
        continue; // a file DuckDB cannot read at all (parquet-testing keeps some on purpose)
      }
      for (const [key, value] of result.footer) {
        // parquet-testing/bad_data: footers that read, pages that do not decode. The footer answers
        // there where the scan fails; the data itself is nothing to compare with.
        if (result.scanned.get(key)?.ok === false) continue;
        expect({ file: path.relative(SHARED, file), key, value }).toEqual({
          file: path.relative(SHARED, file),
          key,
          value: result.scanned.get(key),
        });
        answered++;
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it("answer the bench table's row count, every null count and the int64 and timestamp bounds, and no float or string bound", async () => {
    const { footer, scanned, metrics } = await footerAndScan(benchFile);
    for (const [key, value] of footer) expect(value).toEqual(scanned.get(key));
    const answered = metrics
      .filter((m) => footer.has(m.key))
      .map((m) => `${m.spec.kind} ${'column' in m.spec ? m.spec.column : ''}`.trim());
    expect(answered).toEqual([
      'row_count',
      'null_count order_id',
      'min order_id',
      'max order_id',
      'null_count customer_id',
      'min customer_id',
      'max customer_id',
      'null_count amount',
      'null_count status',
      'null_count email',
      'null_count ordered_at',
      'min ordered_at',
      'max ordered_at',
    ]);
    expect(footer.get(metricKey({ kind: 'row_count' }))).toEqual({ ok: true, value: 300_000 });
  });

  it('leave a metric with a `where` and any relation other than Parquet files to the scan', async () => {
    const physical = await connection.describe({ kind: 'files', format: 'parquet', paths: [benchFile] });
    const where: MetricSpec = { kind: 'row_count', where: { op: 'lit', value: true } as never };
    const metrics = [{ key: metricKey(where), spec: where }];
    expect((await answersFromFooter(connection, { kind: 'files', format: 'parquet', paths: [benchFile] }, metrics, physical)).size).toBe(0);
    const rowCount = [{ key: 'rows', spec: { kind: 'row_count' } as MetricSpec }];
    expect((await answersFromFooter(connection, { kind: 'query', sql: 'SELECT 1' }, rowCount, physical)).size).toBe(0);
    expect(statSync(benchFile).size).toBeGreaterThan(0);
  });
});
