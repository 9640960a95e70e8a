import { describe, expect, it } from 'vitest';
import { checksFromContract } from '../../src/checks/from-contract.js';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { MetricSpec, MetricValue } from '../../src/model/metric.js';
import { evaluateWith, schemaOf } from '../support/evaluate-with.js';

const orders = defineContract({
  name: 'orders',
  columns: {
    order_id: col.int64().primaryKey(),
    amount: col.float64().nullable(),
    email: col.string().pii(),
    ordered_at: col.timestamp(),
  },
  freshness: { column: 'ordered_at', within: '24h' },
});
const allColumns = {
  columns: [
    { name: 'order_id', arrowType: 'Int64', logical: { type: 'int', bits: 64, signed: true }, nullable: false },
    { name: 'amount', arrowType: 'Float64', logical: { type: 'float', bits: 64 }, nullable: true },
    { name: 'email', arrowType: 'Utf8', logical: { type: 'string' }, nullable: false },
    { name: 'ordered_at', arrowType: 'Timestamp<MICROSECOND>', logical: { type: 'timestamp', unit: 'us' }, nullable: false },
  ],
} as MetricValue;
const failures = (considered: number, failed: number, values: Record<string, unknown> = {}) => ({
  considered,
  failed,
  sample: failed ? [{ row: 7, line: 8, values }] : [],
});

function run(suite: ReturnType<typeof defineSuite>, answer: (s: MetricSpec) => MetricValue | undefined) {
  return evaluateWith(orders, suite.checks, (spec) => {
    if (spec.kind === 'schema') return allColumns;
    const value = answer(spec);
    return value === undefined ? 0 : value;
  });
}

describe('row-level checks and mostly', () => {
  it('passes when the share of good rows reaches mostly, fails below it', () => {
    const suite = defineSuite(orders, (t) => [t.column('amount').notNull({ mostly: 0.9 })]);
    expect(run(suite, () => failures(100, 10))[0]).toMatchObject({ outcome: 'pass', rows: { considered: 100, failed: 10 } });
    const failed = run(suite, () => failures(100, 11))[0];
    expect(failed).toMatchObject({ outcome: 'fail', expected: 'no nulls for at least 90.0% of rows' });
    expect(failed.message).toBe('11 of 100 rows failed (11.0%)');
  });

  it('passes a row-level check over no rows: nothing contradicts it', () => {
    const suite = defineSuite(orders, (t) => [t.column('email').matches(/@/)]);
    expect(run(suite, () => failures(0, 0))[0].outcome).toBe('pass');
  });

  it('reports a failed warn-severity check as warn', () => {
    const suite = defineSuite(orders, (t) => [t.column('amount').between(0, 10).warn()]);
    expect(run(suite, () => failures(10, 1))[0].outcome).toBe('warn');
  });

  it('masks pii values in failing rows and keeps the rest', () => {
    const suite = defineSuite(orders, (t) => [t.column('email').matches(/@/)]);
    const result = run(suite, () => failures(10, 1, { email: 'bob@example', amount: 3, order_id: 1 }))[0];
    expect(result.failingRows).toEqual([{ row: 7, line: 8, values: { email: '***', amount: 3, order_id: 1 } }]);
  });

  it('never shows a column the contract does not declare, even if an engine sampled it', () => {
    const suite = defineSuite(orders, (t) => [t.column('email').matches(/@/)]);
    const result = run(suite, () => failures(10, 1, { email: 'bob@example', order_id: 1, phone: '+44 20 7946 0000', constructor: 'x' }))[0];
    expect(result.failingRows).toEqual([{ row: 7, line: 8, values: { email: '***', order_id: 1 } }]);
  });
});

describe('bounded statistics', () => {
  const moments = { count: 4, sum: 40, mean: 10, m2: 30 };

  it('derives mean, sum and sample standard deviation from one moments metric', () => {
    const suite = defineSuite(orders, (t) => [
      t.column('amount').mean().equals(10),
      t.column('amount').sum().between(0, 39),
      t.column('amount').stddev().between(3.16, 3.17),
    ]);
    const results = run(suite, (s) => (s.kind === 'moments' ? moments : undefined));
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'fail', 'pass']);
    expect(results[1]).toMatchObject({ observed: 40, expected: 'between 0 and 39', message: 'sum is 40, expected between 0 and 39' });
  });

  it.each(['sum', 'mean', 'stddev', 'median', 'min', 'max'] as const)('fails %s over no values with observed null', (stat) => {
    const suite = defineSuite(orders, (t) => [
      stat === 'median'
        ? t.column('amount').median().atLeast(0)
        : stat === 'min'
          ? t.column('amount').min().atLeast(0)
          : stat === 'max'
            ? t.column('amount').max().atLeast(0)
            : t.column('amount')[stat]().atLeast(0),
    ]);
    const [r] = run(suite, (s) =>
      s.kind === 'moments'
        ? { count: 0, sum: 0, mean: 0, m2: 0 }
        : s.kind === 'quantiles'
          ? []
          : s.kind === 'min' || s.kind === 'max'
            ? null
            : undefined,
    );
    expect(r).toMatchObject({ outcome: 'fail', observed: null });
  });

  it('needs two values for a sample standard deviation', () => {
    const suite = defineSuite(orders, (t) => [t.column('amount').stddev().atMost(1)]);
    const [r] = run(suite, () => ({ count: 1, sum: 5, mean: 5, m2: 0 }));
    expect(r).toMatchObject({ outcome: 'fail', observed: null, message: 'stddev has no value: it needs at least two non-null values' });
  });

  it('computes ratios over non-null rows and shares of a value', () => {
    const suite = defineSuite(orders, (t) => [t.column('amount').distinctRatio().atLeast(0.5), t.column('amount').share(3).atMost(0.1)]);
    const results = run(suite, (s) =>
      s.kind === 'row_count'
        ? 10
        : s.kind === 'null_count'
          ? 2
          : s.kind === 'distinct_count'
            ? 4
            : s.kind === 'value_count'
              ? 1
              : undefined,
    );
    expect(results.map((r) => [r.outcome, r.observed])).toEqual([
      ['pass', 0.5],
      ['fail', 0.125],
    ]);
  });

  it('compares dates as instants and shows them as ISO text', () => {
    const suite = defineSuite(orders, (t) => [t.column('ordered_at').max().atLeast('2024-05-01')]);
    const [r] = run(suite, (s) => (s.kind === 'max' ? Date.parse('2024-04-30T12:00:00Z') : undefined));
    expect(r).toMatchObject({ outcome: 'fail', observed: '2024-04-30T12:00:00.000Z' });
  });

  it('reads a bound without a zone as UTC, whatever the machine’s time zone (tests run in New York time)', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0);
    const suite = defineSuite(orders, (t) => [t.column('ordered_at').max().atLeast('2024-05-01T12:00:00')]);
    const [r] = run(suite, (s) => (s.kind === 'max' ? Date.parse('2024-05-01T12:00:00Z') : undefined));
    expect(r.outcome).toBe('pass');
  });

  it('turns a bound that is not a date into a check error, not a wrong comparison', () => {
    const suite = defineSuite(orders, (t) => [t.column('ordered_at').max().atLeast('yesterday')]);
    const [r] = run(suite, (s) => (s.kind === 'max' ? Date.parse('2024-05-01T12:00:00Z') : undefined));
    expect(r).toMatchObject({ outcome: 'error', message: expect.stringContaining("'yesterday' is not an ISO date") });
  });

  it('masks every value-bearing statistic of a pii column, whatever its type, and keeps counts', () => {
    const people = defineContract({
      name: 'people',
      columns: { age: col.int32().pii(), seen_at: col.timestamp().pii() },
      freshness: { column: 'seen_at', within: '24h' },
    });
    const checks = [
      ...checksFromContract(people),
      ...defineSuite(people, (t) => [
        t.column('age').max().atMost(40),
        t.column('age').mean().atLeast(0),
        t.column('age').quantile(0.9).atMost(100),
        t.column('age').nullCount().atMost(0),
      ]).checks,
    ];
    const results = evaluateWith(people, checks, (s) =>
      s.kind === 'schema'
        ? {
            columns: [
              { name: 'age', arrowType: 'Int32', logical: { type: 'int', bits: 32, signed: true }, nullable: true },
              { name: 'seen_at', arrowType: 'Timestamp<MICROSECOND>', logical: { type: 'timestamp', unit: 'us' }, nullable: true },
            ],
          }
        : s.kind === 'max'
          ? s.column === 'age'
            ? 41
            : Date.parse('2024-05-31T20:00:00Z')
          : s.kind === 'moments'
            ? { count: 2, sum: 74, mean: 37, m2: 32 }
            : s.kind === 'quantiles'
              ? [40.6]
              : s.kind === 'null_count'
                ? 0
                : { considered: 2, failed: 0, sample: [] },
    );
    const text = JSON.stringify(results.map((r) => [r.observed, r.message, r.failingRows, r.measure]));
    for (const leaked of ['41', '37', '40.6', '2024-05-31']) expect(text).not.toContain(leaked);
    // The structured measure is masked exactly as observed: values gone, bounds and counts kept.
    expect(results.find((r) => r.title.includes('quantile(0.9)'))?.measure).toEqual({
      type: 'statistic',
      statistic: 'quantile',
      p: 0.9,
      value: '***',
      bound: { min: null, max: 100, strict: false },
    });
    expect(results.find((r) => r.kind === 'freshness')?.measure).toEqual({
      type: 'freshness',
      newest: '***',
      withinMs: 86_400_000,
      now: '2024-06-01T00:00:00.000Z',
    });
    expect(results.find((r) => r.title.includes('null count'))?.measure).toMatchObject({ statistic: 'null_count', value: 0 });
    expect(results.find((r) => r.kind === 'column_stat' && r.title.includes('max'))).toMatchObject({ outcome: 'fail', observed: '***' });
    expect(results.find((r) => r.kind === 'freshness')).toMatchObject({ outcome: 'pass', observed: '***' });
    expect(results.find((r) => r.title.includes('null count'))).toMatchObject({ observed: 0 });
  });

  it('masks a min/max of a pii column', () => {
    const suite = defineSuite(orders, (t) => [t.column('email').min().atLeast('a')]);
    const [r] = run(suite, (s) => (s.kind === 'min' ? 'alice@example.com' : undefined));
    expect(r.observed).toBe('***');
    expect(r.message).not.toContain('alice');
  });
});

describe('checks that cannot run', () => {
  it('skips a check on a column the data lacks (the schema check fails for it)', () => {
    const checks = [
      ...checksFromContract(orders, ['amount']),
      ...defineSuite(orders, (t) => [t.column('amount').mean().atLeast(0)]).checks,
    ];
    const results = evaluateWith(orders, checks, (s) =>
      s.kind === 'schema'
        ? schemaOf('order_id', 'email', 'ordered_at')
        : s.kind === 'max'
          ? Date.parse('2024-05-31T12:00:00Z')
          : failures(1, 0),
    );
    expect(results.find((r) => r.kind === 'schema')).toMatchObject({ outcome: 'fail', message: "missing column 'amount'" });
    expect(results.find((r) => r.kind === 'column_stat')).toMatchObject({ outcome: 'skipped' });
  });

  it('turns a metric the engine could not compute into outcome error with its cause', () => {
    const suite = defineSuite(orders, (t) => [t.column('amount').mean().atLeast(0)]);
    const [r] = evaluateWith(orders, suite.checks, (s) =>
      s.kind === 'schema' ? allColumns : { ok: false, issue: { code: 'metric.unsupported_type', message: 'moments needs numbers' } },
    );
    expect(r).toMatchObject({ outcome: 'error', message: 'moments needs numbers', issue: { code: 'metric.unsupported_type' } });
  });
});

describe('contract checks', () => {
  const checks = checksFromContract(orders);
  const answer = (over: Partial<Record<MetricSpec['kind'], MetricValue>>) => (s: MetricSpec) =>
    (over[s.kind] ??
      (s.kind === 'schema' ? allColumns : s.kind === 'max' ? Date.parse('2024-05-31T12:00:00Z') : failures(10, 0))) as MetricValue;

  it('passes fresh, typed, complete, unique data', () => {
    const results = evaluateWith(orders, checks, answer({}));
    expect(results.filter((r) => r.outcome !== 'pass')).toEqual([]);
  });

  it('fails freshness when the newest value is older than the window', () => {
    const results = evaluateWith(orders, checks, answer({ max: Date.parse('2024-05-30T00:00:00Z') }));
    expect(results.find((r) => r.kind === 'freshness')).toMatchObject({
      outcome: 'fail',
      message: expect.stringContaining('is 2d old, more than 24h'),
    });
  });

  it('fails the type check when the data’s type is incompatible', () => {
    const schema = {
      columns: [
        { name: 'order_id', arrowType: 'Utf8', logical: { type: 'string' }, nullable: false },
        ...(allColumns as any).columns.slice(1),
      ],
    };
    const results = evaluateWith(orders, checks, answer({ schema } as never));
    expect(results.find((r) => r.kind === 'column_type' && r.column === 'order_id')).toMatchObject({
      outcome: 'fail',
      observed: 'string',
      expected: 'int64',
    });
  });

  it('reports values that did not parse, with their lines', () => {
    const results = evaluateWith(orders, checks, (s) =>
      s.kind === 'parse_failures' && s.column === 'amount' ? failures(10, 2, { amount: 'abc' }) : answer({})(s),
    );
    expect(results.find((r) => r.kind === 'column_type' && r.column === 'amount')).toMatchObject({
      outcome: 'fail',
      message: '2 values are not float64 (of 10)',
      failingRows: [{ row: 7, line: 8, values: { amount: 'abc' } }],
    });
  });
});
