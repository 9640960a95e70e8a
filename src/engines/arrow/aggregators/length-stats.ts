import { call, col } from '../../../expr/build.js';
import { DatacheckError } from '../../../model/issue.js';
import type { LengthStatsValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { evaluateExpr } from '../expr/evaluate.js';

/**
 * Lengths of the non-null values of a string column, as the expression `length(column)` gives
 * them (code points), so the statistics and the length check agree on what a length is.
 */
export const lengthStats = (column: string): Aggregator<LengthStatsValue> => {
  const length = call('length', col(column));
  return {
    init: () => ({ count: 0, min: null, max: null, sum: 0 }),
    update(s, input) {
      const raw = input.columns.get(column);
      if (raw.t === 'const' && raw.value === null) return; // an all-null column
      if (raw.t !== 'str') {
        throw new DatacheckError({
          code: 'metric.unsupported_type',
          message: `length statistics of '${column}' need a string column`,
          expected: 'a string column',
          found: raw.t === 'num' ? raw.kind : raw.t,
        });
      }
      const v = evaluateExpr(length, input.columns, input.eval);
      if (v.t !== 'num') return;
      const { mask, numRows } = input;
      for (let i = 0; i < numRows; i++) {
        if ((mask && mask[i] !== 1) || (v.valid && v.valid[i] === 0)) continue;
        const x = v.v[i];
        s.count++;
        s.sum += x;
        if (s.min === null || x < s.min) s.min = x;
        if (s.max === null || x > s.max) s.max = x;
      }
    },
    merge: (a, b) => ({
      count: a.count + b.count,
      sum: a.sum + b.sum,
      min: a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min),
      max: a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max),
    }),
    result: (s) => ({ ...s }),
  };
};
