import { describe, expect, it } from 'vitest';
import type { HistoryContext } from '../../../src/checks/check-kind.js';
import { col, defineContract, defineSuite } from '../../../src/index.js';
import type { HistoryPoint } from '../../../src/model/history.js';
import type { MetricSpec, MetricValue } from '../../../src/model/metric.js';
import { evaluateWith } from '../../support/evaluate-with.js';

const orders = defineContract({
  name: 'orders',
  columns: { amount: col.float64().nullable(), email: col.string().pii() },
});
const schema = {
  columns: [
    { name: 'amount', arrowType: 'Float64', logical: { type: 'float', bits: 64 }, nullable: true },
    { name: 'email', arrowType: 'Utf8', logical: { type: 'string' }, nullable: false },
  ],
} as MetricValue;
const now = new Date('2024-06-10T00:00:00Z');
const day = 86_400_000;
/** One point a day before `now`, the last one yesterday. */
const daily = (values: number[]): HistoryPoint[] =>
  values.map((value, i) => ({ runId: `r${i}`, at: new Date(now.getTime() - (values.length - i) * day).toISOString(), value }));
const on = (points: Record<string, HistoryPoint[]>): HistoryContext => ({ state: 'on', points });

function evaluate(suite: ReturnType<typeof defineSuite>, history: HistoryContext | undefined, rows = 1000, nulls = 0) {
  return evaluateWith(
    orders,
    suite.checks,
    (spec: MetricSpec) => (spec.kind === 'schema' ? schema : spec.kind === 'row_count' ? rows : spec.kind === 'null_count' ? nulls : 0),
    { now, ...(history && { history }) },
  );
}

describe('change checks', () => {
  const suite = defineSuite(orders, (t) => [t.rowCount().change().atMost('20%')]);

  it('fails a row count that halved since the last run, in either direction, and passes a small change', () => {
    const [halved] = evaluate(suite, on({ row_count: daily([1000, 990, 1000]) }), 500);
    expect(halved.outcome).toBe('fail');
    expect(halved.message).toBe('500, was 1000 (-50%), expected at most 20% since the last run');
    expect(halved.measure).toMatchObject({ type: 'change', baseline: 1000, change: -0.5, baselineRun: { runId: 'r2' } });
    expect(evaluate(suite, on({ row_count: daily([1000]) }), 1300)[0].outcome).toBe('fail');
    expect(evaluate(suite, on({ row_count: daily([1000]) }), 1100)[0].outcome).toBe('pass');
    expect(halved.metric).toEqual({ name: 'row_count', value: 500 });
  });

  it('bounds a signed absolute change with between()', () => {
    const abs = defineSuite(orders, (t) => [t.rowCount().change().between(-100, 100)]);
    expect(evaluate(abs, on({ row_count: daily([1000]) }), 1100)[0].outcome).toBe('pass');
    expect(evaluate(abs, on({ row_count: daily([1000]) }), 1101)[0].message).toBe(
      '1101, was 1000 (+101), expected between -100 and 100 since the last run',
    );
  });

  it("compares with the value as of a week ago with { over: '7d' }", () => {
    const weekly = defineSuite(orders, (t) => [t.rowCount().change({ over: '7d' }).atMost('10%')]);
    // Eight daily points, the last yesterday: the newest at least 7 days old is the second (500).
    const [r] = evaluate(weekly, on({ row_count: daily([400, 500, 1000, 1000, 1000, 1000, 1000, 1000]) }), 1000);
    expect(r.outcome).toBe('fail');
    expect(r.measure).toMatchObject({ baseline: 500, overMs: 7 * day });
  });

  it('passes with a note when there is nothing to compare with, or the history is off; errors when it is unavailable', () => {
    const [first] = evaluate(suite, on({}), 500);
    expect(first).toMatchObject({ outcome: 'pass', note: expect.stringContaining('no earlier run yet (0 earlier values)') });
    const [off] = evaluate(suite, { state: 'off', reason: 'the metric history is off (--no-history)' }, 500);
    expect(off.note).toBe('not compared: the metric history is off (--no-history)');
    const issue = { code: 'history.unavailable' as const, message: 'the metric history x could not be used: disk full' };
    expect(evaluate(suite, { state: 'unavailable', issue }, 500)[0]).toMatchObject({ outcome: 'error', issue });
  });

  it('tracks a filtered metric under its own name', () => {
    const filtered = defineSuite(orders, (t) => [t.rowCount().change().atMost('20%').where('amount > 0')]);
    const [r] = evaluateWith(orders, filtered.checks, (s) => (s.kind === 'schema' ? schema : 10), {
      now,
      history: on({}),
      parseWhere: () => ({ op: 'col', name: 'amount' }),
    });
    expect(r.metric?.name).toBe('row_count where amount');
  });
});

describe('anomaly checks', () => {
  const suite = defineSuite(orders, (t) => [t.column('amount').nullRatio().anomaly({ runs: 10, sensitivity: 3 })]);
  const steady = daily([0.01, 0.011, 0.009, 0.01, 0.012, 0.01, 0.009, 0.011, 0.01, 0.01]);

  it('fails a null ratio that crept out of its band and passes one inside it', () => {
    const [crept] = evaluate(suite, on({ 'amount.null_ratio': steady }), 1000, 30);
    expect(crept.outcome).toBe('fail');
    expect(crept.measure).toMatchObject({ type: 'anomaly', runs: 10, median: 0.01, value: 0.03 });
    expect(crept.message).toMatch(/^0\.03 outside the band 0\.00\d+\.\.0\.01\d+ \(median 0\.01 of the last 10 runs\)$/);
    expect(evaluate(suite, on({ 'amount.null_ratio': steady }), 1000, 11)[0].outcome).toBe('pass');
  });

  it('passes with a note below minRuns earlier values', () => {
    const [r] = evaluate(suite, on({ 'amount.null_ratio': steady.slice(0, 4) }), 1000, 500);
    expect(r).toMatchObject({
      outcome: 'pass',
      note: expect.stringContaining('4 earlier values of amount.null_ratio, the band needs at least 5'),
    });
  });
});

describe('pii columns', () => {
  it('tracks counts of a pii column and refuses its values', () => {
    const counts = defineSuite(orders, (t) => [t.column('email').nullRatio().change().atMost('5%')]);
    expect(evaluate(counts, on({}))[0].metric).toEqual({ name: 'email.null_ratio', value: 0 });
    // A value statistic of a pii column is a compile error on .change(); at run time it is refused.
    const values = defineSuite(orders, (t) => [(t.column('email').min() as never as ReturnType<typeof t.rowCount>).change().atMost(1)]);
    const [refused] = evaluate(values, on({}));
    expect(refused).toMatchObject({ outcome: 'error', issue: { code: 'history.pii_value' } });
    expect(refused.metric).toBeUndefined();
  });
});

describe('the DSL', () => {
  it('rejects limits that are neither numbers nor percentages, mixed ends, and bad anomaly options, at the call', () => {
    expect(() =>
      defineSuite(orders, (t) => [
        t
          .rowCount()
          .change()
          .atMost('twenty' as never),
      ]),
    ).toThrow(/a change limit is a number or a percentage/);
    expect(() => defineSuite(orders, (t) => [t.rowCount().change().between('-10%', 10)])).toThrow(/two numbers or two percentages/);
    expect(() => defineSuite(orders, (t) => [t.rowCount().change({ over: 'a week' }).atMost(1)])).toThrow(/takes a duration/);
    expect(() => defineSuite(orders, (t) => [t.rowCount().anomaly({ runs: 3, minRuns: 5 })])).toThrow(/minRuns/);
    expect(() => defineSuite(orders, (t) => [t.rowCount().anomaly({ sensitivty: 3 } as never)])).toThrow(/unknown option 'sensitivty'/);
  });
});
