import { Type, makeVector } from 'apache-arrow';
import type { Data, RecordBatch, Vector } from 'apache-arrow';
import { DatacheckError } from '../../../model/issue.js';
import type { NumVec, StrVec, Utf8View, Vec } from './vec.js';
import { stringAt } from './vec.js';

/**
 * Turns one Arrow column of a batch into an evaluation vector by reading its buffers directly:
 * typed values, the validity bitmap (expanded to one byte per row so later loops are simple) and,
 * for strings, offsets into one decoded values buffer. Dictionaries are decoded once per Arrow
 * dictionary object and reused across batches.
 */

const dictionaryCache = new WeakMap<object, (string | null)[]>();

/** Byte-per-row validity (1 = non-null), or null when the column has no nulls. */
export function validityOf(data: Data): Uint8Array | null {
  const n = data.length;
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) {
    if (data.typeId === Type.Null) return new Uint8Array(n);
    return null;
  }
  const bits = data.nullBitmap;
  const off = data.offset;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = off + i;
    out[i] = (bits[b >> 3] >> (b & 7)) & 1;
  }
  return out;
}

/** Reads column `name` of `batch`; throws `expr.unknown_column` when it is absent. */
export function readColumn(batch: RecordBatch, name: string): Vec {
  const index = batch.schema.fields.findIndex((f) => f.name === name);
  if (index < 0) {
    throw new DatacheckError({
      code: 'expr.unknown_column',
      message: `unknown column '${name}'`,
      expected: `one of ${batch.schema.fields.map((f) => f.name).join(', ')}`,
      found: name,
    });
  }
  const vector = batch.getChildAt(index)!;
  return vectorToVec(vector, name);
}

export function vectorToVec(vector: Vector, name: string): Vec {
  if (vector.data.length !== 1) {
    // Columns of a RecordBatch are one chunk; a multi-chunk vector would need concatenation.
    throw new DatacheckError({
      code: 'expr.unsupported_type',
      message: `column '${name}' has ${vector.data.length} chunks; expected one per batch`,
    });
  }
  return dataToVec(vector.data[0], name);
}

export function dataToVec(data: Data, name: string): Vec {
  const n = data.length;
  const valid = validityOf(data);
  const type = data.type as any;
  switch (data.typeId) {
    case Type.Int: {
      if (type.bitWidth === 64) return { t: 'num', kind: 'number', v: int64ToFloat(data.values, n, type.isSigned), valid };
      return { t: 'num', kind: 'number', v: Float64Array.from(data.values as ArrayLike<number>), valid };
    }
    case Type.Float: {
      if (type.precision === 0) return { t: 'num', kind: 'number', v: halfToFloat(data.values as Uint16Array, n), valid };
      const values = data.values as Float64Array | Float32Array;
      return { t: 'num', kind: 'number', v: values instanceof Float64Array ? values : Float64Array.from(values), valid };
    }
    case Type.Decimal:
      return { t: 'num', kind: 'number', v: decimalToFloat(data.values as Uint32Array, n, type.scale, type.bitWidth ?? 128), valid };
    case Type.Date: {
      if (type.unit === 0) {
        const days = data.values as Int32Array;
        const v = new Float64Array(n);
        for (let i = 0; i < n; i++) v[i] = days[i] * 86_400_000;
        return { t: 'num', kind: 'date', v, valid };
      }
      return { t: 'num', kind: 'date', v: int64ToFloat(data.values, n, true), valid };
    }
    case Type.Timestamp: {
      const v = int64ToFloat(data.values, n, true);
      const div = [1e-3, 1, 1e3, 1e6][type.unit as number];
      if (div !== 1) for (let i = 0; i < n; i++) v[i] = Math.floor(v[i] / div);
      return { t: 'num', kind: 'timestamp', v, valid };
    }
    case Type.Bool: {
      const bits = data.values as Uint8Array;
      const v = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const b = data.offset + i;
        v[i] = valid && valid[i] === 0 ? 2 : (bits[b >> 3] >> (b & 7)) & 1;
      }
      return { t: 'bool', v };
    }
    case Type.Utf8:
    case Type.LargeUtf8: {
      const utf8: Utf8View = { bytes: data.values as Uint8Array, offsets: offsetsOf(data), valid };
      return { t: 'str', n, idx: null, utf8 };
    }
    case Type.Dictionary:
      return dictionaryToVec(data, name, valid);
    case Type.Null:
      return { t: 'const', value: null };
    default: {
      // Rare string-like types (Utf8View): fall back to the element accessor.
      if (data.typeId === Type.Utf8View) {
        const vec = makeVector(data);
        const dict: (string | null)[] = new Array(n);
        for (let i = 0; i < n; i++) dict[i] = vec.get(i) as string | null;
        return { t: 'str', n, dict, idx: null };
      }
      throw new DatacheckError({
        code: 'expr.unsupported_type',
        message: `column '${name}' has type ${String(data.type)}, which expressions cannot read`,
        expected: 'a number, decimal, boolean, string, date or timestamp column',
        found: String(data.type),
      });
    }
  }
}

function dictionaryToVec(data: Data, name: string, valid: Uint8Array | null): StrVec {
  const dictionary = data.dictionary;
  if (!dictionary) throw new DatacheckError({ code: 'expr.unsupported_type', message: `dictionary column '${name}' has no dictionary` });
  let dict = dictionaryCache.get(dictionary);
  if (!dict) {
    dict = [];
    for (const chunk of dictionary.data) {
      const inner = dataToVec(chunk, name);
      if (inner.t !== 'str') {
        throw new DatacheckError({
          code: 'expr.unsupported_type',
          message: `column '${name}' is a dictionary of ${String(chunk.type)}; only string dictionaries are supported`,
          found: String(data.type),
        });
      }
      for (let i = 0; i < chunk.length; i++) dict.push(stringAt(inner, i));
    }
    dictionaryCache.set(dictionary, dict);
  }
  const n = data.length;
  const raw = data.values as ArrayLike<number | bigint>;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = valid && valid[i] === 0 ? -1 : Number(raw[i]);
  return { t: 'str', n, dict, idx };
}

function offsetsOf(data: Data): Int32Array | Float64Array {
  const o = data.valueOffsets as Int32Array | BigInt64Array;
  if (o instanceof Int32Array) return o;
  const out = new Float64Array(o.length);
  for (let i = 0; i < o.length; i++) out[i] = Number(o[i]);
  return out;
}

/** int64 -> number without allocating BigInts: hi * 2^32 + lo (exact below 2^53). */
export function int64ToFloat(values: ArrayBufferView, n: number, signed: boolean): Float64Array {
  const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
  const out = new Float64Array(n);
  if (signed) for (let i = 0; i < n; i++) out[i] = words[2 * i + 1] * 4294967296 + (words[2 * i] >>> 0);
  else for (let i = 0; i < n; i++) out[i] = (words[2 * i + 1] >>> 0) * 4294967296 + (words[2 * i] >>> 0);
  return out;
}

function decimalToFloat(words: Uint32Array, n: number, scale: number, bitWidth: number): Float64Array {
  const stride = bitWidth / 32;
  const out = new Float64Array(n);
  const pow = 10 ** scale;
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    const negative = (words[base + stride - 1] & 0x80000000) !== 0;
    // Two's complement: a negative value is -(~x + 1), computed on the inverted words.
    let value = 0;
    for (let w = stride - 1; w >= 0; w--) value = value * 4294967296 + (negative ? ~words[base + w] >>> 0 : words[base + w]);
    out[i] = (negative ? -(value + 1) : value) / pow;
  }
  return out;
}

function halfToFloat(bits: Uint16Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[i];
    const s = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const f = h & 0x3ff;
    out[i] = e === 0 ? s * 2 ** -14 * (f / 1024) : e === 31 ? (f ? NaN : s * Infinity) : s * 2 ** (e - 15) * (1 + f / 1024);
  }
  return out;
}

export type { NumVec };
