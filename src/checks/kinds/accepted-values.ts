import type { FailuresValue } from '../../model/metric.js';
import { col, inList } from '../../expr/build.js';
import type { Scalar } from '../../model/contract.js';
import type { ExprLiteral } from '../../model/expr.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { listText } from '../column-values.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/** Values come from an allowed set (`oneOf`), or never from a forbidden one (`noneOf`). Nulls are not considered. */
export const acceptedValues: CheckKind<{ values: Scalar[]; negate: boolean }> = defineCheckKind<{ values: Scalar[]; negate: boolean }>({
  kind: 'accepted_values',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [predicateMetric(def, inList(col(def.column!), def.params.values.map(literal), def.params.negate), ctx)],
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(
      def,
      m.value<FailuresValue>(acceptedValues.metrics(def, ctx)[0]),
      acceptedValues.describe(def).replace(`${def.column} `, 'values '),
    ),
  describe: (def) => `${def.column} ${def.params.negate ? 'not in' : 'in'} (${listText(def.params.values)})`,
});

function literal(v: Scalar): ExprLiteral {
  return typeof v === 'bigint' ? Number(v) : v;
}
