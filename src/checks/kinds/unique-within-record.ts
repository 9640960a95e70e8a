import type { FailuresValue } from '../../model/metric.js';
import { and, cmp, col } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { predicateMetric, rowLevelVerdict } from '../row-level.js';

/**
 * No two of the named columns hold the same value in one row: `t.columns('a', 'b', 'c').uniqueWithinRecord()`.
 * Nulls are skipped (two nulls are no repeat); every row is considered. Strings compare by code
 * point, so 'A' and 'a', or 'é' and 'e' with a combining accent, are different values.
 */
export const uniqueWithinRecord: CheckKind<Record<string, never>> = defineCheckKind<Record<string, never>>({
  kind: 'unique_within_record',
  scope: 'column',
  observes: 'counts',
  metrics(def, ctx) {
    const cs = def.columns!;
    const pairs = cs.flatMap((a, i) => cs.slice(i + 1).map((b) => cmp('!=', col(a), col(b))));
    return [predicateMetric(def, and(...pairs), ctx, true)];
  },
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(def, m.value<FailuresValue>(uniqueWithinRecord.metrics(def, ctx)[0]), 'no value repeated within a row'),
  describe: (def) => `${def.columns!.join(', ')} unique within each row`,
});
