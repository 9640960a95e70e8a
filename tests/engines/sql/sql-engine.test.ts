import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckdbConnection } from '../../../src/engines/sql/drivers/duckdb-connection.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { duckdbTableOf } from './tables.js';

const table = {
  columns: { amount: 'float', status: 'string', at: 'timestamp', day: 'date', n: 'int' } as const,
  rows: [
    [0, 'b', '2024-01-01T00:00:00Z', '2024-01-01', 1],
    [10, 'a', '2024-01-02T00:00:00Z', '2024-01-03', 1],
    [2.5, 'b', null, '2024-01-02', 2],
    ['NaN', 'c', '2024-01-03T12:00:00Z', null, 2],
    [null, 'a', '2024-01-04T00:00:00Z', '2024-01-05', 3],
    [10, 'b', '2024-01-05T00:00:00Z', '2024-01-04', 4],
  ],
};

async function compute(specs: MetricSpec[]) {
  const { connection } = await duckdbTableOf(table as never);
  try {
    const metrics = specs.map((spec) => ({ key: metricKey(spec), spec }));
    const results = await computeSqlMetrics(
      { connection, relation: { kind: 'table', parts: ['t'] } },
      metrics,
      new Date('2024-06-01T00:00:00Z'),
    );
    return metrics.map((m) => results.get(m.key));
  } finally {
    await connection.close();
  }
}

describe('SQL engine metrics the Arrow engine does not have yet', () => {
  it('histogram: equal-width bins from the exact min to max, NaN and nulls left out, the max in the last bin', async () => {
    const [h, empty, temporal] = await compute([
      { kind: 'histogram', column: 'amount', bins: 4 },
      { kind: 'histogram', column: 'amount', bins: 3, where: parseExpr('n > 10') },
      { kind: 'histogram', column: 'at', bins: 2 },
    ]);
    expect(h).toEqual({ ok: true, value: { min: 0, max: 10, counts: [1, 1, 0, 2] } });
    expect(empty).toEqual({ ok: true, value: { min: null, max: null, counts: [0, 0, 0] } });
    expect(temporal).toMatchObject({ ok: true, value: { min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 5), counts: [2, 3] } });
  });

  it('top_values: most frequent first, ties by value; truncated past maxDistinct', async () => {
    const [top, truncated, numbers] = await compute([
      { kind: 'top_values', column: 'status', k: 2, maxDistinct: 10 },
      { kind: 'top_values', column: 'status', k: 2, maxDistinct: 2 },
      { kind: 'top_values', column: 'n', k: 3, maxDistinct: 10, where: parseExpr("status != 'c'") },
    ]);
    expect(top).toEqual({
      ok: true,
      value: {
        top: [
          { value: 'b', count: 3 },
          { value: 'a', count: 2 },
        ],
        distinct: 3,
        truncated: false,
      },
    });
    expect(truncated).toEqual({ ok: true, value: { top: [], truncated: true } });
    expect(numbers).toEqual({
      ok: true,
      value: {
        top: [
          { value: 1, count: 2 },
          { value: 2, count: 1 },
          { value: 3, count: 1 },
        ],
        distinct: 4,
        truncated: false,
      },
    });
  });

  it('top_values: a column whose first rows are within maxDistinct but not the whole of it is still truncated', async () => {
    // maxDistinct 1 makes the prefix 32 rows: 'x' fills them, 'y' comes after, so only the
    // GROUP BY's exact group count can tell there are two values.
    const rows = Array.from({ length: 40 }, (_, i) => [i < 32 ? 'x' : 'y', i]);
    const { connection } = await duckdbTableOf({ columns: { s: 'string', i: 'int' }, rows } as never);
    try {
      const specs: MetricSpec[] = [
        { kind: 'top_values', column: 's', k: 3, maxDistinct: 1 },
        { kind: 'top_values', column: 's', k: 3, maxDistinct: 2 },
        { kind: 'top_values', column: 's', k: 3, maxDistinct: 1, where: parseExpr('i < 32') },
        { kind: 'top_values', column: 'i', k: 1, maxDistinct: 1 },
      ];
      const metrics = specs.map((spec) => ({ key: metricKey(spec), spec }));
      const results = await computeSqlMetrics(
        { connection, relation: { kind: 'table', parts: ['t'] } },
        metrics,
        new Date('2024-06-01T00:00:00Z'),
      );
      const [over, within, filtered, key] = metrics.map((m) => results.get(m.key));
      expect(over).toEqual({ ok: true, value: { top: [], truncated: true } });
      expect(within).toEqual({
        ok: true,
        value: {
          top: [
            { value: 'x', count: 32 },
            { value: 'y', count: 8 },
          ],
          distinct: 2,
          truncated: false,
        },
      });
      expect(filtered).toEqual({ ok: true, value: { top: [{ value: 'x', count: 32 }], distinct: 1, truncated: false } });
      expect(key).toEqual({ ok: true, value: { top: [], truncated: true } });
    } finally {
      await connection.close();
    }
  });

  it('dates and timestamps are epoch milliseconds; samples show them as ISO text', async () => {
    const [maxDay, failures] = await compute([
      { kind: 'max', column: 'day' },
      { kind: 'predicate_failures', column: 'day', predicate: parseExpr("day < '2024-01-04'"), sampleSize: 1 },
    ]);
    expect(maxDay).toEqual({ ok: true, value: Date.UTC(2024, 0, 5) });
    expect(failures).toMatchObject({
      ok: true,
      value: { considered: 5, failed: 2, sample: [{ row: 5, values: { day: '2024-01-05', at: '2024-01-04T00:00:00.000Z' } }] },
    });
  });
});

describe('the DuckDB connection', () => {
  it('describes a relation from its catalog and names it for lineage', async () => {
    const { connection, file } = await duckdbTableOf({ columns: { id: 'int', name: 'string' }, rows: [] });
    expect(await connection.describe({ kind: 'table', parts: ['t'] })).toEqual([
      { name: 'id', arrowType: 'Int64', logical: { type: 'int', bits: 64, signed: true }, nullable: true },
      { name: 'name', arrowType: 'Utf8', logical: { type: 'string' }, nullable: true },
    ]);
    // A database file opens as the catalog named after the file: lineage names are database.schema.table.
    const database = path.basename(file).replace(/\.[^.]*$/, '');
    expect(connection.locate({ kind: 'table', parts: ['t'] })).toEqual({ namespace: `duckdb://${file}`, name: `${database}.main.t` });
    expect(connection.locate({ kind: 'table', parts: ['s', 't'] })).toEqual({ namespace: `duckdb://${file}`, name: `${database}.s.t` });
    expect(connection.locate({ kind: 'files', format: 'parquet', paths: ['/data/x.parquet'] })).toEqual({
      namespace: 'file',
      name: '/data/x.parquet',
    });
    await connection.close();
  });

  it('normalizes values: integers, decimals and hugeints to numbers, instants to epoch ms, NaN kept', async () => {
    const c = await openDuckdbConnection();
    const [row] = await c.query({
      sql: "SELECT 9007199254740991::BIGINT AS big, 12.34::DECIMAL(6,2) AS dec, 10::HUGEINT AS huge, DATE '1969-12-31' AS d, TIMESTAMP '1969-12-31 23:59:59.9995' AS ts, TIMESTAMPTZ '2024-01-01 00:00:00+02' AS tz, 'NaN'::DOUBLE AS nan, [1, 2] AS list, $1 AS p",
      params: ['bound'],
    });
    expect(row).toEqual({
      big: 9007199254740991,
      dec: 12.34,
      huge: 10,
      d: -86_400_000,
      ts: -1,
      tz: Date.UTC(2023, 11, 31, 22),
      nan: NaN,
      list: '[1, 2]',
      p: 'bound',
    });
    await c.close();
  });

  it('interrupts a statement that runs past the timeout', async () => {
    const c = await openDuckdbConnection({ timeoutMs: 200 });
    await expect(c.query({ sql: 'SELECT count(*) FROM range(1000000000000) a', params: [] })).rejects.toThrow(/statement timeout/);
    await c.close();
  });
});
