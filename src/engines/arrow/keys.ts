import { Type } from 'apache-arrow';
import type { Data, RecordBatch } from 'apache-arrow';
import { dataToVec, validityOf } from './expr/read-column.js';
import { dictOf } from './expr/vec.js';
import { missingColumn } from './aggregators/null-count.js';
import { cellValue } from './row-values.js';

/**
 * Row keys of one batch for distinct/duplicate counting, in the cheapest shape the columns allow:
 * - `words`: one numeric column as 64-bit patterns (int64 words as stored; other numbers as
 *   normalised float64 bits), hashed without allocation;
 * - `dict`: one dictionary-string column: dictionary entries plus indices;
 * - `text`: anything else (plain strings, several columns): one string per row, null when any
 *   key part is null (such rows are not counted).
 */
export type KeyBatch =
  | { kind: 'words'; words: Int32Array; valid: Uint8Array | null; float: boolean }
  | { kind: 'dict'; dict: (string | null)[]; idx: Int32Array }
  | { kind: 'text'; keys: (string | null)[] };

export function columnData(batch: RecordBatch, name: string): Data {
  const index = batch.schema.fields.findIndex((f) => f.name === name);
  if (index < 0)
    throw missingColumn(
      name,
      batch.schema.fields.map((f) => f.name),
    );
  return batch.getChildAt(index)!.data[0];
}

export function readKeys(batch: RecordBatch, columns: string[]): KeyBatch {
  const n = batch.numRows;
  if (columns.length === 1) {
    const data = columnData(batch, columns[0]);
    const type = data.type as any;
    if (
      (data.typeId === Type.Int && type.bitWidth === 64) ||
      data.typeId === Type.Timestamp ||
      (data.typeId === Type.Date && type.unit === 1)
    ) {
      const values = data.values as BigInt64Array;
      return { kind: 'words', words: new Int32Array(values.buffer, values.byteOffset, n * 2), valid: validityOf(data), float: false };
    }
    const v = data.typeId === Type.Bool ? null : safeVec(data, columns[0]);
    if (v && v.t === 'num') {
      // -0 and 0 are one value; every NaN is one value.
      const f = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = v.v[i];
        f[i] = x === 0 ? 0 : x !== x ? NaN : x;
      }
      return { kind: 'words', words: new Int32Array(f.buffer), valid: v.valid, float: true };
    }
    if (v && v.t === 'str' && v.idx) return { kind: 'dict', dict: dictOf(v), idx: v.idx };
  }
  const parts = columns.map((c) => textParts(columnData(batch, c), c, n));
  const keys: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let key: string | null = '';
    for (let c = 0; c < parts.length; c++) {
      const p = parts[c][i];
      if (p === null) {
        key = null;
        break;
      }
      key = c === 0 ? p : `${key},${p}`;
    }
    keys[i] = key;
  }
  return { kind: 'text', keys };
}

function safeVec(data: Data, name: string) {
  try {
    return dataToVec(data, name);
  } catch {
    return null;
  }
}

/** One unambiguous text per row (strings JSON-quoted, int64 exact), null for null. */
function textParts(data: Data, name: string, n: number): (string | null)[] {
  const out: (string | null)[] = new Array(n);
  const type = data.type as any;
  if (data.typeId === Type.Int && type.bitWidth === 64) {
    const valid = validityOf(data);
    const values = data.values as BigInt64Array;
    for (let i = 0; i < n; i++) out[i] = valid && !valid[i] ? null : values[i].toString();
    return out;
  }
  const v = data.typeId === Type.Bool ? null : safeVec(data, name);
  if (v && v.t === 'num') {
    for (let i = 0; i < n; i++) out[i] = v.valid && !v.valid[i] ? null : String(v.v[i] === 0 ? 0 : v.v[i]);
  } else if (v && v.t === 'str') {
    const dict = dictOf(v).map((s) => (s === null ? null : JSON.stringify(s)));
    for (let i = 0; i < n; i++) out[i] = v.idx ? (v.idx[i] < 0 ? null : dict[v.idx[i]]) : dict[i];
  } else {
    const valid = validityOf(data);
    for (let i = 0; i < n; i++) out[i] = valid && !valid[i] ? null : JSON.stringify(cellValue(data, i));
  }
  return out;
}
