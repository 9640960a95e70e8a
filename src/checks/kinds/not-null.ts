import type { FailuresValue } from '../../model/metric.js';
import { col, isNull } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** Completeness: the column has a value. Counts over all rows (the only row-level kind besides is_null that sees nulls). */
export const notNull: CheckKind<Record<string, never>> = defineCheckKind<Record<string, never>>({
  kind: 'not_null',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, isNull(col(def.column!), true), ctx, true)],
  evaluate: (def, m, ctx) => rowLevelVerdict(def, m.value<FailuresValue>(notNull.metrics(def, ctx)[0]), 'no nulls'),
  describe: (def) => `${def.column} is not null`,
});
