import type { LogicalType } from '../../model/contract.js';

/**
 * How the SQL compiler treats a column: `float` may hold NaN (which SQL engines order and compare
 * differently from JavaScript, so it is handled explicitly); dates and timestamps are read as
 * epoch milliseconds, exactly as the Arrow engine reads them.
 */
export type ColumnKind = 'number' | 'float' | 'string' | 'bool' | 'date' | 'timestamp' | 'other';

/** Column kinds by name; a name absent from the map is not in the data. */
export type ColumnKinds = Map<string, ColumnKind>;

/**
 * `decimalNaN`: the engine's decimals can hold NaN (PostgreSQL's numeric), so they are read like
 * floats: NaN left out of aggregates and compared as JavaScript compares it.
 */
export function kindOfType(t: LogicalType | undefined, options: { decimalNaN?: boolean } = {}): ColumnKind {
  switch (t?.type) {
    case 'int':
      return 'number';
    case 'decimal':
      return options.decimalNaN ? 'float' : 'number';
    case 'float':
      return 'float';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamp';
    default:
      return 'other';
  }
}
