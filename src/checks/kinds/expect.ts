import { parseExpr } from '../../expr/parse-expr.js';
import type { FailuresValue } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/**
 * A custom row-level predicate in the filter language, over any columns of the row:
 * `t.expect('shipped_at >= ordered_at', { mostly: 0.99 })`. Every row (passing `where`) is
 * considered; a row fails when the predicate is false, and a null result (a null operand) does not
 * fail, as in a SQL CHECK constraint. The same predicate runs on every engine (compiled to SQL).
 */
export const expect: CheckKind<{ predicate: string }> = defineCheckKind<{ predicate: string }>({
  kind: 'expect',
  scope: 'dataset',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, parseExpr(def.params.predicate), ctx, true)],
  evaluate: (def, m, ctx) => rowLevelVerdict(def, m.value<FailuresValue>(expect.metrics(def, ctx)[0]), def.params.predicate),
  describe: (def) => `expect ${def.params.predicate}`,
});
