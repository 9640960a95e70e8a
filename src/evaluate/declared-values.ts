import type { ContractDef } from '../model/contract.js';
import type { FailingRow } from '../model/metric.js';

/**
 * Failing rows with only the contract's columns. The engines already sample only those; this is
 * the last gate before a report, because a column the contract does not declare may hold
 * personal data nobody marked `pii()` (a `phone` in a PostgreSQL table), and one engine path
 * forgetting the rule must not print it.
 */
export function declaredValuesOnly(rows: FailingRow[] | undefined, contract: ContractDef): FailingRow[] | undefined {
  if (!rows) return rows;
  const declared = contract.columns;
  return rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => Object.hasOwn(declared, k))) }));
}
