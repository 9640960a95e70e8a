import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import type { LogicalType } from '../../../model/contract.js';
import type { PhysicalColumn } from '../../../model/metric.js';

const DAY_MS = 86_400_000;

/**
 * A DuckDB value as SqlConnection promises it: numbers for every numeric type, epoch milliseconds
 * for dates and timestamps (floored, like the Arrow engine), text for anything else.
 */
export function normalizeDuckdbValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      return Number(v);
  }
  if (v instanceof DuckDBDecimalValue) return Number(v.toString());
  if (v instanceof DuckDBDateValue) return v.days * DAY_MS;
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return floorDiv(v.micros, 1000n);
  if (v instanceof DuckDBTimestampMillisecondsValue) return Number(v.millis);
  if (v instanceof DuckDBTimestampSecondsValue) return Number(v.seconds) * 1000;
  if (v instanceof DuckDBTimestampNanosecondsValue) return floorDiv(v.nanos, 1_000_000n);
  return String(v);
}

function floorDiv(a: bigint, b: bigint): number {
  const q = a / b;
  return Number(a % b < 0n ? q - 1n : q);
}

const INTS: Record<string, [8 | 16 | 32 | 64, boolean, string]> = {
  TINYINT: [8, true, 'Int8'],
  SMALLINT: [16, true, 'Int16'],
  INTEGER: [32, true, 'Int32'],
  BIGINT: [64, true, 'Int64'],
  UTINYINT: [8, false, 'Uint8'],
  USMALLINT: [16, false, 'Uint16'],
  UINTEGER: [32, false, 'Uint32'],
  UBIGINT: [64, false, 'Uint64'],
};

/** A column of a DuckDB result as datacheck's physical column (Arrow-style type text, logical type). */
export function physicalColumn(name: string, duckType: string): PhysicalColumn {
  const t = duckType.toUpperCase();
  const col = (arrowType: string, logical?: LogicalType): PhysicalColumn => ({
    name,
    arrowType,
    ...(logical && { logical }),
    nullable: true,
  });
  if (INTS[t]) return col(INTS[t][2], { type: 'int', bits: INTS[t][0], signed: INTS[t][1] });
  if (t === 'HUGEINT' || t === 'UHUGEINT')
    return col(t === 'HUGEINT' ? 'Decimal[38, 0]' : 'Decimal[38, 0]', { type: 'decimal', precision: 38, scale: 0 });
  if (t === 'DOUBLE') return col('Float64', { type: 'float', bits: 64 });
  if (t === 'FLOAT') return col('Float32', { type: 'float', bits: 32 });
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec) return col(`Decimal[${dec[1]}, ${dec[2]}]`, { type: 'decimal', precision: +dec[1], scale: +dec[2] });
  // ENUM values read as their labels: strings for every metric and filter.
  if (t === 'VARCHAR' || t.startsWith('ENUM(')) return col('Utf8', { type: 'string' });
  if (t === 'BOOLEAN') return col('Bool', { type: 'bool' });
  if (t === 'DATE') return col('Date32<DAY>', { type: 'date' });
  if (t === 'TIMESTAMP') return col('Timestamp<MICROSECOND>', { type: 'timestamp', unit: 'us' });
  if (t === 'TIMESTAMP_MS') return col('Timestamp<MILLISECOND>', { type: 'timestamp', unit: 'ms' });
  if (t === 'TIMESTAMP_S') return col('Timestamp<SECOND>', { type: 'timestamp', unit: 's' });
  if (t === 'TIMESTAMP_NS') return col('Timestamp<NANOSECOND>', { type: 'timestamp', unit: 'ns' });
  if (t === 'TIMESTAMP WITH TIME ZONE') return col('Timestamp<MICROSECOND, UTC>', { type: 'timestamp', unit: 'us', tz: 'UTC' });
  if (t === 'BLOB') return col('Binary', { type: 'binary' });
  if (t === '"NULL"' || t === 'NULL') return col('Null');
  return col(duckType);
}
