import { describe, expect, it } from 'vitest';
import { checksFromContract } from '../../src/checks/from-contract.js';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { MetricSpec, MetricValue } from '../../src/model/metric.js';
import type { CheckResult } from '../../src/model/result.js';
import { evaluateWith } from '../support/evaluate-with.js';

/**
 * Every check that runs says what it measured and what it was held to as data (CheckResult.measure),
 * so a reporter reads a quantile's p or a bound without parsing the message.
 */
const orders = defineContract({
  name: 'orders',
  extraColumns: 'forbid',
  columns: {
    order_id: col.int64().primaryKey(),
    amount: col.float64().nullable(),
    ordered_at: col.timestamp(),
  },
  freshness: { column: 'ordered_at', within: '24h' },
});
const schema = {
  columns: [
    { name: 'order_id', arrowType: 'Utf8', logical: { type: 'string' }, nullable: false },
    { name: 'amount', arrowType: 'Float64', logical: { type: 'float', bits: 64 }, nullable: true },
    { name: 'ordered_at', arrowType: 'Timestamp<MICROSECOND>', logical: { type: 'timestamp', unit: 'us' }, nullable: false },
    { name: 'note', arrowType: 'Utf8', logical: { type: 'string' }, nullable: true },
  ],
} as MetricValue;
const suite = defineSuite(orders, (t) => [
  t.rowCount().between(1, 100),
  t.columnCount().atMost(3),
  t.column('amount').notNull({ mostly: 0.5 }),
  t.column('amount').quantile(0.95).atMost(2_000, { strict: true }),
  t.column('amount').median().atLeast(1),
  t.column('amount').share(3).atMost(0.5),
  t.column('ordered_at').max().atLeast('2024-01-01'),
]);
const answer = (s: MetricSpec): MetricValue => {
  switch (s.kind) {
    case 'schema':
      return schema;
    case 'row_count':
      return 10;
    case 'null_count':
      return 2;
    case 'value_count':
      return 4;
    case 'quantiles':
      return s.probs.map((p) => (p === 0.5 ? 40 : 1999.5));
    case 'max':
      return Date.parse('2024-05-31T12:00:00Z');
    default:
      return { considered: 10, failed: 3, sample: [] };
  }
};
const results = evaluateWith(orders, [...checksFromContract(orders), ...suite.checks], answer);
const byTitle = (part: string): CheckResult => {
  const found = results.find((r) => r.title.includes(part));
  if (!found) throw new Error(`no check titled like ${part}: ${results.map((r) => r.title).join('; ')}`);
  return found;
};

describe('structured measures', () => {
  it('row-level checks: rows considered and failed, and the share that had to pass', () => {
    expect(byTitle('amount is not null').measure).toEqual({ type: 'rows', considered: 10, failed: 3, mostly: 0.5 });
    expect(byTitle('order_id is unique').measure).toEqual({ type: 'rows', considered: 10, failed: 3, mostly: 1 });
  });

  it('statistics: the statistic, p for quantiles and the median, the value of a share, the value and the bound', () => {
    expect(byTitle('quantile(0.95)').measure).toEqual({
      type: 'statistic',
      statistic: 'quantile',
      p: 0.95,
      value: 1999.5,
      bound: { min: null, max: 2000, strict: true },
    });
    expect(byTitle('median').measure).toEqual({
      type: 'statistic',
      statistic: 'median',
      p: 0.5,
      value: 40,
      bound: { min: 1, max: null, strict: false },
    });
    expect(byTitle('share of 3').measure).toEqual({
      type: 'statistic',
      statistic: 'share',
      shareOf: 3,
      value: 0.5,
      bound: { min: null, max: 0.5, strict: false },
    });
    // Dates and timestamps as ISO text, as in observed; the bound as written.
    expect(byTitle('ordered_at max').measure).toEqual({
      type: 'statistic',
      statistic: 'max',
      value: '2024-05-31T12:00:00.000Z',
      bound: { min: '2024-01-01', max: null, strict: false },
    });
  });

  it('row and column counts with their bounds', () => {
    expect(byTitle('row count').measure).toEqual({ type: 'count', of: 'rows', value: 10, bound: { min: 1, max: 100, strict: false } });
    expect(byTitle('column count').measure).toEqual({
      type: 'count',
      of: 'columns',
      value: 4,
      bound: { min: null, max: 3, strict: false },
    });
  });

  it('freshness: the newest value, its age when the run started, the limit', () => {
    expect(byTitle('fresher than').measure).toEqual({
      type: 'freshness',
      newest: '2024-05-31T12:00:00.000Z',
      ageMs: 12 * 3_600_000,
      withinMs: 24 * 3_600_000,
      now: '2024-06-01T00:00:00.000Z',
    });
  });

  it('schema: the data’s columns, the missing and the unexpected; a type mismatch: expected and found', () => {
    expect(byTitle('columns match the contract exactly').measure).toEqual({
      type: 'schema',
      columns: ['order_id', 'amount', 'ordered_at', 'note'],
      missing: [],
      unexpected: ['note'],
    });
    expect(byTitle('order_id is int64').measure).toEqual({ type: 'type', expected: 'int64', found: 'string' });
  });

  it('messages stay as they were: the measure adds data, it does not replace words', () => {
    expect(byTitle('quantile(0.95)').message).toBe('quantile(0.95) is 1999.5');
    expect(byTitle('row count').message).toBe('10 rows');
  });
});
