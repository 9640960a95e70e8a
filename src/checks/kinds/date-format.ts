import type { FailuresValue } from '../../model/metric.js';
import { call, col, lit } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/**
 * Each value is what strftime writes for a real calendar date and time in `format`
 * (`is_date_format`, src/expr/strftime-regex.ts): `t.column('d').dateFormat('%Y-%m-%d')` fails
 * '2023-02-30' and '2023-2-3'. Nulls are not considered.
 */
export const dateFormat: CheckKind<{ format: string }> = defineCheckKind<{ format: string }>({
  kind: 'date_format',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, call('is_date_format', col(def.column!), lit(def.params.format)), ctx)],
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(dateFormat.metrics(def, ctx)[0]), `values are dates written as ${def.params.format}`),
  describe: (def) => `${def.column} is a date written as ${def.params.format}`,
});
