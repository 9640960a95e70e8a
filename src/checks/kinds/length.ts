import type { FailuresValue } from '../../model/metric.js';
import { and, call, cmp, col, lit } from '../../expr/build.js';
import type { Expr } from '../../model/expr.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { describeBound } from '../thresholds.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** String length (in characters) within [min, max]. Nulls are not considered. */
export const length: CheckKind<{ min: number | null; max: number | null }> = defineCheckKind<{ min: number | null; max: number | null }>({
  kind: 'length',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const len = call('length', col(def.column!));
    const parts: Expr[] = [];
    if (def.params.min !== null && def.params.min !== undefined) parts.push(cmp('>=', len, lit(def.params.min)));
    if (def.params.max !== null && def.params.max !== undefined) parts.push(cmp('<=', len, lit(def.params.max)));
    return [predicateMetric(def, and(...parts), ctx)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(length.metrics(def, ctx)[0]), `length ${describeBound(bound(def.params))}`),
  describe: (def) => `${def.column} length ${describeBound(bound(def.params))}`,
});

const bound = (p: { min: number | null; max: number | null }) => ({ min: p.min ?? null, max: p.max ?? null });
