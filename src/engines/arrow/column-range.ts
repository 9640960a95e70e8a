import { Type } from 'apache-arrow';
import type { Data } from 'apache-arrow';
import type { BatchColumns } from './expr/evaluate.js';
import { validityOf } from './expr/read-column.js';
import type { NumVec } from './expr/vec.js';

/** Smallest and largest value of a numeric column in one batch (NaN and nulls left out); null when it has none. */
export type Range = { min: number; max: number } | null;

/** Timestamp units (s, ms, us, ns) -> the divisor to epoch ms, as readColumn converts them. */
const TO_MS = [1e-3, 1, 1e3, 1e6];

/**
 * The range of a numeric, date or timestamp column over every row of the batch, or undefined
 * when the column is not numeric (the caller reports or handles that). min and max metrics of a
 * column share it (one pass, not two). Signed int64, timestamps and millisecond dates are
 * compared on their stored words, high word signed then low word unsigned, and only the two
 * winners are converted to numbers: the conversion to double (and to epoch ms) never reverses an
 * order, so the result equals converting every row first. Measured on the benchmark (single
 * thread, 5M rows, 3 int64-like columns): converting the columns cost 0.10 s and the separate
 * min and max loops 0.13 s.
 */
export function columnRange(columns: BatchColumns, column: string): Range | undefined {
  return columns.memo(`range\0${column}`, () => {
    const batch = columns.batch;
    const index = batch.schema.fields.findIndex((f) => f.name === column);
    const data = index >= 0 ? batch.getChildAt(index)!.data[0] : undefined;
    if (data && isInt64Like(data)) return int64Range(data);
    const v = columns.get(column); // an absent column throws expr.unknown_column here
    return v.t === 'num' ? floatRange(v, columns.numRows) : undefined;
  });
}

function isInt64Like(data: Data): boolean {
  const type = data.type as { bitWidth?: number; isSigned?: boolean; unit?: number };
  if (data.typeId === Type.Int) return type.bitWidth === 64 && type.isSigned === true;
  return data.typeId === Type.Timestamp || (data.typeId === Type.Date && type.unit === 1);
}

function int64Range(data: Data): Range {
  const n = data.length;
  const values = data.values as BigInt64Array;
  const w = new Int32Array(values.buffer, values.byteOffset, n * 2);
  const valid = validityOf(data);
  let minAt = -1;
  let maxAt = -1;
  let minHi = 0;
  let minLo = 0;
  let maxHi = 0;
  let maxLo = 0;
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const hi = w[2 * i + 1];
    const lo = w[2 * i] >>> 0;
    if (minAt < 0) {
      minAt = maxAt = i;
      minHi = maxHi = hi;
      minLo = maxLo = lo;
      continue;
    }
    if (hi < minHi || (hi === minHi && lo < minLo)) {
      minHi = hi;
      minLo = lo;
      minAt = i;
    }
    if (hi > maxHi || (hi === maxHi && lo > maxLo)) {
      maxHi = hi;
      maxLo = lo;
      maxAt = i;
    }
  }
  if (minAt < 0) return null;
  const toNumber = (hi: number, lo: number) => {
    const x = hi * 4294967296 + lo;
    if (data.typeId !== Type.Timestamp) return x;
    const div = TO_MS[(data.type as unknown as { unit: number }).unit];
    return div === 1 ? x : Math.floor(x / div);
  };
  return { min: toNumber(minHi, minLo), max: toNumber(maxHi, maxLo) };
}

/** Same comparisons as one min loop and one max loop (so which of 0 and -0 wins is unchanged). */
function floatRange(v: NumVec, n: number): Range {
  const x = v.v;
  const valid = v.valid;
  let min = Infinity;
  let max = -Infinity;
  let seen = false;
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const y = x[i];
    if (y !== y) continue; // NaN
    seen = true;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return seen ? { min, max } : null;
}
