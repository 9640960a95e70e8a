import type { CheckResult } from '../../model/result.js';
import type { DataQualityAssertionsDatasetFacet } from '../../openlineage/index.js';
import type { FacetBody } from '../../openlineage/index.js';

export type Assertion = FacetBody<DataQualityAssertionsDatasetFacet>['assertions'][number];

/**
 * One assertion per check that ran. `success` is whether the check found no problem, whatever its
 * severity (the spec keeps the two apart): pass is true; fail and warn (a failed check of severity
 * warn) are false; error (the check could not be evaluated) is false too, so a consumer never shows
 * green for something that was not verified, and `params.outcome` says which it was. Skipped checks
 * did not run and are left out (the check that made them skip, e.g. the schema check, is there).
 */
export function assertionsOf(checks: CheckResult[]): Assertion[] {
  return checks.filter((c) => c.outcome !== 'skipped').map(assertionOf);
}

function assertionOf(c: CheckResult): Assertion {
  const column = c.column ?? (c.columns?.length === 1 ? c.columns[0] : undefined);
  const actual = c.outcome === 'error' ? (c.issue?.message ?? c.message) : text(c.observed);
  return {
    // The check kind is the classification the spec asks for (not_null, unique, row_count, ...).
    assertion: c.kind,
    success: c.outcome === 'pass',
    ...(column !== undefined && { column }),
    severity: c.severity,
    name: c.id,
    description: c.title,
    ...(c.expected !== undefined && { expected: c.expected }),
    ...(actual !== undefined && { actual }),
    params: {
      outcome: c.outcome,
      origin: c.origin,
      definedAt: `${c.location.file}:${c.location.line}`,
      ...(c.columns && c.columns.length > 1 && { columns: c.columns }),
      ...(c.where !== undefined && { where: c.where }),
      ...(c.rows && { rowsConsidered: c.rows.considered, rowsFailed: c.rows.failed }),
    },
  };
}

/** The facet wants strings; observations are numbers, strings, null or small objects. Never rows. */
function text(observed: unknown): string | undefined {
  if (observed === undefined) return undefined;
  if (typeof observed === 'string') return observed;
  return JSON.stringify(observed, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
