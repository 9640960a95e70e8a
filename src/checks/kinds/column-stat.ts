import type { Bound } from '../../model/check.js';
import type { Scalar } from '../../model/contract.js';
import type { MetricSpec, MomentsValue } from '../../model/metric.js';
import type { Expr } from '../../model/expr.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import type { MetricReader } from '../check-kind.js';
import { columnType, comparable, display } from '../column-values.js';
import { describeBound, withinBound } from '../thresholds.js';

export type Stat =
  | 'min' | 'max' | 'sum' | 'mean' | 'stddev' | 'median' | 'quantile'
  | 'distinct_count' | 'distinct_ratio' | 'null_count' | 'null_ratio' | 'share';

interface StatParams {
  stat: Stat;
  p?: number;
  value?: Scalar;
  bound: Bound;
}

/**
 * A column statistic bounded: `t.column('amount').mean().between(20, 400)`. Each statistic is a
 * recipe over shared metrics (mean and stddev both read `moments`, ratios read `row_count`), so
 * several checks on one column cost one pass. A statistic over no values has no value: its bound
 * fails with observed null.
 */
export const columnStat: CheckKind<StatParams> = defineCheckKind<StatParams>({
  kind: 'column_stat',
  metrics: (def, ctx) => recipe(def.column!, def.params, ctx.where).needs,
  evaluate(def, m, ctx) {
    const type = columnType(ctx.contract, def.column);
    const observed = recipe(def.column!, def.params, ctx.where).compute(m);
    const expected = describeBound(def.params.bound, (v) => String(v));
    if (observed === null) {
      const needs = def.params.stat === 'stddev' ? 'at least two non-null values' : 'non-null values';
      return { outcome: 'fail', observed: null, expected, message: `${statName(def.params)} has no value: it needs ${needs}` };
    }
    const bound = {
      min: def.params.bound.min === null ? null : comparable(def.params.bound.min, type),
      max: def.params.bound.max === null ? null : comparable(def.params.bound.max, type),
      strict: def.params.bound.strict,
    };
    const ok = withinBound(observed, bound);
    const shown = display(observed, type);
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: shown,
      expected,
      message: `${statName(def.params)} is ${typeof shown === 'number' ? round(shown) : String(shown)}${ok ? '' : `, expected ${expected}`}`,
    };
  },
  describe: (def) => `${def.column} ${statName(def.params)} ${describeBound(def.params.bound)}`,
});

function statName(p: StatParams): string {
  if (p.stat === 'quantile') return `quantile(${p.p})`;
  if (p.stat === 'share') return `share of ${JSON.stringify(p.value)}`;
  return p.stat.replace('_', ' ');
}

const round = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

interface Recipe {
  needs: MetricSpec[];
  compute(m: MetricReader): number | string | null;
}

function recipe(column: string, p: StatParams, where: Expr | undefined): Recipe {
  const w = where ? { where } : {};
  const rows: MetricSpec = { kind: 'row_count', ...w };
  const nulls: MetricSpec = { kind: 'null_count', column, ...w };
  const moments: MetricSpec = { kind: 'moments', column, ...w };
  switch (p.stat) {
    case 'min':
    case 'max': {
      const spec: MetricSpec = { kind: p.stat, column, ...w };
      return { needs: [spec], compute: (m) => m.value<number | string | null>(spec) };
    }
    case 'sum':
    case 'mean':
    case 'stddev':
      return {
        needs: [moments],
        compute(m) {
          const v = m.value<MomentsValue>(moments);
          if (v.count === 0) return null;
          if (p.stat === 'sum') return v.sum;
          if (p.stat === 'mean') return v.mean;
          return v.count < 2 ? null : Math.sqrt(v.m2 / (v.count - 1));
        },
      };
    case 'median':
    case 'quantile': {
      const spec: MetricSpec = { kind: 'quantiles', column, probs: [p.stat === 'median' ? 0.5 : p.p!], ...w };
      return {
        needs: [spec],
        compute: (m) => {
          const q = m.value<number[]>(spec);
          return q.length === 0 ? null : q[0];
        },
      };
    }
    case 'distinct_count': {
      const spec: MetricSpec = { kind: 'distinct_count', columns: [column], ...w };
      return { needs: [spec], compute: (m) => m.value<number>(spec) };
    }
    case 'distinct_ratio': {
      const spec: MetricSpec = { kind: 'distinct_count', columns: [column], ...w };
      return {
        needs: [spec, rows, nulls],
        compute(m) {
          const nonNull = m.value<number>(rows) - m.value<number>(nulls);
          return nonNull === 0 ? null : m.value<number>(spec) / nonNull;
        },
      };
    }
    case 'null_count':
      return { needs: [nulls], compute: (m) => m.value<number>(nulls) };
    case 'null_ratio':
      return {
        needs: [nulls, rows],
        compute(m) {
          const n = m.value<number>(rows);
          return n === 0 ? null : m.value<number>(nulls) / n;
        },
      };
    case 'share': {
      const spec: MetricSpec = { kind: 'value_count', column, value: p.value!, ...w };
      return {
        needs: [spec, rows, nulls],
        compute(m) {
          const nonNull = m.value<number>(rows) - m.value<number>(nulls);
          return nonNull === 0 ? null : m.value<number>(spec) / nonNull;
        },
      };
    }
  }
}
