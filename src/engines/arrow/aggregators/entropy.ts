import { DatacheckError } from '../../../model/issue.js';
import type { Aggregator } from '../aggregator.js';
import { topValues } from './top-values.js';

/**
 * Shannon entropy in bits of the value frequencies (nulls and NaN left out), from the exact
 * counts the top-values aggregator keeps: -sum p log2 p, summed in descending-count order so the
 * result does not depend on how the data was split. Past `maxDistinct` distinct values those
 * counts are dropped, and the metric ends `metric.too_many_values` rather than guess.
 */
export const entropy = (column: string, maxDistinct: number): Aggregator<any> => {
  const counts = topValues(column, maxDistinct, maxDistinct);
  return {
    ...counts,
    result(s) {
      const value = counts.result(s) as import('../../../model/metric.js').TopValuesValue;
      if (value.truncated) {
        throw new DatacheckError({
          code: 'metric.too_many_values',
          message: `entropy of '${column}' needs a count per distinct value, and it has more than ${maxDistinct}`,
          expected: `at most ${maxDistinct} distinct values`,
          found: `more than ${maxDistinct}`,
        });
      }
      return shannonBits(value.top.map((t) => t.count));
    },
  };
};

/** -sum p log2 p over counts (scipy.stats.entropy(counts, base=2)); null with no values. */
export function shannonBits(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log2(c / n);
  return h === 0 ? 0 : h;
}
