import type { Bound } from '../../model/check.js';
import type { PhysicalColumn } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';

/** The number of columns in the data is within a bound. */
export const columnCount: CheckKind<{ bound: Bound }> = defineCheckKind<{ bound: Bound }>({
  kind: 'column_count',
  scope: 'dataset',
  observes: 'counts',
  acceptsWhere: false,
  tracks: () => 'column_count',
  metrics: () => [{ kind: 'schema' }],
  evaluate(def, m) {
    const n = m.value<{ columns: PhysicalColumn[] }>({ kind: 'schema' }).columns.length;
    const ok = withinBound(n, def.params.bound);
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: n,
      expected: describeBound(def.params.bound),
      message: `${n} columns`,
      measure: { type: 'count', of: 'columns', value: n, bound: measuredBound(def.params.bound) },
      tracked: n,
    };
  },
  describe: (def) => `column count ${describeBound(def.params.bound)}`,
});
