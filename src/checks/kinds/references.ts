import type { FailuresValue } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { rowLevelVerdict } from '../row-level.js';

/** Referential integrity: every non-null value exists in another dataset's column (`customers.id`). */
export const references: CheckKind<{ dataset: string; column: string }> = defineCheckKind<{ dataset: string; column: string }>({
  kind: 'references',
  scope: 'column',
  observes: 'counts',
  acceptsWhere: false,
  metrics: (def, ctx) => [
    {
      kind: 'orphan_count',
      columns: [def.column!],
      ref: { dataset: def.params.dataset, columns: [def.params.column] },
      sampleSize: ctx.sampleSize,
    },
  ],
  evaluate: (def, m, ctx) =>
    rowLevelVerdict(
      def,
      m.value<FailuresValue>(references.metrics(def, ctx)[0]),
      `every value exists in ${def.params.dataset}.${def.params.column}`,
    ),
  describe: (def) => `${def.column} references ${def.params.dataset}.${def.params.column}`,
});
