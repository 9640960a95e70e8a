import {
  Binary,
  Bool,
  DateDay,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Struct,
  TimeUnit as ArrowTimeUnit,
  Timestamp,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { LogicalType } from '../model/contract.js';

const UNITS = { s: ArrowTimeUnit.SECOND, ms: ArrowTimeUnit.MILLISECOND, us: ArrowTimeUnit.MICROSECOND, ns: ArrowTimeUnit.NANOSECOND };

/** The Arrow type a text format (CSV, JSON) materializes a contract column as. */
export function arrowTypeFor(t: LogicalType): DataType {
  switch (t.type) {
    case 'bool':
      return new Bool();
    case 'int': {
      const s = { 8: Int8, 16: Int16, 32: Int32, 64: Int64 } as const;
      const u = { 8: Uint8, 16: Uint16, 32: Uint32, 64: Uint64 } as const;
      return new (t.signed ? s : u)[t.bits]();
    }
    case 'float':
      return t.bits === 32 ? new Float32() : new Float64();
    // Decimals become Float64: the checks compare numbers, and digits/scale are validated on parse.
    case 'decimal':
      return new Float64();
    case 'string':
      return new Utf8();
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new Timestamp(UNITS[t.unit], t.tz ?? null);
    case 'binary':
      return new Binary();
    case 'list':
      return new List(new Field('item', arrowTypeFor(t.of), true));
    case 'struct':
      return new Struct(Object.entries(t.fields).map(([k, v]) => new Field(k, arrowTypeFor(v), true)));
  }
}
