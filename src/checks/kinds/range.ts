import type { FailuresValue } from '../../model/metric.js';
import { and, cmp, col, lit } from '../../expr/build.js';
import type { Expr } from '../../model/expr.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { describeBound } from '../thresholds.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

interface RangeParams {
  min: number | string | null;
  max: number | string | null;
  strict?: boolean;
}

/** Every value lies in [min, max] (numbers, dates, timestamps, strings). Nulls are not considered. */
export const range: CheckKind<RangeParams> = defineCheckKind<RangeParams>({
  kind: 'range',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const c = col(def.column!);
    const { min, max, strict } = def.params;
    const parts: Expr[] = [];
    if (min !== null) parts.push(cmp(strict ? '>' : '>=', c, lit(min)));
    if (max !== null) parts.push(cmp(strict ? '<' : '<=', c, lit(max)));
    return [predicateMetric(def, and(...parts), ctx)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(range.metrics(def, ctx)[0]), `values ${describeBound(def.params)}`),
  describe: (def) => `${def.column} ${describeBound(def.params)}`,
});
