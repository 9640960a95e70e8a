import { dictOf } from '../expr/vec.js';
import { describeVec } from '../expr/coerce.js';
import { DatacheckError } from '../../../model/issue.js';
import type { TopValuesValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { countUtf8, decodeRow } from './utf8-counts.js';

type Value = string | number | boolean;

interface TopValuesState {
  /** Exact count per distinct non-null value; null once more than maxDistinct were seen (truncated). */
  counts: Map<Value, number> | null;
}

/**
 * The k most frequent non-null values (count descending, then value ascending; strings in UTF-16
 * code-unit order), from an exact count map. Past `maxDistinct` distinct values the map is dropped
 * and every later batch is skipped, so a high-cardinality column (ids, emails) costs one batch.
 * NaN is left out: it is no value a report can show, and JSON cannot carry it.
 */
export const topValues = (column: string, k: number, maxDistinct: number): Aggregator<TopValuesState> => {
  const add = (counts: Map<Value, number>, value: Value, n: number) => counts.set(value, (counts.get(value) ?? 0) + n);
  return {
    init: () => ({ counts: new Map() }),
    update(s, { columns, mask, numRows }) {
      const counts = s.counts;
      if (!counts) return;
      const keep = (i: number) => !mask || mask[i] === 1;
      const v = columns.get(column);
      if (v.t === 'str' && !v.idx && v.utf8) {
        // Plain Utf8: count by bytes, decode only the distinct values.
        const found = countUtf8(v.utf8, numRows, mask, maxDistinct);
        if (!found) {
          s.counts = null;
          return;
        }
        for (let e = 0; e < found.size; e++) add(counts, decodeRow(v.utf8, found.first[e]), found.counts[e]);
      } else if (v.t === 'str') {
        const dict = dictOf(v);
        if (v.idx) {
          // Dictionary strings: count indices in a typed array, then one map update per used entry.
          const perEntry = new Float64Array(dict.length);
          for (let i = 0; i < numRows; i++) if (v.idx[i] >= 0 && keep(i)) perEntry[v.idx[i]]++;
          for (let e = 0; e < perEntry.length; e++) if (perEntry[e] > 0 && dict[e] !== null) add(counts, dict[e] as string, perEntry[e]);
        } else {
          for (let i = 0; i < numRows; i++) {
            const x = dict[i];
            if (x === null || !keep(i)) continue;
            add(counts, x, 1);
            if (counts.size > maxDistinct) break;
          }
        }
      } else if (v.t === 'bool') {
        let t = 0;
        let f = 0;
        for (let i = 0; i < numRows; i++) {
          if (!keep(i)) continue;
          if (v.v[i] === 1) t++;
          else if (v.v[i] === 0) f++;
        }
        if (t > 0) add(counts, true, t);
        if (f > 0) add(counts, false, f);
      } else if (v.t === 'num') {
        const { v: x, valid } = v;
        for (let i = 0; i < numRows; i++) {
          if (!keep(i) || (valid && valid[i] === 0) || x[i] !== x[i]) continue;
          add(counts, x[i], 1);
          if (counts.size > maxDistinct) break;
        }
      } else if (!(v.t === 'const' && v.value === null)) {
        throw new DatacheckError({
          code: 'metric.unsupported_type',
          message: `top_values of '${column}' needs a string, boolean or number column but found ${describeVec(v)}`,
          expected: 'a string, boolean or number column',
          found: describeVec(v),
        });
      }
      if (counts.size > maxDistinct) s.counts = null;
    },
    merge(a, b) {
      if (!a.counts || !b.counts) return { counts: null };
      const counts = new Map(a.counts);
      for (const [value, n] of b.counts) add(counts, value, n);
      return { counts: counts.size > maxDistinct ? null : counts };
    },
    result(s): TopValuesValue {
      if (!s.counts) return { top: [], truncated: true };
      const top = [...s.counts]
        .sort(([va, na], [vb, nb]) => nb - na || (va < vb ? -1 : va > vb ? 1 : 0))
        .slice(0, k)
        .map(([value, count]) => ({ value, count }));
      return { top, distinct: s.counts.size, truncated: false };
    },
  };
};
