import type { ContractDef } from '../model/contract.js';
import type { FailingRow } from '../model/metric.js';

export const MASK = '***';

/** Columns whose values must never leave the process. */
export function piiColumns(contract: ContractDef): Set<string> {
  return new Set(Object.entries(contract.columns).filter(([, c]) => c.pii).map(([name]) => name));
}

/** Failing rows with every pii column's value replaced by the mask (nulls stay visible as null). */
export function maskRows(rows: FailingRow[] | undefined, pii: Set<string>): FailingRow[] | undefined {
  if (!rows || pii.size === 0) return rows;
  return rows.map((r) => ({
    ...r,
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, pii.has(k) && v !== null ? MASK : v])),
  }));
}

/** Observed values of a check on a pii column: counts and shares stay, strings from data are masked. */
export function maskObserved(observed: unknown, columnIsPii: boolean): unknown {
  if (!columnIsPii) return observed;
  if (typeof observed === 'string') return MASK;
  return observed;
}
