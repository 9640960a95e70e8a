import type { LogicalType, TimeUnit } from '../model/contract.js';
import { Column } from './column.js';
import type { AnyColumn, Family } from './column.js';

const make = <T, F extends Family>(type: LogicalType, family: F) => new Column<T, F>({ type, nullable: false }, family);

type ValueOfColumn<C> = C extends Column<infer T, Family, infer N> ? (N extends true ? T | null : T) : never;

/**
 * Column type builders. Row value types follow what the Arrow engine hands back: 64-bit integers
 * are bigint, dates and timestamps are Date, decimals are number.
 */
export const col = {
  bool: () => make<boolean, 'bool'>({ type: 'bool' }, 'bool'),
  int8: () => make<number, 'numeric'>({ type: 'int', bits: 8, signed: true }, 'numeric'),
  int16: () => make<number, 'numeric'>({ type: 'int', bits: 16, signed: true }, 'numeric'),
  int32: () => make<number, 'numeric'>({ type: 'int', bits: 32, signed: true }, 'numeric'),
  int64: () => make<bigint, 'numeric'>({ type: 'int', bits: 64, signed: true }, 'numeric'),
  uint8: () => make<number, 'numeric'>({ type: 'int', bits: 8, signed: false }, 'numeric'),
  uint16: () => make<number, 'numeric'>({ type: 'int', bits: 16, signed: false }, 'numeric'),
  uint32: () => make<number, 'numeric'>({ type: 'int', bits: 32, signed: false }, 'numeric'),
  uint64: () => make<bigint, 'numeric'>({ type: 'int', bits: 64, signed: false }, 'numeric'),
  float32: () => make<number, 'numeric'>({ type: 'float', bits: 32 }, 'numeric'),
  float64: () => make<number, 'numeric'>({ type: 'float', bits: 64 }, 'numeric'),
  decimal: (precision: number, scale = 0) => make<number, 'numeric'>({ type: 'decimal', precision, scale }, 'numeric'),
  string: () => make<string, 'string'>({ type: 'string' }, 'string'),
  date: () => make<Date, 'temporal'>({ type: 'date' }, 'temporal'),
  timestamp: (unit: TimeUnit = 'us', tz?: string) =>
    make<Date, 'temporal'>(tz === undefined ? { type: 'timestamp', unit } : { type: 'timestamp', unit, tz }, 'temporal'),
  binary: () => make<Uint8Array, 'binary'>({ type: 'binary' }, 'binary'),
  list: <C extends AnyColumn>(of: C) => make<ValueOfColumn<C>[], 'nested'>({ type: 'list', of: of.def.type }, 'nested'),
  struct: <S extends Record<string, AnyColumn>>(fields: S) =>
    make<{ [K in keyof S]: ValueOfColumn<S[K]> }, 'nested'>(
      { type: 'struct', fields: Object.fromEntries(Object.entries(fields).map(([k, c]) => [k, c.def.type])) },
      'nested',
    ),
};

export type { ValueOfColumn };
