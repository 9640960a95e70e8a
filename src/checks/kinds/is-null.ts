import type { FailuresValue } from '../../model/metric.js';
import { col, isNull as isNullExpr } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** The column is empty (e.g. a deprecated field that must stay unset). */
export const isNull: CheckKind<Record<string, never>> = defineCheckKind<Record<string, never>>({
  kind: 'is_null',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, isNullExpr(col(def.column!)), ctx, true)],
  evaluate: (def, m, ctx) => rowLevelVerdict(def, m.value<FailuresValue>(isNull.metrics(def, ctx)[0]), 'only nulls'),
  describe: (def) => `${def.column} is null`,
});
