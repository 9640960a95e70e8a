import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../../src/index.js';
import type { MetricSpec, MetricValue, TopValuesValue } from '../../../src/model/metric.js';
import { evaluateWith } from '../../support/evaluate-with.js';

const shop = defineContract({
  name: 'shop',
  columns: { status: col.string(), email: col.string().pii(), amount: col.float64() },
});
const schema = {
  columns: ['status', 'email', 'amount'].map((name) => ({
    name,
    arrowType: 'Utf8',
    logical: { type: 'string' as const },
    nullable: false,
  })),
} as MetricValue;
const counts = (pairs: [string, number][]): TopValuesValue => ({
  top: pairs.map(([value, count]) => ({ value, count })),
  distinct: pairs.length,
  truncated: false,
});

function run(suite: ReturnType<typeof defineSuite>, answer: (s: MetricSpec) => MetricValue) {
  return evaluateWith(shop, suite.checks, (spec) => (spec.kind === 'schema' ? schema : answer(spec)));
}

describe('mostCommon().oneOf', () => {
  it('passes when the most frequent value is listed, and states it with its count', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').mostCommon().oneOf(['paid'])]);
    const [r] = run(suite, () =>
      counts([
        ['paid', 7],
        ['open', 2],
      ]),
    );
    expect(r).toMatchObject({ outcome: 'pass', message: "most common: 'paid' (7 rows)" });
    expect(r.measure).toMatchObject({ type: 'value_set', of: 'most_common', mostCommon: { values: ['paid'], count: 7 }, unexpected: [] });
  });

  it('fails on a tie unless every tied value is listed', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').mostCommon().oneOf(['paid'])]);
    const [r] = run(suite, () =>
      counts([
        ['open', 5],
        ['paid', 5],
        ['void', 1],
      ]),
    );
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe("most common: 'open', 'paid' (5 rows each, tied); not in the list: 'open'");
  });

  it('fails a column with no values: it has no most common value', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').mostCommon().oneOf(['paid'])]);
    expect(run(suite, () => counts([]))[0]).toMatchObject({ outcome: 'fail' });
  });
});

describe('distinctValues()', () => {
  const observed = () =>
    counts([
      ['paid', 3],
      ['open', 2],
      ['lost', 1],
    ]);

  it('within: lists the values outside the list', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').distinctValues().within(['paid', 'open'])]);
    const [r] = run(suite, observed);
    expect(r).toMatchObject({ outcome: 'fail', measure: { rule: 'within', unexpected: ['lost'], unexpectedCount: 1, missing: [] } });
    // Reports print the column's distinct values beside the expected list.
    expect(r.observed).toEqual(['lost', 'open', 'paid']);
  });

  it('contains: lists the listed values the column lacks', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').distinctValues().contains(['paid', 'refunded'])]);
    const [r] = run(suite, observed);
    expect(r).toMatchObject({ outcome: 'fail', measure: { rule: 'contains', missing: ['refunded'], unexpected: [] } });
  });

  it('equals: passes on the same set, and reports both sides otherwise', () => {
    const same = defineSuite(shop, (t) => [t.column('status').distinctValues().equals(['lost', 'open', 'paid'])]);
    expect(run(same, observed)[0].outcome).toBe('pass');
    const other = defineSuite(shop, (t) => [t.column('status').distinctValues().equals(['open', 'paid', 'new'])]);
    expect(run(other, observed)[0]).toMatchObject({ outcome: 'fail', measure: { missing: ['new'], unexpected: ['lost'] } });
  });

  it('masks every listed value on a pii column, and keeps the counts', () => {
    const suite = defineSuite(shop, (t) => [t.column('email').distinctValues().within(['a@x'])]);
    const [r] = run(suite, () => counts([['bob@example.com', 1]]));
    expect(r.measure).toMatchObject({ unexpected: ['***'], unexpectedCount: 1 });
    expect(JSON.stringify(r)).not.toContain('bob@example.com');
  });

  it('ends metric.too_many_values on a column with more distinct values than it counts', () => {
    const suite = defineSuite(shop, (t) => [t.column('email').distinctValues().within(['a@x'])]);
    const [r] = run(suite, () => ({ top: [], truncated: true }));
    expect(r).toMatchObject({ outcome: 'error', issue: { code: 'metric.too_many_values' } });
  });

  it('refuses an empty list where the check is written', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').distinctValues().within([])]);
    expect(suite.checks).toEqual([]);
    expect(suite.invalid).toMatchObject([
      { code: 'check.invalid_option', message: 'status: distinctValues() needs a non-empty list of values' },
    ]);
  });
});

describe('length statistics, entropy and approximate statistics', () => {
  const lengths = { count: 4, min: 1, max: 10, sum: 18 };

  it('reads min, mean and max length from one metric', () => {
    const suite = defineSuite(shop, (t) => [
      t.column('status').length().min().atLeast(1),
      t.column('status').length().mean().between(4, 5),
      t.column('status').length().max().atMost(8),
    ]);
    const answers = (s: MetricSpec) => (s.kind === 'length_stats' ? lengths : 0);
    expect(run(suite, answers).map((r) => [r.outcome, r.observed])).toEqual([
      ['pass', 1],
      ['pass', 4.5],
      ['fail', 10],
    ]);
  });

  it('bounds entropy in bits', () => {
    const suite = defineSuite(shop, (t) => [t.column('status').entropy().atLeast(1)]);
    expect(run(suite, () => 0.8112781244591328)[0]).toMatchObject({
      outcome: 'fail',
      measure: { statistic: 'entropy', value: 0.8112781244591328 },
    });
  });

  it('puts the method and error bound of an estimate in the measure', () => {
    const approximation = { method: 'hll' as const, p: 14, relativeStandardError: 1.04 / 128 };
    const suite = defineSuite(shop, (t) => [t.column('status').distinctCount({ approximate: true }).atMost(1000)]);
    const [r] = run(suite, (s) => (s.kind === 'approx_distinct_count' ? { estimate: 998, approximation } : (undefined as never)));
    expect(r).toMatchObject({
      outcome: 'pass',
      observed: 998,
      measure: { statistic: 'distinct_count', value: 998, approximate: approximation },
    });
    expect(r.message).toBe('distinct count (approximate) is 998');
  });

  it('rejects an approximate option that is not a boolean', () => {
    const suite = defineSuite(shop, (t) => [
      t
        .column('amount')
        .quantile(0.5, { approximate: 'yes' as never })
        .atMost(1),
    ]);
    expect(suite.checks).toEqual([]);
    expect(suite.invalid).toMatchObject([{ code: 'check.invalid_option', expected: 'true or false' }]);
  });
});
