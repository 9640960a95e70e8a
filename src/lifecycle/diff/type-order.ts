import type { LogicalType } from '../../model/contract.js';
import { typeText } from '../../checks/type-compat.js';

/** How a column's type changed, as the data sees it. */
export type TypeChange = 'same' | 'widened' | 'narrowed' | 'changed';

/**
 * Whether every value of the old type is a value of the new one (widened), the reverse
 * (narrowed), neither (changed), or the types are equal. Integers widen to more bits (a signed
 * type holds an unsigned one of fewer bits), to floats that hold them exactly (up to 24 bits in
 * float32, 53 in float64) and to decimals with enough digits; float32 widens to float64;
 * dates widen to timestamps; every scalar widens to string (its text). Stricter than the run's
 * isCompatible (checks/type-compat.ts), which reads any timestamp unit and ints as floats: that
 * is about reading data, this is about what a contract promises.
 */
export function compareTypes(from: LogicalType, to: LogicalType): TypeChange {
  if (sameType(from, to)) return 'same';
  const up = holds(to, from);
  const down = holds(from, to);
  return up && !down ? 'widened' : down && !up ? 'narrowed' : 'changed';
}

function sameType(a: LogicalType, b: LogicalType): boolean {
  return typeText(a) === typeText(b);
}

/** Digits of the largest magnitude an integer type holds: int8 3, int16 5, int32 10, int64 19 (uint64 20). */
const INT_DIGITS: Record<number, number> = { 8: 3, 16: 5, 32: 10, 64: 19 };

/** Does `wide` hold every value of `narrow`? */
function holds(wide: LogicalType, narrow: LogicalType): boolean {
  if (sameType(wide, narrow)) return true;
  if (wide.type === 'string') return narrow.type !== 'binary' && narrow.type !== 'list' && narrow.type !== 'struct';
  if (wide.type === 'int' && narrow.type === 'int') {
    if (wide.signed === narrow.signed) return wide.bits >= narrow.bits;
    return wide.signed && !narrow.signed && wide.bits > narrow.bits;
  }
  if (wide.type === 'float' && narrow.type === 'int') return narrow.bits < (wide.bits === 32 ? 24 : 53);
  if (wide.type === 'float' && narrow.type === 'float') return wide.bits > narrow.bits;
  if (wide.type === 'decimal' && narrow.type === 'int') {
    return wide.precision - wide.scale >= INT_DIGITS[narrow.bits] + (narrow.bits === 64 && !narrow.signed ? 1 : 0);
  }
  if (wide.type === 'decimal' && narrow.type === 'decimal') {
    return wide.scale >= narrow.scale && wide.precision - wide.scale >= narrow.precision - narrow.scale;
  }
  if (wide.type === 'float' && narrow.type === 'decimal') return wide.bits === 64 && narrow.precision <= 15;
  if (wide.type === 'timestamp' && narrow.type === 'date') return true;
  if (wide.type === 'timestamp' && narrow.type === 'timestamp') {
    // Same zone rule: a finer unit holds every instant of a coarser one.
    return (wide.tz ?? '') === (narrow.tz ?? '') && UNIT_RANK[wide.unit] >= UNIT_RANK[narrow.unit];
  }
  if (wide.type === 'list' && narrow.type === 'list') return holds(wide.of, narrow.of);
  return false;
}

const UNIT_RANK = { s: 0, ms: 1, us: 2, ns: 3 } as const;
