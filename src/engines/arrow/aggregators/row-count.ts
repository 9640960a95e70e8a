import type { Aggregator } from '../aggregator.js';

/** Rows (that pass `where`). */
export const rowCount = (): Aggregator<{ n: number }> => ({
  init: () => ({ n: 0 }),
  update(s, { mask, numRows }) {
    if (!mask) s.n += numRows;
    else for (let i = 0; i < numRows; i++) s.n += mask[i] === 1 ? 1 : 0;
  },
  merge: (a, b) => ({ n: a.n + b.n }),
  result: (s) => s.n,
});
