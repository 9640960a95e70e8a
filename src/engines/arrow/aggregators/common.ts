import { DatacheckError } from '../../../model/issue.js';
import { describeVec } from '../expr/coerce.js';
import type { NumVec, Vec } from '../expr/vec.js';
import type { BatchInput } from '../aggregator.js';

/** A numeric column (numbers, decimals, dates, timestamps as epoch ms), or a clear type issue. */
export function numericColumn(input: BatchInput, column: string, metric: string): NumVec | null {
  const v: Vec = input.columns.get(column);
  if (v.t === 'num') return v;
  if (v.t === 'const' && v.value === null) return null; // an all-null column (Arrow Null type)
  throw new DatacheckError({
    code: 'metric.unsupported_type',
    message: `${metric} of '${column}' needs a numeric, date or timestamp column but found ${describeVec(v)}`,
    expected: 'a number, decimal, date or timestamp column',
    found: describeVec(v),
  });
}

/** Grows a Float64Array buffer geometrically (amortised O(1) appends). */
export function ensureCapacity(buf: Float64Array, needed: number): Float64Array {
  if (needed <= buf.length) return buf;
  const next = new Float64Array(Math.max(needed, buf.length * 2, 1024));
  next.set(buf);
  return next;
}
