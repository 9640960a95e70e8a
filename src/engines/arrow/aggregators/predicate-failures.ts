import type { Expr } from '../../../model/expr.js';
import type { FailingRow, FailuresValue } from '../../../model/metric.js';
import { validityOf } from '../expr/read-column.js';
import type { Aggregator } from '../aggregator.js';
import { columnData } from '../keys.js';
import { failingRow } from '../row-values.js';

/**
 * The generic row-level metric: over rows that pass `where` (and, unless `includeNulls`, have a
 * non-null `column`), how many have the predicate false. A null predicate is not a failure.
 * Failing rows are sampled with every column's value, their row number and source line.
 */
export const predicateFailures = (spec: { column?: string; predicate: Expr; includeNulls?: boolean; sampleSize: number }): Aggregator<FailuresValue> => ({
  init: () => ({ considered: 0, failed: 0, sample: [] }),
  update(s, input) {
    const { mask, numRows, source } = input;
    const valid = spec.column !== undefined && !spec.includeNulls ? validityOf(columnData(source.batch, spec.column)) : null;
    const p = input.predicate(spec.predicate);
    let considered = 0;
    let failed = 0;
    const sample = s.sample as FailingRow[];
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
      considered++;
      if (p[i] === 0) {
        failed++;
        if (sample.length < spec.sampleSize) sample.push(failingRow(source, i));
      }
    }
    s.considered += considered;
    s.failed += failed;
  },
  merge: (a, b) => ({
    considered: a.considered + b.considered,
    failed: a.failed + b.failed,
    sample: [...a.sample, ...b.sample].sort((x, y) => x.row - y.row).slice(0, spec.sampleSize),
  }),
  result: (s) => ({ considered: s.considered, failed: s.failed, sample: [...s.sample] }),
});
