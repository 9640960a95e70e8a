import { DatacheckError } from '../../../model/issue.js';
import type { ApproxQuantilesValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { DD_RELATIVE_ACCURACY, ddAdd, ddInit, ddMerge, ddQuantile } from '../sketches/ddsketch.js';
import type { DdState } from '../sketches/ddsketch.js';
import { numericColumn } from './common.js';

/**
 * Quantiles of non-null, non-NaN numbers estimated with DDSketch at 1% relative accuracy, in
 * memory that grows with the logarithm of the value range rather than with the rows.
 * Dates and timestamps are refused: 1% of an epoch-milliseconds value is months.
 */
export const approxQuantiles = (column: string, probs: number[]): Aggregator<DdState> => ({
  init: () => ddInit(),
  update(s, input) {
    const v = numericColumn(input, column, 'approximate quantiles');
    if (!v) return;
    if (v.kind !== 'number') {
      throw new DatacheckError({
        code: 'metric.unsupported_type',
        message: `approximate quantiles of '${column}' need a number column: 1% relative accuracy on a ${v.kind} (milliseconds since 1970) is months`,
        expected: 'a number column',
        found: v.kind,
      });
    }
    const { mask, numRows } = input;
    const logGamma = Math.log(s.gamma);
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (v.valid && v.valid[i] === 0)) continue;
      const x = v.v[i];
      if (x === x) ddAdd(s, x, logGamma);
    }
  },
  merge: ddMerge,
  result(s): ApproxQuantilesValue {
    const values = s.count === 0 ? [] : probs.map((p) => ddQuantile(s, p)!);
    return { values, approximation: { method: 'ddsketch', relativeAccuracy: DD_RELATIVE_ACCURACY } };
  },
});
