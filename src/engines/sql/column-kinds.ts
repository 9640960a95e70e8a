import type { LogicalType } from '../../model/contract.js';

/**
 * How the SQL compiler treats a column: `float` may hold NaN (which SQL engines order and compare
 * differently from JavaScript, so it is handled explicitly); dates and timestamps are read as
 * epoch milliseconds, exactly as the Arrow engine reads them.
 */
export type ColumnKind = 'number' | 'float' | 'string' | 'bool' | 'date' | 'timestamp' | 'other';

/** Column kinds by name; a name absent from the map is not in the data. */
export type ColumnKinds = Map<string, ColumnKind>;

export function kindOfType(t: LogicalType | undefined): ColumnKind {
  switch (t?.type) {
    case 'int':
    case 'decimal':
      return 'number';
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
