import type { LogicalType } from '../model/contract.js';

/** Text for a logical type, as a contract author would write it: `int64`, `decimal(12, 2)`, `list<string>`. */
export function typeText(t: LogicalType): string {
  switch (t.type) {
    case 'int':
      return `${t.signed ? 'int' : 'uint'}${t.bits}`;
    case 'float':
      return `float${t.bits}`;
    case 'decimal':
      return `decimal(${t.precision}, ${t.scale})`;
    case 'timestamp':
      return `timestamp(${t.unit}${t.tz ? `, ${t.tz}` : ''})`;
    case 'list':
      return `list<${typeText(t.of)}>`;
    case 'struct':
      return `struct<${Object.entries(t.fields)
        .map(([k, v]) => `${k}: ${typeText(v)}`)
        .join(', ')}>`;
    default:
      return t.type;
  }
}

/**
 * Can data of physical type `actual` be read as the contract's `expected` type without losing
 * values? Widening is fine (int32 data for an int64 column, any timestamp unit, int data for a
 * float or decimal column); narrowing and changes of kind are not.
 */
export function isCompatible(expected: LogicalType, actual: LogicalType): boolean {
  switch (expected.type) {
    case 'int':
      if (actual.type !== 'int') return false;
      if (expected.signed === actual.signed) return actual.bits <= expected.bits;
      return expected.signed && actual.bits < expected.bits;
    case 'float':
      return actual.type === 'float' ? actual.bits <= expected.bits : actual.type === 'int' && actual.bits < 64;
    case 'decimal':
      if (actual.type === 'int') return true;
      return (
        (actual.type === 'decimal' &&
          actual.scale <= expected.scale &&
          actual.precision - actual.scale <= expected.precision - expected.scale) ||
        actual.type === 'float'
      );
    case 'timestamp':
      return actual.type === 'timestamp';
    case 'list':
      return actual.type === 'list' && isCompatible(expected.of, actual.of);
    case 'struct':
      return (
        actual.type === 'struct' &&
        Object.entries(expected.fields).every(([k, t]) => actual.fields[k] !== undefined && isCompatible(t, actual.fields[k]))
      );
    default:
      return actual.type === expected.type;
  }
}
