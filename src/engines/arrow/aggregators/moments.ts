import type { MomentsValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';

/**
 * Per-batch summaries in row order. They are folded left to right only in `result`, so a run
 * split across threads combines the very same summaries in the very same order as one thread:
 * floating-point results are bit-identical whatever the split.
 */
interface MomentsState {
  batches: MomentsValue[];
}
import { numericColumn } from './common.js';

/**
 * Count, sum, mean and M2 (sum of squared deviations) over non-null, non-NaN numbers. Each batch
 * is summarised exactly with two passes (mean, then deviations) and batches are combined with
 * Chan's parallel formula, so large offsets (1e9 + small spread) keep their precision.
 */
export const moments = (column: string): Aggregator<MomentsState> => ({
  init: () => ({ batches: [] }),
  update(s, input) {
    const v = numericColumn(input, column, 'moments');
    if (!v) return;
    const { mask, numRows } = input;
    const x = v.v;
    const valid = v.valid;
    let count = 0;
    let sum = 0;
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
      const y = x[i];
      if (y !== y) continue;
      count++;
      sum += y;
    }
    if (count === 0) return;
    const mean = sum / count;
    let m2 = 0;
    let comp = 0; // corrects the mean's rounding error (Björck's two-pass correction)
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
      const y = x[i];
      if (y !== y) continue;
      const d = y - mean;
      m2 += d * d;
      comp += d;
    }
    m2 -= (comp * comp) / count;
    s.batches.push({ count, sum, mean, m2 });
  },
  merge: (a, b) => ({ batches: [...a.batches, ...b.batches] }),
  result: (s) => s.batches.reduce(combine, { count: 0, sum: 0, mean: 0, m2: 0 }),
});

export function combine(a: MomentsValue, b: MomentsValue): MomentsValue {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  const mean = a.mean + (delta * b.count) / count;
  const m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / count;
  return { count, sum: a.sum + b.sum, mean, m2 };
}
