import { makeData, DataType, type Bool, type Data, type Utf8 } from 'apache-arrow';

/**
 * Growing, typed buffers for one column of one batch: values go straight into the Arrow layout
 * (typed array + validity bitmap, or UTF-8 bytes + offsets), so a batch becomes Arrow Data without
 * a JS array of boxed values in between (that array, its bigints and its strings were most of the
 * garbage-collector time when reading CSV).
 */
export interface ColumnSink {
  readonly length: number;
  /** Appends a value in the in-memory form the parsers return (number, bigint, string, ...). */
  push(v: unknown): void;
  pushNull(): void;
  /** The batch's Data; the sink is then empty (and sized like this batch) for the next one. */
  finish(type: DataType): Data;
}

const MIN_CAPACITY = 1024;
const TWO_32 = 4294967296;
// 64-bit values that are safe integers are written as two 32-bit halves: no bigint per value.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Validity bitmap and length shared by every sink. */
abstract class BaseSink implements ColumnSink {
  length = 0;
  protected capacity: number;
  protected valid: Uint8Array;
  protected nullCount = 0;

  constructor(capacity = MIN_CAPACITY) {
    this.capacity = capacity;
    this.valid = new Uint8Array((capacity + 7) >> 3);
  }

  abstract push(v: unknown): void;
  protected abstract growValues(capacity: number): void;
  protected abstract data(type: DataType, nullBitmap: Uint8Array): Data;
  protected abstract reset(capacity: number): void;

  /** Makes room for one more value; returns its index and marks it valid. */
  protected slot(): number {
    const i = this.length;
    if (i === this.capacity) this.grow();
    this.valid[i >> 3] |= 1 << (i & 7);
    this.length = i + 1;
    return i;
  }

  pushNull(): void {
    const i = this.length;
    if (i === this.capacity) this.grow();
    this.nullCount++;
    this.length = i + 1;
    this.writeNull(i);
  }

  /** Fixed-width columns leave the (zeroed) slot as is; Utf8 repeats the offset. */
  protected writeNull(_i: number): void {}

  private grow(): void {
    const capacity = this.capacity * 2;
    const valid = new Uint8Array((capacity + 7) >> 3);
    valid.set(this.valid);
    this.valid = valid;
    this.growValues(capacity);
    this.capacity = capacity;
  }

  finish(type: DataType): Data {
    const n = this.length;
    const data = this.data(type, this.valid.subarray(0, (n + 7) >> 3));
    const capacity = Math.max(n, MIN_CAPACITY);
    this.length = 0;
    this.nullCount = 0;
    this.capacity = capacity;
    this.valid = new Uint8Array((capacity + 7) >> 3);
    this.reset(capacity);
    return data;
  }
}

type NumberArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;
type NumberArrayType = new (n: number) => NumberArray;

/** int8..int32, uint8..uint32, float32/64 (and decimal), date32: numbers in a typed array. */
export class NumberSink extends BaseSink {
  private values: NumberArray;

  constructor(private readonly ArrayType: NumberArrayType) {
    super();
    this.values = new ArrayType(this.capacity);
  }

  push(v: unknown): void {
    // The slot first: `this.values[this.slot()] = v` reads `this.values` before slot() grows it,
    // and the value went to the old, full array (lost at index 1024, 2048, ... of a first batch).
    const i = this.slot();
    this.values[i] = v as number;
  }

  protected growValues(capacity: number): void {
    const next = new this.ArrayType(capacity);
    next.set(this.values);
    this.values = next;
  }

  protected reset(capacity: number): void {
    this.values = new this.ArrayType(capacity);
  }

  protected data(type: DataType, nullBitmap: Uint8Array): Data {
    const n = this.length;
    return makeData({ type, length: n, nullCount: this.nullCount, nullBitmap, data: this.values.subarray(0, n) } as never);
  }
}

/** int64, uint64, timestamps: bigints, or numbers (safe integers) written as two 32-bit halves. */
export class BigIntSink extends BaseSink {
  private values: BigInt64Array | BigUint64Array;
  private halves: Int32Array;

  constructor(private readonly unsigned: boolean) {
    super();
    this.values = this.alloc(this.capacity);
    this.halves = new Int32Array(this.values.buffer);
  }

  private alloc(n: number): BigInt64Array | BigUint64Array {
    return this.unsigned ? new BigUint64Array(n) : new BigInt64Array(n);
  }

  push(v: unknown): void {
    const i = this.slot();
    if (typeof v === 'number' && LITTLE_ENDIAN) {
      this.halves[2 * i] = v >>> 0; // ToUint32 is v mod 2^32, exact for safe integers (two's complement)
      this.halves[2 * i + 1] = Math.floor(v / TWO_32);
    } else if (this.unsigned) (this.values as BigUint64Array)[i] = BigInt(v as bigint | number);
    else (this.values as BigInt64Array)[i] = BigInt(v as bigint | number);
  }

  protected growValues(capacity: number): void {
    const next = this.alloc(capacity);
    next.set(this.values as never);
    this.values = next;
    this.halves = new Int32Array(next.buffer);
  }

  protected reset(capacity: number): void {
    this.values = this.alloc(capacity);
    this.halves = new Int32Array(this.values.buffer);
  }

  protected data(type: DataType, nullBitmap: Uint8Array): Data {
    const n = this.length;
    return makeData({ type, length: n, nullCount: this.nullCount, nullBitmap, data: this.values.subarray(0, n) } as never);
  }
}

const encoder = new TextEncoder();

/** Utf8 (strings, encoded as they arrive) and Binary (Uint8Array values): bytes + offsets. */
export class BytesSink extends BaseSink {
  private offsets: Int32Array;
  private bytes: Uint8Array;
  private end = 0;

  constructor() {
    super();
    this.offsets = new Int32Array(this.capacity + 1);
    this.bytes = new Uint8Array(this.capacity * 16);
  }

  private room(extra: number): void {
    const need = this.end + extra;
    if (need <= this.bytes.length) return;
    if (need > 0x7fffffff) throw new RangeError('a batch holds more than 2 GiB of text in one column; use a smaller batch size');
    const next = new Uint8Array(Math.min(0x7fffffff, Math.max(need, this.bytes.length * 2)));
    next.set(this.bytes.subarray(0, this.end));
    this.bytes = next;
  }

  push(v: unknown): void {
    const i = this.slot();
    if (typeof v === 'string') this.pushString(v);
    else {
      const b = v as Uint8Array;
      this.room(b.length);
      this.bytes.set(b, this.end);
      this.end += b.length;
    }
    this.offsets[i + 1] = this.end;
  }

  private pushString(s: string): void {
    const n = s.length;
    this.room(n * 3); // a UTF-16 unit never takes more than 3 UTF-8 bytes
    const bytes = this.bytes;
    let at = this.end;
    // ASCII is copied by hand: cheaper than a TextEncoder call for the short strings CSVs hold.
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) {
        at += encoder.encodeInto(k === 0 ? s : s.slice(k), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = c;
    }
    this.end = at;
  }

  protected override writeNull(i: number): void {
    this.offsets[i + 1] = this.end;
  }

  protected growValues(capacity: number): void {
    const next = new Int32Array(capacity + 1);
    next.set(this.offsets);
    this.offsets = next;
  }

  protected reset(capacity: number): void {
    this.offsets = new Int32Array(capacity + 1);
    this.bytes = new Uint8Array(Math.max(this.end, capacity * 16));
    this.end = 0;
  }

  protected data(type: DataType, nullBitmap: Uint8Array): Data {
    const n = this.length;
    return makeData({
      type: type as Utf8,
      length: n,
      nullCount: this.nullCount,
      nullBitmap,
      valueOffsets: this.offsets.subarray(0, n + 1),
      data: this.bytes.subarray(0, this.end),
    });
  }
}

/** Booleans as bits. */
export class BoolSink extends BaseSink {
  private bits: Uint8Array;

  constructor() {
    super();
    this.bits = new Uint8Array((this.capacity + 7) >> 3);
  }

  push(v: unknown): void {
    const i = this.slot();
    if (v === true) this.bits[i >> 3] |= 1 << (i & 7);
  }

  protected growValues(capacity: number): void {
    const next = new Uint8Array((capacity + 7) >> 3);
    next.set(this.bits);
    this.bits = next;
  }

  protected reset(capacity: number): void {
    this.bits = new Uint8Array((capacity + 7) >> 3);
  }

  protected data(type: DataType, nullBitmap: Uint8Array): Data {
    const n = this.length;
    return makeData({ type: type as Bool, length: n, nullCount: this.nullCount, nullBitmap, data: this.bits.subarray(0, (n + 7) >> 3) });
  }
}

/** The sink for an Arrow type, or undefined for nested types (lists, structs), which keep JS values. */
export function sinkFor(type: DataType): ColumnSink | undefined {
  if (DataType.isUtf8(type) || DataType.isBinary(type)) return new BytesSink();
  if (DataType.isBool(type)) return new BoolSink();
  if (DataType.isList(type) || DataType.isStruct(type)) return undefined;
  const ArrayType = (type as { ArrayType?: unknown }).ArrayType;
  if (ArrayType === BigInt64Array) return new BigIntSink(false);
  if (ArrayType === BigUint64Array) return new BigIntSink(true);
  if (typeof ArrayType === 'function') return new NumberSink(ArrayType as NumberArrayType);
  return undefined;
}
