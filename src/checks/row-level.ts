import { and, col, isNull } from '../expr/build.js';
import type { CheckDef } from '../model/check.js';
import type { Expr } from '../model/expr.js';
import type { FailuresValue, MetricSpec } from '../model/metric.js';
import type { Evaluation, PlanContext } from './check-kind.js';
import { formatShare, passesMostly } from './thresholds.js';

/** The one metric every row-level check needs: rows failing its predicate. */
export function predicateMetric(def: CheckDef<unknown>, predicate: Expr, ctx: PlanContext, includeNulls = false): MetricSpec {
  return {
    kind: 'predicate_failures',
    ...(def.column !== undefined && { column: def.column }),
    predicate,
    ...(includeNulls && { includeNulls: true }),
    ...(ctx.where && { where: ctx.where }),
    sampleSize: ctx.sampleSize,
  };
}

/**
 * The plan context of a check that considers only rows where every one of `columns` has a value
 * (a pair, a sum): a row with a null there is not counted, neither as passing nor as failing.
 */
export function whereAllPresent(columns: readonly string[], ctx: PlanContext): PlanContext {
  const present = columns.map((c) => isNull(col(c), true));
  return { ...ctx, where: ctx.where ? and(ctx.where, ...present) : and(...present) };
}

/**
 * Shared verdict of row-level checks: `mostly` is the share of considered rows that must pass;
 * over no considered rows the check passes (nothing contradicts it).
 */
export function rowLevelVerdict(def: CheckDef<unknown>, failures: FailuresValue, expectation: string): Evaluation {
  const { considered, failed, sample } = failures;
  const mostly = def.mostly ?? 1;
  const ok = passesMostly(considered, failed, mostly);
  const expected = mostly < 1 ? `${expectation} for at least ${formatShare(mostly)} of rows` : expectation;
  const observed = considered === 0 ? 'no rows to check' : `${failed} of ${considered} rows failed (${formatShare(failed / considered)})`;
  return {
    outcome: ok ? 'pass' : 'fail',
    observed: { failed, considered, failedShare: considered === 0 ? 0 : failed / considered },
    expected,
    message: ok ? (failed === 0 ? `all ${considered} rows passed` : `${observed}, within tolerance`) : observed,
    measure: { type: 'rows', considered, failed, mostly },
    rows: { considered, failed },
    ...(failed > 0 && { failingRows: sample }),
  };
}
