import { afterAll, describe, expect, it } from 'vitest';
import { parseExpr } from '../../../../../src/expr/parse-expr.js';
import { computeSqlMetrics } from '../../../../../src/engines/sql/sql-engine.js';
import type { MetricSpec } from '../../../../../src/model/metric.js';
import { metricKey } from '../../../../../src/plan/metric-key.js';
import { postgresUnderTest } from '../../postgres-tables.js';

/**
 * PostgreSQL's numeric, constrained or not, accepts 'NaN' (sorted above every number, NaN sums).
 * The Arrow engine never sees a NaN decimal, and JavaScript leaves NaN out of min, max, moments
 * and top values: a numeric column is read like a float column, so one NaN row changes nothing
 * but the NaN-aware counts.
 */
const engine = postgresUnderTest('numeric_nan');
afterAll(() => engine.close?.());

describe('numeric NaN on PostgreSQL', () => {
  it.each(['numeric(10,2)', 'numeric'])('%s: NaN is left out like a float NaN', async (type) => {
    const client = await engine.admin();
    const name = type === 'numeric' ? 'plain' : 'scaled';
    await client.query(
      `CREATE TABLE numeric_nan.${name} (x ${type}); INSERT INTO numeric_nan.${name} VALUES (1.5), ('NaN'), (-2), (NULL), (1.5)`,
    );
    const specs: Record<string, MetricSpec> = {
      min: { kind: 'min', column: 'x' },
      max: { kind: 'max', column: 'x' },
      moments: { kind: 'moments', column: 'x' },
      nulls: { kind: 'null_count', column: 'x' },
      positive: { kind: 'row_count', where: parseExpr('x > 0') },
      notEqual: { kind: 'row_count', where: parseExpr('x != 1.5') },
      top: { kind: 'top_values', column: 'x', k: 5, maxDistinct: 10 },
      histogram: { kind: 'histogram', column: 'x', bins: 2 },
    };
    const metrics = Object.values(specs).map((spec) => ({ key: metricKey(spec), spec }));
    const results = await computeSqlMetrics(
      { connection: await engine.connection(), relation: { kind: 'table', parts: ['numeric_nan', name] } },
      metrics,
      new Date(),
    );
    const value = (k: string) => {
      const r = results.get(metricKey(specs[k]))!;
      if (!r.ok) throw new Error(`${k}: ${r.issue.message}`);
      return r.value;
    };
    expect(value('min')).toBe(-2);
    expect(value('max')).toBe(1.5);
    expect(value('moments')).toEqual({ count: 3, sum: 1, mean: 1 / 3, m2: expect.closeTo(8.1666666667, 9) });
    expect(value('nulls')).toBe(1);
    expect(value('positive')).toBe(2);
    expect(value('notEqual')).toBe(2); // -2 and NaN: NaN != 1.5 is true in JavaScript
    expect(value('top')).toEqual({
      top: [
        { value: 1.5, count: 2 },
        { value: -2, count: 1 },
      ],
      distinct: 2,
      truncated: false,
    });
    expect(value('histogram')).toEqual({ min: -2, max: 1.5, counts: [1, 2] });
  });
});
