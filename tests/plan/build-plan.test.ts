import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build-plan.js';
import { metricKey } from '../../src/plan/metric-key.js';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { DatacheckError } from '../../src/model/issue.js';

const contract = defineContract({
  name: 'orders',
  columns: { amount: col.float64().nullable(), status: col.string() },
});

const parseWhere = (text: string) => {
  if (text.includes('(')) throw new DatacheckError({ code: 'expr.syntax', message: "expected ')' at column 9" });
  return { op: 'col' as const, name: text };
};

describe('the metric plan', () => {
  it('computes a metric once however many checks need it', () => {
    const suite = defineSuite(contract, (t) => [
      t.column('amount').mean().between(1, 2),
      t.column('amount').stddev().atMost(3),
      t.column('amount').sum().atLeast(0),
      t.column('amount').nullRatio().atMost(0.1),
      t.column('amount').nullCount().atMost(10),
    ]);
    const plan = buildPlan(contract, suite.checks, { sampleSize: 5, parseWhere });
    const kinds = plan.metrics.map((m) => m.spec.kind).sort();
    expect(kinds).toEqual(['moments', 'null_count', 'row_count']);
  });

  it('merges quantiles of one column into one sorted pass and reads each back', () => {
    const suite = defineSuite(contract, (t) => [
      t.column('amount').median().atMost(5),
      t.column('amount').quantile(0.95).atMost(9),
      t.column('amount').quantile(0.05).atLeast(0),
    ]);
    const plan = buildPlan(contract, suite.checks, { sampleSize: 5, parseWhere });
    const quantiles = plan.metrics.filter((m) => m.spec.kind === 'quantiles');
    expect(quantiles).toHaveLength(1);
    expect(quantiles[0].spec).toMatchObject({ probs: [0.05, 0.5, 0.95] });
    expect(plan.resolve({ kind: 'quantiles', column: 'amount', probs: [0.95] })).toEqual({ key: quantiles[0].key, pick: [2] });
  });

  it('keeps filtered and unfiltered metrics apart', () => {
    const suite = defineSuite(contract, (t) => [t.rowCount().atLeast(1), t.rowCount().atLeast(1).where('status')]);
    const plan = buildPlan(contract, suite.checks, { sampleSize: 5, parseWhere });
    expect(plan.metrics.filter((m) => m.spec.kind === 'row_count')).toHaveLength(2);
  });

  it('gives a check whose filter does not parse an issue at the check’s line, and plans the rest', () => {
    const suite = defineSuite(contract, (t) => [t.rowCount().atLeast(1).where('(status'), t.rowCount().atLeast(2)]);
    const plan = buildPlan(contract, suite.checks, { sampleSize: 5, parseWhere });
    expect(plan.checks[0].issue).toMatchObject({ code: 'expr.syntax', location: suite.checks[0].location });
    expect(plan.checks[0].issue?.message).toContain('(in the filter "(status")');
    expect(plan.checks[1].issue).toBeUndefined();
  });

  it('keys metrics canonically: property order and sample size do not matter', () => {
    expect(metricKey({ kind: 'null_count', column: 'a' })).toBe(metricKey({ column: 'a', kind: 'null_count' } as never));
    expect(metricKey({ kind: 'duplicate_count', columns: ['a'], sampleSize: 5 })).toBe(
      metricKey({ kind: 'duplicate_count', columns: ['a'], sampleSize: 50 }),
    );
  });

  it('refuses a filter on a check about the whole dataset instead of ignoring it', () => {
    const suite = defineSuite(contract, (t) => [t.columnCount().atMost(3).where('status')]);
    const plan = buildPlan(contract, suite.checks, { sampleSize: 5, parseWhere });
    expect(plan.checks[0].issue).toMatchObject({ code: 'check.where_unsupported', location: suite.checks[0].location });
  });
});
