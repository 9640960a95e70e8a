import { Type, makeVector } from 'apache-arrow';
import type { Data, RecordBatch } from 'apache-arrow';
import type { FailingRow } from '../../model/metric.js';
import { capSampleValue } from '../../model/sample-value.js';
import type { SourceBatch } from '../../sources/source.js';
import { dataToVec } from './expr/read-column.js';

/**
 * JSON-friendly values of one row, for failing-row samples: int64 as a number when exact (else
 * a string), dates and timestamps as ISO strings, binary as base64, nested values as plain JSON.
 * Only called for sampled rows, so per-row work here is fine. Long values are capped (see
 * SAMPLE_VALUE_MAX_CHARS).
 */
export function rowValues(batch: RecordBatch, i: number, columns?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  batch.schema.fields.forEach((f, c) => {
    if (columns && !columns.includes(f.name)) return;
    out[f.name] = capSampleValue(cellValue(batch.getChildAt(c)!.data[0], i));
  });
  return out;
}

/** Row `i` of a batch as evidence: its number, line and file, and the values of `columns` (default: all). */
export function failingRow(sb: SourceBatch, i: number, columns?: readonly string[]): FailingRow {
  const row: FailingRow = { row: sb.rowOffset + i + 1, values: rowValues(sb.batch, i, columns) };
  if (sb.lines) row.line = sb.lines[i];
  if (sb.file !== undefined) row.file = sb.file;
  return row;
}

export function cellValue(data: Data, i: number): unknown {
  if (data.nullCount > 0 && data.nullBitmap && data.nullBitmap.length > 0) {
    const b = data.offset + i;
    if (((data.nullBitmap[b >> 3] >> (b & 7)) & 1) === 0) return null;
  }
  const type = data.type as any;
  switch (data.typeId) {
    case Type.Null:
      return null;
    case Type.Int:
      if (type.bitWidth === 64) return int64Json(data.values as BigInt64Array | BigUint64Array, i);
      break;
    case Type.Date:
    case Type.Timestamp: {
      const v = dataToVec(data.slice(i, 1), '');
      const ms = v.t === 'num' ? v.v[0] : NaN;
      if (!Number.isFinite(ms)) return null;
      const iso = new Date(ms).toISOString();
      return data.typeId === Type.Date && ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
    }
    case Type.Decimal: {
      const v = dataToVec(data.slice(i, 1), '');
      return v.t === 'num' ? v.v[0] : null;
    }
  }
  return toJson(makeVector(data).get(i));
}

function int64Json(values: BigInt64Array | BigUint64Array, i: number): number | string {
  const v = values[i];
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
}

function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { toJSON?: () => unknown };
    const plain = typeof o.toJSON === 'function' ? o.toJSON() : v;
    if (Array.isArray(plain)) return plain.map(toJson);
    if (ArrayBuffer.isView(plain)) return Array.from(plain as unknown as ArrayLike<unknown>, toJson);
    if (plain && typeof plain === 'object') return Object.fromEntries(Object.entries(plain).map(([k, x]) => [k, toJson(x)]));
    return toJson(plain);
  }
  return v;
}
