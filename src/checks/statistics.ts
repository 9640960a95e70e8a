import type { Scalar } from '../model/contract.js';
import type { Expr } from '../model/expr.js';
import type {
  Approximation,
  ApproxDistinctValue,
  ApproxQuantilesValue,
  LengthStatsValue,
  MetricSpec,
  MomentsValue,
} from '../model/metric.js';
import type { MetricReader, Observes } from './check-kind.js';

/** The parameters of a column statistic: `p` for quantile, `value` for share. */
export interface StatisticParams {
  p?: number;
  value?: Scalar;
  /** Estimate instead of computing exactly (distinct_count, median, quantile): see Approximation. */
  approximate?: boolean;
}

/**
 * One column statistic as a recipe over shared metrics (mean and stddev both read `moments`,
 * ratios read `row_count`), so several checks on one column cost one pass. `compute` receives the
 * specs `needs` returned, in order; it returns null when the statistic has no value.
 */
export interface Statistic {
  needs(column: string, params: StatisticParams, where: Expr | undefined): MetricSpec[];
  compute(m: MetricReader, needs: MetricSpec[]): number | string | null;
  /** How messages and titles name it: `mean`, `quantile(0.95)`, `share of "returned"`. */
  label(params: StatisticParams): string;
  /** `values` when the statistic is a value of the column (masked on pii columns), `counts` otherwise. */
  observes: Observes;
  /** What it needs to have a value, for the message when it has none. */
  needsToHaveValue?: string;
  /** How an estimate was made, for statistics asked `{ approximate: true }`. */
  approximation?(m: MetricReader, needs: MetricSpec[]): Approximation | undefined;
}

/** The spec restricted to the check's filter; every spec a statistic needs accepts one. */
const scoped = (spec: MetricSpec, where: Expr | undefined): MetricSpec => (where ? ({ ...spec, where } as MetricSpec) : spec);
const rows = (where: Expr | undefined): MetricSpec => scoped({ kind: 'row_count' }, where);
const nulls = (column: string, where: Expr | undefined): MetricSpec => scoped({ kind: 'null_count', column }, where);
const moments = (column: string, where: Expr | undefined): MetricSpec => scoped({ kind: 'moments', column }, where);
const quantile = (column: string, p: number, where: Expr | undefined): MetricSpec =>
  scoped({ kind: 'quantiles', column, probs: [p] }, where);
const distinct = (column: string, where: Expr | undefined): MetricSpec => scoped({ kind: 'distinct_count', columns: [column] }, where);
const lengths = (column: string, where: Expr | undefined): MetricSpec => scoped({ kind: 'length_stats', column }, where);

/**
 * Entropy keeps one exact count per distinct value on the Arrow engine: up to a million of them
 * (about 100 MB of counts), past which the metric ends `metric.too_many_values`.
 */
export const ENTROPY_MAX_DISTINCT = 1_000_000;

/** A quantile, exact or estimated (`{ approximate: true }`). */
const quantileOf = (column: string, p: number, params: StatisticParams, where: Expr | undefined): MetricSpec =>
  params.approximate ? scoped({ kind: 'approx_quantiles', column, probs: [p] }, where) : quantile(column, p, where);

const quantileValue = (m: MetricReader, [spec]: MetricSpec[]) => {
  const q = spec.kind === 'approx_quantiles' ? m.value<ApproxQuantilesValue>(spec).values : m.value<number[]>(spec);
  return q.length === 0 ? null : q[0];
};

/** The estimate's method and bound, when the spec is an approximate one. */
const approximationOf = (m: MetricReader, [spec]: MetricSpec[]): Approximation | undefined =>
  spec.kind === 'approx_quantiles' || spec.kind === 'approx_distinct_count'
    ? m.value<ApproxQuantilesValue | ApproxDistinctValue>(spec).approximation
    : undefined;

const fromLengths =
  (pick: (v: LengthStatsValue) => number | null) =>
  (m: MetricReader, [spec]: MetricSpec[]) => {
    const v = m.value<LengthStatsValue>(spec);
    return v.count === 0 ? null : pick(v);
  };

const approximately = (label: string, p: StatisticParams) => (p.approximate ? `${label} (approximate)` : label);

/** The value a moment gives, over no values none. */
const fromMoments =
  (pick: (v: MomentsValue) => number | null) =>
  (m: MetricReader, [spec]: MetricSpec[]) => {
    const v = m.value<MomentsValue>(spec);
    return v.count === 0 ? null : pick(v);
  };

/** A count of some rows over the non-null rows; over none, no value. */
const overNonNull = (m: MetricReader, [counted, all, nullCount]: MetricSpec[]) => {
  const nonNull = m.value<number>(all) - m.value<number>(nullCount);
  return nonNull === 0 ? null : m.value<number>(counted) / nonNull;
};

const plain = (m: MetricReader, [spec]: MetricSpec[]) => m.value<number | string | null>(spec);

/** Every statistic `t.column(c).<stat>()` offers; a new statistic is one entry here plus its DSL method. */
export const STATISTICS = {
  min: { observes: 'values', needs: (c, _p, w) => [scoped({ kind: 'min', column: c }, w)], compute: plain, label: () => 'min' },
  max: { observes: 'values', needs: (c, _p, w) => [scoped({ kind: 'max', column: c }, w)], compute: plain, label: () => 'max' },
  sum: { observes: 'values', needs: (c, _p, w) => [moments(c, w)], compute: fromMoments((v) => v.sum), label: () => 'sum' },
  mean: { observes: 'values', needs: (c, _p, w) => [moments(c, w)], compute: fromMoments((v) => v.mean), label: () => 'mean' },
  stddev: {
    observes: 'values',
    needs: (c, _p, w) => [moments(c, w)],
    // The sample standard deviation (n - 1), as numpy's ddof=1 and SQL's stddev_samp.
    compute: fromMoments((v) => (v.count < 2 ? null : Math.sqrt(v.m2 / (v.count - 1)))),
    label: () => 'stddev',
    needsToHaveValue: 'at least two non-null values',
  },
  median: {
    observes: 'values',
    needs: (c, p, w) => [quantileOf(c, 0.5, p, w)],
    compute: quantileValue,
    label: (p) => approximately('median', p),
    approximation: approximationOf,
  },
  quantile: {
    observes: 'values',
    needs: (c, p, w) => [quantileOf(c, p.p!, p, w)],
    compute: quantileValue,
    label: (p) => approximately(`quantile(${p.p})`, p),
    approximation: approximationOf,
  },
  distinct_count: {
    observes: 'counts',
    needs: (c, p, w) => [p.approximate ? scoped({ kind: 'approx_distinct_count', column: c }, w) : distinct(c, w)],
    compute: (m, [spec]) => (spec.kind === 'approx_distinct_count' ? m.value<ApproxDistinctValue>(spec).estimate : m.value<number>(spec)),
    label: (p) => approximately('distinct count', p),
    approximation: approximationOf,
  },
  min_length: { observes: 'counts', needs: (c, _p, w) => [lengths(c, w)], compute: fromLengths((v) => v.min), label: () => 'min length' },
  max_length: { observes: 'counts', needs: (c, _p, w) => [lengths(c, w)], compute: fromLengths((v) => v.max), label: () => 'max length' },
  mean_length: {
    observes: 'counts',
    needs: (c, _p, w) => [lengths(c, w)],
    compute: fromLengths((v) => v.sum / v.count),
    label: () => 'mean length',
  },
  entropy: {
    observes: 'counts',
    needs: (c, _p, w) => [scoped({ kind: 'entropy', column: c, maxDistinct: ENTROPY_MAX_DISTINCT }, w)],
    compute: plain,
    label: () => 'entropy (bits)',
  },
  distinct_ratio: {
    observes: 'counts',
    needs: (c, _p, w) => [distinct(c, w), rows(w), nulls(c, w)],
    compute: overNonNull,
    label: () => 'distinct ratio',
  },
  null_count: { observes: 'counts', needs: (c, _p, w) => [nulls(c, w)], compute: plain, label: () => 'null count' },
  null_ratio: {
    observes: 'counts',
    needs: (c, _p, w) => [nulls(c, w), rows(w)],
    compute(m, [nullCount, all]) {
      const n = m.value<number>(all);
      return n === 0 ? null : m.value<number>(nullCount) / n;
    },
    label: () => 'null ratio',
  },
  share: {
    observes: 'counts',
    needs: (c, p, w) => [scoped({ kind: 'value_count', column: c, value: p.value! }, w), rows(w), nulls(c, w)],
    compute: overNonNull,
    label: (p) => `share of ${JSON.stringify(p.value)}`,
  },
} satisfies Record<string, Statistic>;

export type Stat = keyof typeof STATISTICS;

/** The statistic of a name, typed as the interface (the table's literal types are per entry). */
export function statistic(name: Stat): Statistic {
  return STATISTICS[name];
}
