import { afterAll, describe, expect, it } from 'vitest';
import { DUPLICATE_KEYS_READ_BACK } from '../../../src/engines/sql/compile-duplicates.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import type { SqlConnection, SqlRelation } from '../../../src/engines/sql/sql-connection.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { FailuresValue, MetricSpec } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { postgresUnderTest } from './postgres-tables.js';
import { arrowUnderTest, duckdbTableOf } from './tables.js';
import type { TestTable } from './tables.js';

/**
 * The unique check's metric (duplicate_count) on SQL engines: one GROUP BY scan gives the rows
 * that share a key and the duplicated keys; a second, bounded query reads the sample's rows only
 * when a sample is wanted and there are duplicates. Each answer is also the Arrow engine's.
 */
const table: TestTable = {
  columns: { id: 'int', code: 'string', at: 'timestamp', x: 'float' },
  rows: [
    [1, 'a', '2024-01-01T00:00:00Z', 1.5],
    [2, 'b', '2024-01-02T00:00:00.250Z', 'NaN'],
    [3, 'a', '2024-01-01T00:00:00Z', 2],
    [2, 'c', '2024-01-02T00:00:00.250Z', 'NaN'],
    [null, 'a', null, null],
    [null, 'a', null, null],
    [4, "o'brien", '2024-01-03T00:00:00Z', 1.5],
    [2, 'b', '2024-01-04T00:00:00Z', 3],
  ],
};

const specs: MetricSpec[] = [
  { kind: 'duplicate_count', columns: ['id'], sampleSize: 10 },
  { kind: 'duplicate_count', columns: ['code', 'at'], sampleSize: 10 },
  { kind: 'duplicate_count', columns: ['at'], sampleSize: 10 },
  { kind: 'duplicate_count', columns: ['x'], sampleSize: 10 },
  { kind: 'duplicate_count', columns: ['id'], sampleSize: 10, where: parseExpr("code != 'c'") },
  { kind: 'duplicate_count', columns: ['code'], sampleSize: 10, where: parseExpr('id > 2') },
];
const metrics = specs.map((spec) => ({ key: metricKey(spec), spec }));
const NOW = new Date('2024-06-01T00:00:00Z');

const rowsOf = (v: unknown) => (v as FailuresValue).sample.map((r) => r.row);

type Opened = { connection: SqlConnection; relation: SqlRelation; close(): Promise<void> };
const postgres = postgresUnderTest('duplicates');
const engines: { name: string; open(t: TestTable): Promise<Opened> }[] = [
  {
    name: 'duckdb',
    async open(t) {
      const { connection } = await duckdbTableOf(t);
      return { connection, relation: { kind: 'table', parts: ['t'] }, close: () => connection.close() };
    },
  },
  {
    name: 'postgres',
    async open(t) {
      const parts = await postgres.createTable(t);
      return { connection: await postgres.connection(), relation: { kind: 'table', parts }, close: async () => {} };
    },
  },
];

afterAll(() => postgres.close?.());

async function run(engine: (typeof engines)[number], t: TestTable, ms: typeof metrics) {
  const opened = await engine.open(t);
  try {
    const transfer = { queries: 0, rows: 0 };
    const results = await computeSqlMetrics({ connection: opened.connection, relation: opened.relation }, ms, NOW, {
      transfer,
      sampleColumns: Object.keys(t.columns),
    });
    return { values: ms.map((m) => results.get(m.key)), transfer };
  } finally {
    await opened.close();
  }
}

describe.each(engines)('duplicate keys on $name', (engine) => {
  it('counts every row sharing a key and samples the first of them, as the Arrow engine does', async () => {
    const [{ values }, arrow] = await Promise.all([run(engine, table, metrics), arrowUnderTest.compute(table, metrics, NOW)]);
    expect(values).toEqual(metrics.map((m) => arrow.get(m.key)));
    const [all, compound, instants, floats, filtered, strings] = values.map((v) => (v?.ok ? (v.value as FailuresValue) : v));
    expect(all).toMatchObject({ considered: 6, failed: 3 });
    expect(rowsOf(all)).toEqual([2, 4, 8]);
    expect((all as FailuresValue).sample[0].values).toEqual({ id: 2, code: 'b', at: '2024-01-02T00:00:00.250Z', x: 'NaN' });
    // a compound key: (a, 2024-01-01) twice; rows with a null part are not considered
    expect(compound).toMatchObject({ considered: 6, failed: 2 });
    expect(rowsOf(compound)).toEqual([1, 3]);
    // timestamps with milliseconds and NaN (one value, as in the Arrow engine) find their rows again
    expect(rowsOf(instants)).toEqual([1, 2, 3, 4]);
    expect(floats).toMatchObject({ considered: 6, failed: 4 });
    expect(rowsOf(floats)).toEqual([1, 2, 4, 7]);
    // `where` applies to the count and to the sample alike
    expect(rowsOf(filtered)).toEqual([2, 8]);
    expect(strings).toMatchObject({ considered: 2, failed: 0, sample: [] });
  });

  it('reads the sample rows with a second query only when a sample is wanted and there are duplicates', async () => {
    const one = (spec: MetricSpec) => [{ key: metricKey(spec), spec }];
    const unique: TestTable = { ...table, rows: table.rows.filter((r) => r[0] !== 2) };
    const sampled = await run(engine, table, one({ kind: 'duplicate_count', columns: ['id'], sampleSize: 10 }));
    const counted = await run(engine, table, one({ kind: 'duplicate_count', columns: ['id'], sampleSize: 0 }));
    const clean = await run(engine, unique, one({ kind: 'duplicate_count', columns: ['id'], sampleSize: 10 }));
    // the aggregate query (rows considered), the GROUP BY (rows failing, keys), the sample's rows
    expect(sampled.transfer.queries).toBe(3);
    expect(counted.transfer.queries).toBe(2);
    expect(counted.values[0]).toMatchObject({ ok: true, value: { considered: 6, failed: 3, sample: [] } });
    expect(clean.transfer.queries).toBe(2);
    expect(clean.values[0]).toMatchObject({ ok: true, value: { considered: 3, failed: 0, sample: [] } });
  });

  it(`counts every duplicate past the ${DUPLICATE_KEYS_READ_BACK} keys it reads back, and samples rows of those keys`, async () => {
    const keys = DUPLICATE_KEYS_READ_BACK + 50;
    const many: TestTable = {
      columns: { id: 'int' },
      rows: Array.from({ length: keys * 2 }, (_, i) => [keys - (i % keys)]),
    };
    const spec: MetricSpec = { kind: 'duplicate_count', columns: ['id'], sampleSize: 3 };
    const { values, transfer } = await run(engine, many, [{ key: metricKey(spec), spec }]);
    const value = values[0]?.ok ? (values[0].value as FailuresValue) : undefined;
    expect(value).toMatchObject({ considered: keys * 2, failed: keys * 2 });
    // rows 1 and 2 hold keys above the smallest ones read back, so the sample shows the first
    // rows whose key was read back: all real duplicates
    expect(value?.sample.every((r) => Number(r.values.id) <= DUPLICATE_KEYS_READ_BACK)).toBe(true);
    expect(value?.sample).toHaveLength(3);
    expect(transfer.rows).toBe(1 + DUPLICATE_KEYS_READ_BACK + 3);
  });
});
