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

const VALUE_STATS = new Set(['min', 'max', 'sum', 'mean', 'stddev', 'median', 'quantile']);

/**
 * Does this check's observation carry values of its column (a min, a mean, a newest timestamp),
 * rather than counts and shares? On a pii column those are masked, whatever their type.
 */
export function observesValues(kind: string, params: Record<string, unknown>): boolean {
  return kind === 'freshness' || (kind === 'column_stat' && VALUE_STATS.has(String(params.stat)));
}

/** The observed value and message of a check on a pii column, with values from the data masked. */
export function maskObservation(
  kind: string,
  params: Record<string, unknown>,
  ev: { outcome: string; observed?: unknown; expected?: string; message: string },
): { observed?: unknown; message: string } {
  if (!observesValues(kind, params) || ev.observed === undefined || ev.observed === null) {
    return { ...(ev.observed !== undefined && { observed: ev.observed }), message: ev.message };
  }
  const message =
    ev.outcome === 'pass'
      ? 'within the bound (value masked: pii column)'
      : `outside the bound${ev.expected ? `: expected ${ev.expected}` : ''} (value masked: pii column)`;
  return { observed: MASK, message };
}
