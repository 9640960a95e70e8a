import { describe, expect, it } from 'vitest';
import type { EvalContext, MetricReader } from '../../../src/checks/check-kind.js';
import { drift } from '../../../src/checks/kinds/drift.js';
import type { DriftParams } from '../../../src/checks/kinds/drift.js';
import { col, defineContract, defineSuite } from '../../../src/index.js';
import type { CheckDef } from '../../../src/model/check.js';
import type { ContractDef } from '../../../src/model/contract.js';
import type { MetricSpec, MetricValue, TopValuesValue } from '../../../src/model/metric.js';
import { metricKey } from '../../../src/plan/metric-key.js';

/** The drift kind judged from given value counts: what it concludes, says and refuses. */
const contract = defineContract({
  name: 'orders',
  source: { file: 'orders.csv' },
  columns: { amount: col.float64(), status: col.string(), email: col.string().pii() },
}) as ContractDef;

const counts = (pairs: [string | number, number][]): TopValuesValue => ({
  top: pairs.map(([value, count]) => ({ value, count })),
  distinct: pairs.length,
  truncated: false,
});

function judge(column: string, params: Omit<DriftParams, 'bound'>, current: TopValuesValue, reference: TopValuesValue, max = 0.2) {
  const def = {
    id: 'x',
    kind: 'drift',
    dataset: 'orders',
    column,
    params: { ...params, bound: { min: null, max } },
    severity: 'error',
    origin: 'suite',
    location: { file: 'c.ts', line: 1, column: 1 },
  } as CheckDef<DriftParams>;
  const ctx: EvalContext = { contract, sampleSize: 0, now: new Date(0) };
  const [cur, ref] = drift.metrics(def, ctx);
  const values = new Map<string, MetricValue>([
    [metricKey(cur), current],
    [metricKey(ref), reference],
  ]);
  const m: MetricReader = { value: <T extends MetricValue>(s: MetricSpec) => values.get(metricKey(s)) as T };
  return drift.evaluate(def, m, ctx);
}

const against = { dataset: 'orders_before' };

describe('the drift check kind', () => {
  it('passes within the bound and fails outside it, saying statistic and p-value', () => {
    const same = judge(
      'amount',
      { method: 'ks', against, on: 'statistic' },
      counts([
        [1, 5],
        [2, 5],
      ]),
      counts([
        [1, 5],
        [2, 5],
      ]),
    );
    expect(same).toMatchObject({
      outcome: 'pass',
      observed: { statistic: 0, pValue: 1 },
      message: 'ks 0 (p = 1, exact) against orders_before',
    });
    const moved = judge('amount', { method: 'ks', against, on: 'statistic' }, counts([[5, 10]]), counts([[1, 10]]));
    expect(moved.outcome).toBe('fail');
    expect(moved.message).toMatch(/^ks 1 \(p = 1\.083e-5, exact\) against orders_before, expected at most 0\.2$/);
  });

  it('chi2 names its degrees of freedom; a divergence has no p-value', () => {
    const chi2 = judge(
      'status',
      { method: 'chi2', against, on: 'statistic' },
      counts([
        ['a', 10],
        ['b', 10],
      ]),
      counts([
        ['a', 10],
        ['b', 10],
        ['c', 5],
      ]),
      100,
    );
    expect(chi2.measure).toMatchObject({ type: 'drift', method: 'chi2', dof: 2, pValueMethod: 'chi2' });
    const psi = judge('status', { method: 'psi', against, on: 'statistic' }, counts([['a', 10]]), counts([['a', 10]]));
    expect(psi.measure).not.toHaveProperty('pValue');
    expect(psi.measure).toMatchObject({ statistic: 0, bins: { kind: 'categorical', labels: ['a'] } });
  });

  it('refuses what it cannot compute exactly, with the reason', () => {
    expect(judge('status', { method: 'ks', against, on: 'statistic' }, counts([['a', 1]]), counts([['a', 1]]))).toMatchObject({
      outcome: 'error',
      issue: { code: 'drift.unsupported_type' },
    });
    expect(judge('amount', { method: 'psi', against, on: 'statistic' }, { top: [], truncated: true }, counts([[1, 1]]))).toMatchObject({
      outcome: 'error',
      issue: { code: 'drift.too_many_values', message: 'amount has more than 100000 distinct values: drift needs exact value counts' },
    });
    expect(judge('amount', { method: 'psi', against, on: 'statistic' }, counts([[1, 1]]), counts([]))).toMatchObject({
      outcome: 'error',
      issue: { code: 'drift.no_values', message: 'orders_before.amount has no non-null values to compare' },
    });
  });

  it('on a pii column reports the statistic but no bins: their labels are values', () => {
    const r = judge('email', { method: 'chi2', against, on: 'statistic' }, counts([['ann@x.org', 3]]), counts([['bob@y.org', 3]]), 100);
    expect(r.measure).not.toHaveProperty('bins');
    expect(JSON.stringify(r)).not.toContain('@');
  });

  it("the DSL refuses a drift without one reference, and a p-value of a divergence, as the check's problem", () => {
    const problems = (f: Parameters<typeof defineSuite<any>>[1]) => (defineSuite(contract as never, f).invalid ?? []).map((i) => i.message);
    expect(
      problems((t) => [
        t
          .column('amount')
          .drift('ks', {} as never)
          .atMost(1),
      ]),
    ).toEqual(['amount: drift needs one reference: another dataset of the run, or a baseline file']);
    expect(
      problems((t) => [
        t
          .column('amount')
          .drift('ks', { dataset: 'a', baseline: 'b' } as never)
          .pValue()
          .atMost(1),
      ]),
    ).toHaveLength(1);
    expect(problems((t) => [(t.column('amount').drift('psi', { dataset: 'a' }) as any).pValue().atLeast(1)])).toEqual([
      'amount: psi is a divergence without a p-value; bound the statistic instead',
    ]);
    expect(
      problems((t) => [
        t
          .column('amount')
          .drift('emd' as unknown as 'ks', { dataset: 'a' })
          .atMost(1),
        t.column('amount').drift('ks', { dataset: 'a' }).atMost(1),
      ]),
    ).toEqual(['amount: drift needs a method']);
  });
});
