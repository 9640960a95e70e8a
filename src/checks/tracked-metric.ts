import type { Expr } from '../model/expr.js';
import type { MetricSpec, PhysicalColumn } from '../model/metric.js';
import { formatExpr } from '../expr/format-expr.js';
import type { Issue } from '../model/issue.js';
import type { EvalContext, Evaluation, MetricReader, Observes } from './check-kind.js';
import { columnType, isTemporal } from './column-values.js';
import { statistic } from './statistics.js';
import type { Stat, StatisticParams } from './statistics.js';

/**
 * The numbers whose history datacheck keeps and change and anomaly checks judge: the row count,
 * the column count, and a column statistic (its parameters, `p` or `value`, included).
 */
export type TrackedOf = { kind: 'row_count' } | { kind: 'column_count' } | ({ kind: 'column_stat'; stat: Stat } & StatisticParams);

/** The metrics the tracked number is computed from. */
export function trackedMetrics(of: TrackedOf, column: string | undefined, where: Expr | undefined): MetricSpec[] {
  if (of.kind === 'row_count') return [{ kind: 'row_count', ...(where && { where }) }];
  if (of.kind === 'column_count') return [{ kind: 'schema' }];
  return statistic(of.stat).needs(column!, of, where);
}

/**
 * The tracked number from the metric values; null when it has none (a mean over no values) or it
 * is not a number (the min of a date column: engines give epoch milliseconds, people read dates).
 */
export function trackedValue(of: TrackedOf, column: string | undefined, m: MetricReader, ctx: EvalContext): number | null {
  const where = ctx.where;
  const [first, ...rest] = trackedMetrics(of, column, where);
  if (of.kind === 'row_count') return m.value<number>(first);
  if (of.kind === 'column_count') return m.value<{ columns: PhysicalColumn[] }>(first).columns.length;
  if (isTemporal(columnType(ctx.contract, column))) return null;
  const v = statistic(of.stat).compute(m, [first, ...rest]);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The name history keeps the number under: `row_count`, `row_count where <filter>`,
 * `amount.null_ratio`, `amount.quantile(0.95) where <filter>`. The filter is printed canonically,
 * so two spellings of one filter share a history.
 */
export function trackedName(of: TrackedOf, column: string | undefined, where: Expr | undefined): string {
  const base = of.kind === 'column_stat' ? `${column}.${statistic(of.stat).label(of).replaceAll(' ', '_')}` : of.kind;
  return where ? `${base} where ${formatExpr(where)}` : base;
}

/** What the tracked number shows of a pii column: counts and shares only are kept and shown. */
export function trackedObserves(of: TrackedOf): Observes {
  return of.kind === 'column_stat' ? statistic(of.stat).observes : 'counts';
}

/**
 * A change or anomaly check on a value statistic (min, mean...) of a pii column would keep that
 * column's values in the history, which never holds more of pii columns than counts: refused, as
 * an `error` naming the counts that can be tracked instead.
 */
export function piiValueRefusal(of: TrackedOf, column: string | undefined, ctx: EvalContext, kind: string): Evaluation | undefined {
  if (column === undefined || !ctx.contract.columns[column]?.pii || trackedObserves(of) !== 'values') return undefined;
  const issue: Issue = {
    code: 'history.pii_value',
    message: `a ${kind} check on ${trackedName(of, column, undefined)} would keep values of the pii column '${column}' in the history`,
    expected: 'a count or share of a pii column (nullRatio, nullCount, distinctCount, distinctRatio)',
    found: trackedName(of, column, undefined),
  };
  return { outcome: 'error', message: issue.message, issue };
}

/**
 * What a change or anomaly check judges: the tracked number and the name history keeps it under,
 * or the evaluation that ends the check before any history is read (a pii value refused, no number).
 */
export function trackedNumber(
  of: TrackedOf,
  column: string | undefined,
  m: MetricReader,
  ctx: EvalContext,
  kind: string,
  expected: string,
): { done: Evaluation } | { metric: string; value: number } {
  const refused = piiValueRefusal(of, column, ctx, kind);
  if (refused) return { done: refused };
  const metric = trackedName(of, column, ctx.where);
  const value = trackedValue(of, column, m, ctx);
  if (value === null)
    return {
      done: { outcome: 'fail', observed: null, expected, message: `${metric} has no number to compare (no values, or not a number)` },
    };
  return { metric, value };
}
