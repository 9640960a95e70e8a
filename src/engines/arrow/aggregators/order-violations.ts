import type { FailingRow, FailuresValue, MetricSpec } from '../../../model/metric.js';
import { DatacheckError } from '../../../model/issue.js';
import { describeVec } from '../expr/coerce.js';
import type { Aggregator } from '../aggregator.js';
import { failingRow } from '../row-values.js';

type OrderSpec = Extract<MetricSpec, { kind: 'order_violations' }>;

interface OrderState extends FailuresValue {
  /** The first considered value of this part of the data, with its row: it fails only against the part before. */
  first: { value: number; row: FailingRow } | null;
  /** The last considered value (meaningful once `considered` > 0). */
  last: number;
}

/**
 * Values in read order, each compared with the previous considered one (see the metric's
 * definition in model/metric.ts). Parts of the data are merged in row order (the parallel engine
 * merges ranges in order), so the one comparison a split hides, the first value of a part against
 * the last of the part before, is made in `merge`.
 */
export const orderViolations = (spec: OrderSpec, sampleColumns?: readonly string[]): Aggregator<OrderState> => {
  const { column, direction, strictly } = spec;
  const inOrder =
    direction === 'increasing'
      ? strictly
        ? (x: number, prev: number) => x > prev
        : (x: number, prev: number) => x >= prev
      : strictly
        ? (x: number, prev: number) => x < prev
        : (x: number, prev: number) => x <= prev;
  // The Arrow engine numbers every row (row is null only where a SQL engine cannot).
  const keep = (sample: FailingRow[]) => sample.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, spec.sampleSize);
  return {
    init: () => ({ considered: 0, failed: 0, sample: [], first: null, last: 0 }),
    update(s, { columns, mask, numRows, source }) {
      const v = columns.get(column);
      if (v.t === 'const' && v.value === null) return;
      if (v.t !== 'num') {
        throw new DatacheckError({
          code: 'metric.unsupported_type',
          message: `the order of '${column}' needs a number, date or timestamp column but found ${describeVec(v)}`,
          expected: 'a number, date or timestamp column',
          found: describeVec(v),
        });
      }
      for (let i = 0; i < numRows; i++) {
        if ((mask && mask[i] !== 1) || (v.valid && v.valid[i] === 0)) continue;
        const x = v.v[i];
        if (s.considered === 0) s.first = { value: x, row: failingRow(source, i, sampleColumns) };
        else if (!inOrder(x, s.last)) {
          s.failed++;
          if (s.sample.length < spec.sampleSize) s.sample.push(failingRow(source, i, sampleColumns));
        }
        s.considered++;
        s.last = x;
      }
    },
    merge(a, b) {
      if (a.considered === 0) return b;
      if (b.considered === 0) return a;
      const boundary = b.first !== null && !inOrder(b.first.value, a.last);
      return {
        considered: a.considered + b.considered,
        failed: a.failed + b.failed + (boundary ? 1 : 0),
        sample: keep([...a.sample, ...b.sample, ...(boundary ? [b.first!.row] : [])]),
        first: a.first,
        last: b.last,
      };
    },
    result: (s) => ({ considered: s.considered, failed: s.failed, sample: keep([...s.sample]) }),
  };
};
