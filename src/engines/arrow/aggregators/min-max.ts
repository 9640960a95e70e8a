import { dictOf } from '../expr/vec.js';
import { DatacheckError } from '../../../model/issue.js';
import { describeVec } from '../expr/coerce.js';
import type { Aggregator } from '../aggregator.js';
import { columnRange, stringRange } from '../column-range.js';

interface MinMaxState {
  /** Best value so far: a number (dates/timestamps as epoch ms) or a string; null when none. */
  value: number | string | null;
}

/**
 * min or max of numbers, dates, timestamps (epoch ms) or strings (UTF-16 code-unit order).
 * NaN and nulls are ignored; over no values the result is null.
 */
export const minMax = (column: string, kind: 'min' | 'max'): Aggregator<MinMaxState> => {
  const better = kind === 'min' ? (a: number | string, b: number | string) => a < b : (a: number | string, b: number | string) => a > b;
  const offer = (s: MinMaxState, x: number | string) => {
    if (s.value === null || better(x, s.value)) s.value = x;
  };
  return {
    init: () => ({ value: null }),
    update(s, { columns, mask, numRows }) {
      if (!mask) {
        const range = columnRange(columns, column);
        if (range !== undefined) {
          if (range !== null) offer(s, kind === 'min' ? range.min : range.max);
          return;
        }
        const strings = stringRange(columns, column);
        if (strings !== undefined) {
          if (strings !== null) offer(s, kind === 'min' ? strings.min : strings.max);
          return;
        }
      }
      const v = columns.get(column);
      if (v.t === 'num') {
        const x = v.v;
        const valid = v.valid;
        let best = kind === 'min' ? Infinity : -Infinity;
        let seen = false;
        for (let i = 0; i < numRows; i++) {
          if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
          const y = x[i];
          if (y !== y) continue; // NaN
          seen = true;
          if (kind === 'min' ? y < best : y > best) best = y;
        }
        if (seen) offer(s, best);
      } else if (v.t === 'str') {
        const dict = dictOf(v);
        if (v.idx) {
          // Each dictionary entry is compared once, and only if some kept row uses it.
          const used = new Uint8Array(dict.length);
          for (let i = 0; i < numRows; i++) if (v.idx[i] >= 0 && (!mask || mask[i] === 1)) used[v.idx[i]] = 1;
          for (let k = 0; k < dict.length; k++) if (used[k] && dict[k] !== null) offer(s, dict[k] as string);
        } else {
          for (let i = 0; i < numRows; i++) if (dict[i] !== null && (!mask || mask[i] === 1)) offer(s, dict[i] as string);
        }
      } else if (!(v.t === 'const' && v.value === null)) {
        throw new DatacheckError({
          code: 'metric.unsupported_type',
          message: `${kind} of '${column}' needs a number, date, timestamp or string column but found ${describeVec(v)}`,
          expected: 'a number, date, timestamp or string column',
          found: describeVec(v),
        });
      }
    },
    merge(a, b) {
      const s: MinMaxState = { value: a.value };
      if (b.value !== null) offer(s, b.value);
      return s;
    },
    result: (s) => s.value,
  };
};
