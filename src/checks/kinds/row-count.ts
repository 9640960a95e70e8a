import type { Bound } from '../../model/check.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';
import { trackedName } from '../tracked-metric.js';

/** The number of rows (matching `where`, if given) is within a bound. */
export const rowCount: CheckKind<{ bound: Bound }> = defineCheckKind<{ bound: Bound }>({
  kind: 'row_count',
  scope: 'dataset',
  observes: 'counts',
  tracks: (def, ctx) => trackedName({ kind: 'row_count' }, def.column, ctx.where),
  metrics: (_def, ctx) => [{ kind: 'row_count', ...(ctx.where && { where: ctx.where }) }],
  evaluate(def, m, ctx) {
    const rows = m.value<number>(rowCount.metrics(def, ctx)[0]);
    const ok = withinBound(rows, def.params.bound);
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: rows,
      expected: describeBound(def.params.bound),
      message: `${rows} rows${ok ? '' : `, expected ${describeBound(def.params.bound)}`}`,
      measure: { type: 'count', of: 'rows', value: rows, bound: measuredBound(def.params.bound) },
      tracked: rows,
    };
  },
  describe: (def) => `row count ${describeBound(def.params.bound)}`,
});
