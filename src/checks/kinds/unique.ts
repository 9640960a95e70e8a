import type { FailuresValue } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { rowLevelVerdict } from '../row-level.js';

/** No two rows share a key (one column or a compound key). Rows with a null key part are not considered. */
export const unique: CheckKind<{ columns: string[] }> = defineCheckKind<{ columns: string[] }>({
  kind: 'unique',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [
    { kind: 'duplicate_count', columns: def.params.columns, ...(ctx.where && { where: ctx.where }), sampleSize: ctx.sampleSize },
  ],
  evaluate(def, m, ctx) {
    const failures = m.value<FailuresValue>(unique.metrics(def, ctx)[0]);
    const verdict = rowLevelVerdict(def, failures, 'no duplicate keys');
    if (verdict.outcome === 'fail') verdict.message = `${failures.failed} rows share a key with another row (of ${failures.considered})`;
    return verdict;
  },
  describe: (def) =>
    def.params.columns.length === 1 ? `${def.params.columns[0]} is unique` : `(${def.params.columns.join(', ')}) is unique`,
});
