// Turns DuckDB data chunks (2,048 rows) into Arrow record batches of a fixed size, column by
// column into typed buffers: no row objects, so 5M rows convert in bounded memory.
import { Field, Float64, Int64, RecordBatch, Schema, Struct, TimestampMicrosecond, Utf8, makeData } from 'apache-arrow';

export const ORDERS_SCHEMA = new Schema([
  new Field('order_id', new Int64(), false),
  new Field('customer_id', new Int64(), false),
  new Field('amount', new Float64(), true),
  new Field('status', new Utf8(), false),
  new Field('email', new Utf8(), false),
  new Field('ordered_at', new TimestampMicrosecond(), false),
]);

const encoder = new TextEncoder();

/** A growable UTF-8 buffer plus offsets: one Arrow Utf8 column under construction. */
class StringColumn {
  constructor(capacity) {
    this.offsets = new Int32Array(capacity + 1);
    this.bytes = new Uint8Array(capacity * 16);
    this.end = 0;
  }
  push(row, value) {
    // Worst case 3 bytes per UTF-16 unit; grow before encoding so encodeInto never truncates.
    const need = this.end + value.length * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.end));
      this.bytes = grown;
    }
    this.end += encoder.encodeInto(value, this.bytes.subarray(this.end)).written;
    this.offsets[row + 1] = this.end;
  }
  data(length) {
    return makeData({
      type: new Utf8(),
      length,
      nullCount: 0,
      valueOffsets: this.offsets.slice(0, length + 1),
      data: this.bytes.slice(0, this.end),
    });
  }
}

export class OrdersBatchBuilder {
  constructor(capacity) {
    this.capacity = capacity;
    this.reset();
  }

  reset() {
    const cap = this.capacity;
    this.length = 0;
    this.orderId = new BigInt64Array(cap);
    this.customerId = new BigInt64Array(cap);
    this.amount = new Float64Array(cap);
    this.amountValid = new Uint8Array(Math.ceil(cap / 8));
    this.amountNulls = 0;
    this.status = new StringColumn(cap);
    this.email = new StringColumn(cap);
    this.orderedAt = new BigInt64Array(cap);
  }

  get full() {
    return this.length === this.capacity;
  }

  /**
   * Appends rows [from, from + count) of a chunk whose columns are, in order: order_id, customer_id,
   * amount, status, email, ordered_at as BIGINT microseconds since the epoch. Returns rows taken.
   */
  appendChunk(chunk, from) {
    const take = Math.min(chunk.rowCount - from, this.capacity - this.length);
    const [oid, cid, amt, st, em, ts] = [0, 1, 2, 3, 4, 5].map((c) => chunk.getColumnVector(c));
    for (let k = 0; k < take; k++) {
      const src = from + k;
      const row = this.length + k;
      this.orderId[row] = oid.getItem(src);
      this.customerId[row] = cid.getItem(src);
      const a = amt.getItem(src);
      if (a === null) this.amountNulls++;
      else {
        this.amount[row] = a;
        this.amountValid[row >> 3] |= 1 << (row & 7);
      }
      this.status.push(row, st.getItem(src));
      this.email.push(row, em.getItem(src));
      this.orderedAt[row] = ts.getItem(src);
    }
    this.length += take;
    return take;
  }

  /** The rows so far as one RecordBatch; the builder starts afresh (buffers are handed over, not shared). */
  flush() {
    const n = this.length;
    const fixed = (type, values) => makeData({ type, length: n, nullCount: 0, data: values.subarray(0, n) });
    const children = [
      fixed(new Int64(), this.orderId),
      fixed(new Int64(), this.customerId),
      makeData({
        type: new Float64(),
        length: n,
        nullCount: this.amountNulls,
        nullBitmap: this.amountNulls > 0 ? this.amountValid.subarray(0, Math.ceil(n / 8)) : undefined,
        data: this.amount.subarray(0, n),
      }),
      this.status.data(n),
      this.email.data(n),
      fixed(new TimestampMicrosecond(), this.orderedAt),
    ];
    const data = makeData({ type: new Struct(ORDERS_SCHEMA.fields), length: n, nullCount: 0, children });
    const batch = new RecordBatch(ORDERS_SCHEMA, data);
    this.reset();
    return batch;
  }
}
