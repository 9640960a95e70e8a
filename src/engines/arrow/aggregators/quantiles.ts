import type { Aggregator } from '../aggregator.js';
import { ensureCapacity, numericColumn } from './common.js';

interface QuantileState {
  values: Float64Array;
  n: number;
}

/**
 * Exact quantiles: non-null, non-NaN values are collected into one growing Float64Array, sorted
 * once, and read with linear interpolation between order statistics (numpy's default,
 * DuckDB's quantile_cont): position p * (n - 1).
 */
export const quantiles = (column: string, probs: number[]): Aggregator<QuantileState> => ({
  init: () => ({ values: new Float64Array(0), n: 0 }),
  update(s, input) {
    const v = numericColumn(input, column, 'quantiles');
    if (!v) return;
    const { mask, numRows } = input;
    s.values = ensureCapacity(s.values, s.n + numRows);
    const out = s.values;
    const x = v.v;
    const valid = v.valid;
    let n = s.n;
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
      const y = x[i];
      if (y === y) out[n++] = y;
    }
    s.n = n;
  },
  merge(a, b) {
    const values = new Float64Array(a.n + b.n);
    values.set(a.values.subarray(0, a.n));
    values.set(b.values.subarray(0, b.n), a.n);
    return { values, n: a.n + b.n };
  },
  result(s) {
    if (s.n === 0) return [];
    const sorted = s.values.subarray(0, s.n).sort();
    return probs.map((p) => interpolate(sorted, p));
  },
});

export function interpolate(sorted: Float64Array, p: number): number {
  const pos = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = pos - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}
