import type { FailuresValue } from '../../model/metric.js';
import type { CompareOp } from '../../model/expr.js';
import { cmp, col } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict, whereAllPresent } from '../row-level.js';

/** How the first column of the pair relates to the second. */
export type PairRelation = '=' | '>' | '>=' | '<' | '<=';
const WORDS: Record<PairRelation, string> = {
  '=': 'equals',
  '>': 'is greater than',
  '>=': 'is at least',
  '<': 'is less than',
  '<=': 'is at most',
};

/**
 * Two columns of the same row compared: `t.columns('a', 'b').equal()`, `.aGreaterThanB({ orEqual })`,
 * `.aLessThanB(...)`. A row with a null on either side is not considered (Great Expectations'
 * `ignore_row_if: 'either_value_is_missing'`): a missing value neither agrees nor disagrees.
 */
export const columnPair: CheckKind<{ relation: PairRelation }> = defineCheckKind<{ relation: PairRelation }>({
  kind: 'column_pair',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const [a, b] = def.columns!;
    return [predicateMetric(def, cmp(def.params.relation as CompareOp, col(a), col(b)), whereAllPresent([a, b], ctx), true)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(columnPair.metrics(def, ctx)[0]), `each row: ${columnPair.describe(def)}`),
  describe: (def) => `${def.columns![0]} ${WORDS[def.params.relation]} ${def.columns![1]}`,
});
