import { DatacheckError } from '../../../model/issue.js';
import type { HistogramValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { numericColumn } from './common.js';

/** More bins than a report can draw; also keeps bin numbers small integers (binValues uses `| 0`). */
export const MAX_BINS = 1 << 24;

interface HistogramState {
  /**
   * Every kept value, one exactly-sized chunk per batch: the bin edges depend on the exact min and
   * max, known only at the end. Chunks, not one growing buffer: no copies while growing, no
   * doubled capacity, and merging two states is a concatenation of lists.
   */
  chunks: Float64Array[];
  n: number;
  min: number;
  max: number;
}

/**
 * Equal-width histogram of the non-null, non-NaN values (dates and timestamps as epoch ms) from
 * the exact min to the exact max. Values are collected like quantiles collects them and binned
 * once in `result`, by the formula of the metric spec (model/metric.ts) so every engine agrees:
 * bin = min(bins - 1, floor((x - min) * bins / (max - min))), everything in bin 0 when max = min.
 */
export const histogram = (column: string, bins: number): Aggregator<HistogramState> => ({
  init: () => ({ chunks: [], n: 0, min: Infinity, max: -Infinity }),
  update(s, input) {
    // Checked here, not when built: the engine turns what update throws into the metric's issue.
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
      throw new DatacheckError({
        code: 'metric.invalid',
        message: `histogram of '${column}' needs a whole number of bins from 1 to ${MAX_BINS}`,
        expected: `1 <= bins <= ${MAX_BINS}`,
        found: String(bins),
      });
    }
    const v = numericColumn(input, column, 'histogram');
    if (!v) return;
    const { mask, numRows } = input;
    const x = v.v;
    const valid = v.valid;
    let min = s.min;
    let max = s.max;
    if (!mask && !valid) {
      // The common case: no filter, no nulls. When there is no NaN either, a converted column that
      // owns its buffer (int64, dates, timestamps) is kept as it is, without a copy; the engine
      // never writes into column vectors. A view into Arrow's record batch is copied, so the
      // batch itself is not kept alive.
      let nan = 0;
      for (let i = 0; i < numRows; i++) {
        const y = x[i];
        if (y !== y) nan++;
        else {
          if (y < min) min = y;
          if (y > max) max = y;
        }
      }
      if (nan === 0 && numRows > 0) {
        // (Arrow pads buffers: the column may be longer than the batch.)
        s.chunks.push(x.length === numRows && x.byteLength === x.buffer.byteLength ? x : x.slice(0, numRows));
        s.n += numRows;
        s.min = min;
        s.max = max;
        return;
      }
    }
    const out = new Float64Array(numRows);
    let n = 0;
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
      const y = x[i];
      if (y !== y) continue; // NaN
      out[n++] = y;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    if (n === 0) return;
    s.chunks.push(n === numRows ? out : out.slice(0, n));
    s.n += n;
    s.min = min;
    s.max = max;
  },
  merge: (a, b) => ({ chunks: [...a.chunks, ...b.chunks], n: a.n + b.n, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) }),
  result(s): HistogramValue {
    const counts = new Float64Array(bins);
    if (s.n > 0) for (const chunk of s.chunks) binValues(chunk, s.min, s.max, counts);
    // `+ 0` turns -0 into 0: the scan keeps whichever of -0 and 0 came first, Math.min/max in merge
    // prefer -0/0, so without it a split run could report -0 where one pass reports 0.
    return s.n === 0
      ? { min: null, max: null, counts: Array.from(counts) }
      : { min: s.min + 0, max: s.max + 0, counts: Array.from(counts) };
  },
});

/** Adds each value to its bin (see the spec's formula); `counts` has one entry per bin. */
export function binValues(values: Float64Array, min: number, max: number, counts: Float64Array): void {
  const n = values.length;
  const bins = counts.length;
  const range = max - min;
  // max === min also when both are the same infinity (their difference is NaN): all in bin 0.
  if (range === 0 || max === min) {
    counts[0] += n;
    return;
  }
  const last = bins - 1;
  if (Number.isFinite(range)) {
    for (let i = 0; i < n; i++) {
      // Exactly the spec's floor((x - min) * bins / (max - min)); `| 0` is floor here: never negative, < 2^31.
      const b = (((values[i] - min) * bins) / range) | 0;
      counts[Math.min(b, last)]++;
    }
    return;
  }
  // A range past Number.MAX_VALUE (e.g. -1e308 .. 1e308): halve first so the arithmetic stays
  // finite. With an infinite min or max the finite values have no position: they go to bin 0.
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const b = x === max ? last : x === min ? 0 : Math.floor(((x / 2 - min / 2) / (max / 2 - min / 2)) * bins);
    // biome-ignore lint/complexity/useMathMinMax: b is NaN for an infinite min or max (Infinity - Infinity); the comparison sends it to bin 0, Math.max would not
    counts[b > last ? last : b >= 0 ? b : 0]++;
  }
}
