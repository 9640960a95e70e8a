import { describe, expect, it } from 'vitest';
import { columnMetricsOf } from '../../src/reporters/openlineage/column-metrics.js';
import type { DatasetResult } from '../../src/model/result.js';
import { check } from './sample-run.js';

const stat = (column: string, message: string, observed: unknown, extra: Partial<Parameters<typeof check>[0]> = {}) =>
  check({ id: `d.${column}.${message}`, kind: 'column_stat', column, title: 'any title', outcome: 'pass', observed, message, ...extra });

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
      stat('amount', 'quantile(0.95) is 88', 88),
      stat('amount', 'median is 40', 40),
      stat('amount', 'sum is 400', 400),
      stat('amount', 'quantile(0.25) is 3', 3, { where: 'amount > 2' }),
      stat('amount', 'mean is 44', 44),
      stat('salary', 'quantile(0.5) is 5000', 5000),
    ],
  };
}

describe('dataQualityMetrics from a DatasetResult', () => {
  it('counts for every column; min/max/sum/quantiles only as numbers, never of pii columns nor of filtered checks', () => {
    expect(columnMetricsOf(dataset())).toEqual({
      rowCount: 10,
      columnMetrics: {
        amount: { nullCount: 1, distinctCount: 7, count: 9, min: 1, max: 90, sum: 400, quantiles: { '0.95': 88, '0.5': 40 } },
        salary: { nullCount: 0, count: 10 },
        day: { nullCount: 0, count: 10 },
      },
    });
  });

  it('nothing known: no facet', () => {
    expect(columnMetricsOf({ ...dataset(), rowCount: undefined, columns: [], checks: [] })).toBeUndefined();
  });
});
