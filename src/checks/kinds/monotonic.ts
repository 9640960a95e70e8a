import type { FailuresValue, MetricSpec } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, PlanContext } from '../check-kind.js';
import type { CheckDef } from '../../model/check.js';
import { rowLevelVerdict } from '../row-level.js';

export interface MonotonicParams {
  direction: 'increasing' | 'decreasing';
  strictly: boolean;
}

/**
 * Values in row order (file order): `t.column('x').increasing({ strictly })`, `.decreasing(...)`.
 * Nulls are skipped; each other value is held to the one before it (the metric order_violations
 * in model/metric.ts). SQL engines have a row order only in DuckDB; PostgreSQL and ClickHouse
 * tables answer `sql.unsupported`.
 */
export const monotonic: CheckKind<MonotonicParams> = defineCheckKind<MonotonicParams>({
  kind: 'monotonic',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [orderMetric(def, ctx)],
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(orderMetric(def, ctx)), `values ${words(def.params)} in row order`),
  describe: (def) => `${def.column} is ${words(def.params)}`,
});

const words = (p: MonotonicParams) => `${p.strictly ? 'strictly ' : ''}${p.direction}`;

function orderMetric(def: CheckDef<MonotonicParams>, ctx: PlanContext): MetricSpec {
  return {
    kind: 'order_violations',
    column: def.column!,
    direction: def.params.direction,
    strictly: def.params.strictly,
    ...(ctx.where && { where: ctx.where }),
    sampleSize: ctx.sampleSize,
  };
}
