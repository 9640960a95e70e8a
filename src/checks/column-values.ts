import { parseInstant } from '../expr/interval.js';
import type { ContractDef, LogicalType } from '../model/contract.js';

/** The contract's type of a column, if the contract declares it. */
export function columnType(contract: ContractDef, column: string | undefined): LogicalType | undefined {
  return column === undefined ? undefined : contract.columns[column]?.type;
}

export function isTemporal(type: LogicalType | undefined): boolean {
  return type?.type === 'date' || type?.type === 'timestamp';
}

/**
 * Engines report dates and timestamps as epoch milliseconds; bounds are written as ISO strings.
 * Bring a bound end to the engine's scale so the comparison is between like values.
 */
export function comparable(value: number | string, type: LogicalType | undefined): number | string {
  if (isTemporal(type) && typeof value === 'string') {
    // The same reading as filters and range checks: text without a zone is UTC, never local time.
    // A bound that is not a date throws a clear error (the check becomes `error`), never a wrong compare.
    return parseInstant(value);
  }
  return value;
}

/** Shows an engine value the way a person wrote it: ISO dates for temporal columns. */
export function display(value: unknown, type: LogicalType | undefined): unknown {
  if (typeof value === 'number' && isTemporal(type) && Number.isFinite(value)) {
    const iso = new Date(value).toISOString();
    return type?.type === 'date' ? iso.slice(0, 10) : iso;
  }
  return value;
}

/** Short text for a value list in titles: `placed, shipped, +3 more`. */
export function listText(values: readonly unknown[], max = 6): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return values.length > max ? `${shown.join(', ')}, +${values.length - max} more` : shown.join(', ');
}
