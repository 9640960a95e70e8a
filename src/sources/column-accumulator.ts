import { makeBuilder, makeData, Bool, DataType, Float64, Utf8, type Data } from 'apache-arrow';
import type { LogicalType } from '../model/contract.js';
import type { ParseFailures } from './source.js';
import { arrowTypeFor } from './arrow-types.js';
import { coerceJs, jsText } from './coerce-js.js';
import { coerceJson, coerceJsonText } from './coerce-json.js';
import { sinkFor, type ColumnSink } from './column-sinks.js';
import {
  FAIL,
  INT_RANGE,
  describeType,
  fastDate,
  fastDecimal,
  fastInt,
  fastTimestamp,
  isPlainFloat,
  parseBool,
  parseDate,
  parseDecimal,
  parseFloat,
  parseInt,
  parseTimestamp,
  type Parsed,
} from './parse-text.js';

/** How a column the contract does not name is kept: text formats have no types to trust. */
export type ExtraKind = 'utf8' | 'float64' | 'bool' | 'json-text';

const MAX_SAMPLES = 5;
const encoder = new TextEncoder();

/** Text -> the type's in-memory form: a fast path for plain spellings, the strict parser otherwise. */
function textParser(t: LogicalType): (s: string) => Parsed<unknown> {
  switch (t.type) {
    case 'bool':
      return parseBool;
    case 'int': {
      const { bits, signed } = t;
      if (bits === 64) {
        // Up to 15 digits is always in int64 range; uint64 only needs the sign checked.
        return (s) => {
          const v = fastInt(s);
          return v === undefined ? parseInt(s, 64, signed) : !signed && v < 0 ? FAIL : v;
        };
      }
      const [lo, hi] = INT_RANGE[(signed ? 'i' : 'u') + bits];
      return (s) => {
        const v = fastInt(s);
        return v === undefined ? parseInt(s, bits, signed) : v < lo || v > hi ? FAIL : v;
      };
    }
    case 'float':
      return (s) => (isPlainFloat(s) ? Number(s) : parseFloat(s));
    case 'decimal':
      return (s) => fastDecimal(s, t.precision, t.scale) ?? parseDecimal(s, t.precision, t.scale);
    case 'string':
      return (s) => s;
    case 'date':
      return (s) => fastDate(s) ?? parseDate(s);
    case 'timestamp':
      return (s) => fastTimestamp(s, t.unit) ?? parseTimestamp(s, t.unit);
    case 'binary':
      return (s) => encoder.encode(s);
    case 'list':
    case 'struct':
      return (s) => coerceJsonText(t, s);
  }
}

/** Nested types (lists, structs) keep JS values and go through an Arrow builder at the end. */
class ValuesSink implements ColumnSink {
  private values: unknown[] = [];
  get length(): number {
    return this.values.length;
  }
  push(v: unknown): void {
    this.values.push(v);
  }
  pushNull(): void {
    this.values.push(null);
  }
  finish(type: DataType): Data {
    const data = toData(type, this.values);
    this.values = [];
    return data;
  }
}

/**
 * Collects one column's values for one batch, typed by the contract, and turns them into Arrow
 * Data. Values that do not parse become null and are counted (with samples) as parse failures.
 */
export class ColumnAccumulator {
  readonly type: DataType;
  private readonly sink: ColumnSink;
  private failures: ParseFailures | undefined;
  private readonly fromText: (s: string) => Parsed<unknown>;
  private readonly fromJson: (v: unknown) => Parsed<unknown>;
  private readonly fromJs: (v: unknown) => Parsed<unknown>;

  constructor(
    readonly name: string,
    private readonly logical: LogicalType | undefined,
    extra: ExtraKind = 'utf8',
  ) {
    if (logical) {
      this.type = arrowTypeFor(logical);
      this.fromText = textParser(logical);
      this.fromJson = (v) => coerceJson(logical, v);
      this.fromJs = (v) => coerceJs(logical, v);
    } else {
      this.type = extra === 'float64' ? new Float64() : extra === 'bool' ? new Bool() : new Utf8();
      this.fromText = (s) => s;
      this.fromJson = (v) =>
        v === null || v === undefined
          ? null
          : extra === 'json-text'
            ? typeof v === 'string'
              ? v
              : JSON.stringify(v)
            : extra === 'float64'
              ? typeof v === 'number'
                ? v
                : FAIL
              : extra === 'bool'
                ? typeof v === 'boolean'
                  ? v
                  : FAIL
                : typeof v === 'string'
                  ? v
                  : FAIL;
      this.fromJs = (v) => (extra === 'json-text' && v !== null && v !== undefined ? jsText(v) : this.fromJson(v));
    }
    this.sink = sinkFor(this.type) ?? new ValuesSink();
  }

  get length(): number {
    return this.sink.length;
  }

  /** A CSV cell; `null` for a null marker or an empty unquoted field. */
  pushText(raw: string | null, row: number, line: number | undefined): void {
    if (raw === null) {
      this.sink.pushNull();
      return;
    }
    const v = this.fromText(raw);
    if (v === FAIL) this.fail(raw, row, line);
    else this.sink.push(v);
  }

  pushJson(raw: unknown, row: number, line: number | undefined): void {
    const v = this.fromJson(raw);
    if (v === FAIL) this.fail(typeof raw === 'string' ? raw : JSON.stringify(raw), row, line);
    else if (v === null) this.sink.pushNull();
    else this.sink.push(v);
  }

  /** A JavaScript value of an in-memory source (a row object's property, an arquero column's entry). */
  pushValue(raw: unknown, row: number): void {
    const v = this.fromJs(raw);
    if (v === FAIL) this.fail(jsText(raw), row, undefined);
    else if (v === null) this.sink.pushNull();
    else this.sink.push(v);
  }

  private fail(raw: string, row: number, line: number | undefined): void {
    this.sink.pushNull();
    const f = (this.failures ??= {
      column: this.name,
      count: 0,
      samples: [],
      rows: [],
      expected: this.logical ? describeType(this.logical) : String(this.type).toLowerCase(),
    });
    f.count++;
    f.rows.push(row);
    if (f.samples.length < MAX_SAMPLES) f.samples.push(line === undefined ? { row, raw } : { row, line, raw });
  }

  /** The batch's Data and parse failures; the accumulator is then empty for the next batch. */
  finish(): { data: Data; failures?: ParseFailures } {
    const data = this.sink.finish(this.type);
    const failures = this.failures;
    this.failures = undefined;
    return failures ? { data, failures } : { data };
  }
}

function validity(values: unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap: bitmap, nullCount };
}

/** Builds Arrow Data straight from typed buffers (builders are only used for nested types). */
export function toData(type: DataType, values: unknown[]): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  if (DataType.isUtf8(type) || DataType.isBinary(type)) {
    const bytes: Uint8Array[] = [];
    const offsets = new Int32Array(length + 1);
    let total = 0;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v !== null) {
        const b = typeof v === 'string' ? encoder.encode(v) : (v as Uint8Array);
        bytes.push(b);
        total += b.length;
      }
      offsets[i + 1] = total;
    }
    const data = new Uint8Array(total);
    let at = 0;
    for (const b of bytes) {
      data.set(b, at);
      at += b.length;
    }
    return makeData({ type: type as Utf8, length, nullCount, nullBitmap, valueOffsets: offsets, data });
  }
  if (DataType.isBool(type)) {
    const bits = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i] === true) bits[i >> 3] |= 1 << (i & 7);
    return makeData({ type: type as Bool, length, nullCount, nullBitmap, data: bits });
  }
  const ArrayType = (type as { ArrayType?: new (n: number) => ArrayLike<unknown> }).ArrayType;
  if (!DataType.isList(type) && !DataType.isStruct(type) && ArrayType) {
    const arr = new ArrayType(length) as unknown as Record<number, unknown>;
    const isBig = ArrayType === BigInt64Array || ArrayType === BigUint64Array;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v !== null) arr[i] = isBig && typeof v !== 'bigint' ? BigInt(v as number) : v;
    }
    return makeData({ type, length, nullCount, nullBitmap, data: arr } as never);
  }
  const builder = makeBuilder({ type, nullValues: [null, undefined] });
  for (const v of values) builder.append(v);
  return builder.finish().flush();
}
