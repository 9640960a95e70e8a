import { describe, expect, it } from 'vitest';
import { columnMetricsOf } from '../../src/reporters/openlineage/column-metrics.js';
import type { Approximation } from '../../src/model/metric.js';
import type { DatasetResult } from '../../src/model/result.js';
import { check } from './sample-run.js';

/** A column_stat result as the runner writes it: the statistic is read from its measure, never its message. */
const stat = (
  column: string,
  statistic: string,
  value: number,
  extra: Partial<Parameters<typeof check>[0]> & { p?: number; approximate?: Approximation } = {},
) => {
  const { p, approximate, ...rest } = extra;
  const measure = {
    type: 'statistic' as const,
    statistic,
    ...(p !== undefined && { p }),
    ...(approximate && { approximate }),
    value,
    bound: { min: null, max: 1e9, strict: false },
  };
  return check({
    id: `d.${column}.${statistic}.${p}`,
    kind: 'column_stat',
    column,
    title: 'any title',
    outcome: 'pass',
    observed: value,
    message: 'any message',
    measure,
    ...rest,
  });
};

function dataset(): DatasetResult {
  return {
    name: 'd',
    rowCount: 10,
    issues: [],
    durationMs: 1,
    columns: [
      { name: 'amount', type: 'int32', pii: false, nullCount: 1, distinctCount: 7, min: 1, max: 90 },
      { name: 'salary', type: 'int32', pii: true, nullCount: 0, min: 1000, max: 9000 },
      { name: 'day', type: 'date', pii: false, nullCount: 0, min: '2018-01-01', max: '2018-04-09' },
    ],
    checks: [
      stat('amount', 'quantile', 88, { p: 0.95 }),
      stat('amount', 'median', 40, { p: 0.5 }),
      // Estimates are left out; an "approximate" answer PostgreSQL computed exactly is a value like any other.
      stat('amount', 'quantile', 80, { p: 0.9, approximate: { method: 'ddsketch', relativeAccuracy: 0.01 } }),
      stat('amount', 'quantile', 10, { p: 0.1, approximate: { method: 'exact', error: 0 } }),
      stat('amount', 'sum', 400),
      stat('amount', 'quantile', 3, { p: 0.25, where: 'amount > 2' }),
      stat('amount', 'mean', 44),
      stat('salary', 'quantile', 5000, { p: 0.5 }),
    ],
  };
}

describe('dataQualityMetrics from a DatasetResult', () => {
  it('counts for every column; min/max/sum/quantiles only as numbers, never of pii columns, filtered checks or estimates', () => {
    expect(columnMetricsOf(dataset())).toEqual({
      rowCount: 10,
      columnMetrics: {
        amount: { nullCount: 1, distinctCount: 7, count: 9, min: 1, max: 90, sum: 400, quantiles: { '0.95': 88, '0.5': 40, '0.1': 10 } },
        salary: { nullCount: 0, count: 10 },
        day: { nullCount: 0, count: 10 },
      },
    });
  });

  it('takes nothing from a result written before measures existed (its message is not parsed)', () => {
    const old = check({
      id: 'd.amount.q',
      kind: 'column_stat',
      column: 'amount',
      title: 'amount quantile(0.9) at most 99',
      outcome: 'pass',
      observed: 70,
      message: 'quantile(0.9) is 70',
    });
    expect(columnMetricsOf({ ...dataset(), checks: [old] })?.columnMetrics.amount).toEqual({
      nullCount: 1,
      distinctCount: 7,
      count: 9,
      min: 1,
      max: 90,
    });
  });

  it('nothing known: no facet', () => {
    expect(columnMetricsOf({ ...dataset(), rowCount: undefined, columns: [], checks: [] })).toBeUndefined();
  });
});
