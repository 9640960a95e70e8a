import type { FailuresValue } from '../../model/metric.js';
import type { Expr } from '../../model/expr.js';
import { cmp, col, lit } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict, whereAllPresent } from '../row-level.js';

/** The columns summed, and the number or the column their sum must equal. */
export interface SumEqualsParams {
  columns: string[];
  total: number | { column: string };
}

/**
 * The values of several columns of a row add up to a number or to another column:
 * `t.columns('net', 'tax').sumEquals('gross')`. Exact equality of the sum computed left to right in
 * 64-bit floating point (0.1 + 0.2 is not 0.3, as in Great Expectations' multicolumn_sum_to_equal);
 * a row with a null among the parts or the total is not considered.
 */
export const sumEquals: CheckKind<SumEqualsParams> = defineCheckKind<SumEqualsParams>({
  kind: 'sum_equals',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const { columns, total } = def.params;
    const sum = columns.map(col).reduce((l, r): Expr => ({ op: 'arith', arith: '+', left: l, right: r }));
    const target = typeof total === 'number' ? lit(total) : col(total.column);
    const present = typeof total === 'number' ? columns : [...columns, total.column];
    return [predicateMetric(def, cmp('=', sum, target), whereAllPresent(present, ctx), true)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(sumEquals.metrics(def, ctx)[0]), `each row: ${sumEquals.describe(def)}`),
  describe: (def) =>
    `${def.params.columns.join(' + ')} = ${typeof def.params.total === 'number' ? def.params.total : def.params.total.column}`,
});
