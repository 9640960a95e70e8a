import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  TimeUnit,
  Timestamp,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { LogicalType } from '../../../../model/contract.js';
import type { PhysicalColumn } from '../../../../model/metric.js';

/** A column's type as the PostgreSQL catalog states it (domains already resolved to their base type). */
export interface PgColumnType {
  name: string;
  /** pg_type.typname of the base type: int4, numeric, timestamptz, ... */
  typeName: string;
  /** pg_type.typtype: 'b' base, 'e' enum, 'c' composite, 'r' range, ... */
  typeKind: string;
  /** The type modifier (atttypmod): precision/scale of numeric, -1 when none. */
  typmod: number;
  /** format_type(): the name a person would write, e.g. `numeric(12,2)`, `integer[]`. */
  formatted: string;
  nullable: boolean;
}

interface Mapped {
  arrow?: DataType;
  /** Type text when there is no Arrow type to print. */
  text?: string;
  logical?: LogicalType;
}

// Type text comes from apache-arrow's own toString, so a PostgreSQL column reads exactly like the
// same column in a Parquet or Arrow file (`Int64`, `Timestamp<MICROSECOND, UTC>`), and schema
// checks and reports need no second vocabulary.
const STRING: Mapped = { arrow: new Utf8(), logical: { type: 'string' } };
const BY_NAME: Record<string, Mapped> = {
  int2: { arrow: new Int16(), logical: { type: 'int', bits: 16, signed: true } },
  int4: { arrow: new Int32(), logical: { type: 'int', bits: 32, signed: true } },
  int8: { arrow: new Int64(), logical: { type: 'int', bits: 64, signed: true } },
  float4: { arrow: new Float32(), logical: { type: 'float', bits: 32 } },
  float8: { arrow: new Float64(), logical: { type: 'float', bits: 64 } },
  bool: { arrow: new Bool(), logical: { type: 'bool' } },
  date: { arrow: new DateDay(), logical: { type: 'date' } },
  timestamp: { arrow: new Timestamp(TimeUnit.MICROSECOND), logical: { type: 'timestamp', unit: 'us' } },
  timestamptz: { arrow: new Timestamp(TimeUnit.MICROSECOND, 'UTC'), logical: { type: 'timestamp', unit: 'us', tz: 'UTC' } },
  bytea: { arrow: new Binary(), logical: { type: 'binary' } },
  text: STRING,
  varchar: STRING,
  bpchar: STRING,
  name: STRING,
  citext: STRING,
  // Read as text, compared as text, and contracts declare them as strings (`col.string().format('uuid')`).
  uuid: STRING,
};

/**
 * The physical column for a PostgreSQL type, in the Arrow type-text vocabulary of the file sources.
 * Types without a datacheck equivalent (json, interval, arrays, ranges, ...) keep their PostgreSQL
 * name and no logical type, so a schema check says what the column really is.
 */
export function physicalColumnOf(c: PgColumnType): PhysicalColumn {
  const m = mapType(c);
  const col: PhysicalColumn = { name: c.name, arrowType: m.arrow ? String(m.arrow) : (m.text ?? c.formatted), nullable: c.nullable };
  if (m.logical) col.logical = m.logical;
  return col;
}

function mapType(c: PgColumnType): Mapped {
  if (c.typeName === 'numeric') return numeric(c.typmod);
  if (c.typeKind === 'e') return STRING; // enums: text values from a closed set
  return BY_NAME[c.typeName] ?? {};
}

/**
 * numeric(p, s) is a decimal. Plain `numeric` has no precision at all; its values arrive as
 * doubles, so it is described as float64, which a decimal or float contract column accepts.
 */
function numeric(typmod: number): Mapped {
  if (typmod < 4) return { text: 'numeric', logical: { type: 'float', bits: 64 } };
  const packed = typmod - 4; // VARHDRSZ
  const precision = (packed >> 16) & 0xffff;
  const scale = ((packed & 0x7ff) ^ 1024) - 1024; // 11-bit signed since PostgreSQL 15
  return { arrow: new Decimal(scale, precision, 128), logical: { type: 'decimal', precision, scale } };
}
