import type { Bound } from '../../model/check.js';
import type { Scalar } from '../../model/contract.js';
import type { StatisticMeasure } from '../../model/measure.js';
import type { Approximation } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { columnType, comparable, display } from '../column-values.js';
import { statistic } from '../statistics.js';
import type { Stat } from '../statistics.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';
import { trackedName } from '../tracked-metric.js';

export type { Stat } from '../statistics.js';

interface StatParams {
  stat: Stat;
  p?: number;
  value?: Scalar;
  approximate?: boolean;
  bound: Bound;
}

/**
 * A column statistic bounded: `t.column('amount').mean().between(20, 400)`. The statistics and
 * the metrics each one needs are the table in ../statistics.ts. A statistic over no values has no
 * value: its bound fails with observed null.
 */
export const columnStat: CheckKind<StatParams> = defineCheckKind<StatParams>({
  kind: 'column_stat',
  scope: 'column',
  observes: (params) => statistic(params.stat).observes,
  tracks: (def, ctx) => trackedName({ kind: 'column_stat', ...def.params }, def.column, ctx.where),
  metrics: (def, ctx) => statistic(def.params.stat).needs(def.column!, def.params, ctx.where),
  evaluate(def, m, ctx) {
    const stat = statistic(def.params.stat);
    const type = columnType(ctx.contract, def.column);
    const needs = stat.needs(def.column!, def.params, ctx.where);
    const observed = stat.compute(m, needs);
    const approximate = stat.approximation?.(m, needs);
    const expected = describeBound(def.params.bound, (v) => String(v));
    const label = stat.label(def.params);
    if (observed === null) {
      return {
        outcome: 'fail',
        observed: null,
        expected,
        message: `${label} has no value: it needs ${stat.needsToHaveValue ?? 'non-null values'}`,
        measure: measureOf(def.params, null, approximate),
      };
    }
    const bound = {
      min: def.params.bound.min === null ? null : comparable(def.params.bound.min, type),
      max: def.params.bound.max === null ? null : comparable(def.params.bound.max, type),
      strict: def.params.bound.strict,
    };
    const ok = withinBound(observed, bound);
    const shown = display(observed, type) as number | string;
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: shown,
      expected,
      message: `${label} is ${typeof shown === 'number' ? round(shown) : String(shown)}${ok ? '' : `, expected ${expected}`}`,
      measure: measureOf(def.params, shown, approximate),
      ...(typeof shown === 'number' && Number.isFinite(shown) && { tracked: shown }),
    };
  },
  describe: (def) => `${def.column} ${statistic(def.params.stat).label(def.params)} ${describeBound(def.params.bound)}`,
});

function measureOf(p: StatParams, value: number | string | null, approximate: Approximation | undefined): StatisticMeasure {
  const probability = p.stat === 'median' ? 0.5 : p.stat === 'quantile' ? p.p : undefined;
  return {
    type: 'statistic',
    statistic: p.stat,
    ...(probability !== undefined && { p: probability }),
    ...(p.stat === 'share' && p.value !== undefined && { shareOf: typeof p.value === 'bigint' ? Number(p.value) : p.value }),
    value,
    bound: measuredBound(p.bound),
    ...(approximate && { approximate }),
  };
}

const round = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
