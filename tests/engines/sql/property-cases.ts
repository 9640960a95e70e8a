import fc from 'fast-check';
import { expect } from 'vitest';
import { exprColumns } from '../../../src/expr/expr-columns.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { Expr } from '../../../src/model/expr.js';
import type { FailuresValue, MetricOutcome, MetricSpec, MomentsValue, PlannedMetric } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';
import { closeTo } from '../../conformance/close-to.js';
import { arrowUnderTest } from './tables.js';
import type { EngineUnderTest, TestTable } from './tables.js';

/**
 * Random tables (nulls, NaN, -0, empty strings, duplicates, extreme numbers, unicode, quotes) give
 * the same metrics on the Arrow engine and on the SQL engines (DuckDB, PostgreSQL). Strings avoid U+E000..U+FFFF: JavaScript
 * orders them after astral characters (UTF-16 code units), SQL engines before (code points).
 */
const unicodeChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0xd7ff }), fc.integer({ min: 0x10000, max: 0x10ffff }))
  .map((c) => String.fromCodePoint(c));
const text = fc.oneof(
  fc.constantFrom('', 'a', 'A', 'é', 'abc', '名前', '😀', "O'Brien", 'back\\slash', 'x"; DROP TABLE t; --'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: unicodeChar, maxLength: 3 }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 5, nil: null });
const int = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 40));
const float = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(Number.NaN, -0, 0, 0.1, 1e15, -1e-300, 2.5));
const row = fc.tuple(maybe(int), maybe(float), maybe(text), maybe(fc.boolean()));
export const tables: fc.Arbitrary<TestTable> = fc
  .array(row, { maxLength: 30 })
  .map((rows) => ({ columns: { i: 'int', f: 'float', s: 'string', b: 'bool' }, rows }));

const specs: MetricSpec[] = [
  { kind: 'row_count' },
  { kind: 'row_count', where: parseExpr('f > 0 or b') },
  { kind: 'null_count', column: 's' },
  { kind: 'null_count', column: 'f', where: parseExpr('i >= 0') },
  { kind: 'min', column: 'i' },
  { kind: 'max', column: 'f' },
  { kind: 'min', column: 'f', where: parseExpr('not b') },
  { kind: 'min', column: 's' },
  { kind: 'max', column: 's' },
  { kind: 'moments', column: 'f' },
  { kind: 'moments', column: 'i', where: parseExpr("s != ''") },
  { kind: 'quantiles', column: 'f', probs: [0, 0.3, 0.5, 1] },
  { kind: 'distinct_count', columns: ['i'] },
  { kind: 'distinct_count', columns: ['f'] },
  { kind: 'distinct_count', columns: ['s'] },
  { kind: 'distinct_count', columns: ['s', 'i'] },
  { kind: 'duplicate_count', columns: ['s'], sampleSize: 0 },
  { kind: 'duplicate_count', columns: ['i', 'b'], sampleSize: 0 },
  { kind: 'value_count', column: 's', value: 'a' },
  { kind: 'predicate_failures', column: 'f', predicate: parseExpr('f >= 0 and f <= 100'), sampleSize: 3 },
  { kind: 'predicate_failures', column: 's', predicate: parseExpr('length(s) between 1 and 2'), sampleSize: 3 },
  { kind: 'predicate_failures', column: 's', predicate: parseExpr("s in ('a', 'é', '') or s < 'b'"), sampleSize: 3 },
  { kind: 'predicate_failures', column: 's', predicate: parseExpr("matches(s, '^[a-z\\s]+$', 'i')"), sampleSize: 3 },
  {
    kind: 'predicate_failures',
    column: 'i',
    predicate: parseExpr('i % 3 = 0 or i * 2 > 5'),
    where: parseExpr('b is not null'),
    sampleSize: 3,
  },
  { kind: 'predicate_failures', predicate: parseExpr('coalesce(f, 0) != 0 and not is_nan(f)'), includeNulls: true, sampleSize: 3 },
  { kind: 'histogram', column: 'f', bins: 5 },
  { kind: 'histogram', column: 'i', bins: 3, where: parseExpr('b') },
  { kind: 'top_values', column: 's', k: 3, maxDistinct: 20 },
  { kind: 'top_values', column: 'f', k: 4, maxDistinct: 50 },
  { kind: 'top_values', column: 'b', k: 2, maxDistinct: 5 },
];
export const metrics: PlannedMetric[] = specs.map((spec) => ({ key: metricKey(spec), spec }));

/** Moments compare relative to the data's scale: engines sum in different orders. */
export function same(spec: MetricSpec, a: MetricOutcome, b: MetricOutcome, table: TestTable): boolean {
  if (!a.ok || !b.ok) return !a.ok && !b.ok && a.issue.code === b.issue.code;
  if (spec.kind === 'moments') {
    const x = a.value as MomentsValue;
    const y = b.value as MomentsValue;
    const col = spec.column === 'f' ? 1 : 0;
    const values = table.rows.map((r) => r[col]).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    const scale = values.reduce((s, v) => s + Math.abs(v), 0) + 1;
    const near = (p: number, q: number, s: number) => Math.abs(p - q) <= 1e-9 * s;
    return x.count === y.count && near(x.sum, y.sum, scale) && near(x.mean, y.mean, scale) && near(x.m2, y.m2, scale * scale);
  }
  if (spec.kind === 'duplicate_count') {
    const x = a.value as FailuresValue;
    const y = b.value as FailuresValue;
    return x.considered === y.considered && x.failed === y.failed;
  }
  return closeTo(a.value, b.value);
}

export interface PropertyOptions {
  /** Columns the engine cannot hold (ClickHouse 18.16 has no Bool type): left out, with every metric that reads them. */
  without?: string[];
  /** `sql.unsupported` (the engine refuses what it cannot do exactly) counts as agreeing. */
  refusalsAgree?: boolean;
}

/** The columns a metric reads: its column(s), and those of its filter and predicate. */
function columnsOf(spec: MetricSpec): string[] {
  const s = spec as { column?: string; columns?: string[]; where?: Expr; predicate?: Expr };
  return [
    ...(s.column ? [s.column] : []),
    ...(s.columns ?? []),
    ...(s.where ? exprColumns(s.where) : []),
    ...(s.predicate ? exprColumns(s.predicate) : []),
  ];
}

function withoutColumns(table: TestTable, without: string[]): TestTable {
  const names = Object.keys(table.columns);
  const keep = names.map((n, i) => [n, i] as const).filter(([n]) => !without.includes(n));
  return { columns: Object.fromEntries(keep.map(([n]) => [n, table.columns[n]])), rows: table.rows.map((r) => keep.map(([, i]) => r[i])) };
}

/** Asserts that `engine` gives the Arrow engine's answer for every metric on `runs` random tables. */
export async function agreesWithArrow(engine: EngineUnderTest, runs: number, options: PropertyOptions = {}): Promise<void> {
  const now = new Date('2024-06-01T00:00:00Z');
  const without = options.without ?? [];
  const checked = metrics.filter((m) => !columnsOf(m.spec).some((c) => without.includes(c)));
  await fc.assert(
    fc.asyncProperty(tables, async (full) => {
      const table = without.length > 0 ? withoutColumns(full, without) : full;
      const [a, b] = await Promise.all([arrowUnderTest.compute(table, checked, now), engine.compute(table, checked, now)]);
      const refused = (o: MetricOutcome) => options.refusalsAgree === true && !o.ok && o.issue.code === 'sql.unsupported';
      const wrong = checked
        .filter((m) => !refused(b.get(m.key)!) && !same(m.spec, a.get(m.key)!, b.get(m.key)!, table))
        .map((m) => ({ metric: m.key, arrow: a.get(m.key), [engine.name]: b.get(m.key) }));
      expect(wrong).toEqual([]);
    }),
    { numRuns: runs },
  );
}
