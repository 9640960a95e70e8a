import type { CheckResult, DatasetResult } from '../model/result.js';
import { formatValue, plural } from './format-value.js';

/**
 * What a check observed as one value (`512.5`, `"lost"`), or undefined when there is none or it is
 * structured (a schema, a freshness age, row counts): the check's message says those better.
 */
export function plainObserved(ch: CheckResult, max = 160): string | undefined {
  if (ch.observed === undefined) return undefined;
  const structured = typeof ch.observed === 'object' && ch.observed !== null && !Array.isArray(ch.observed);
  return structured ? undefined : formatValue(ch.observed, max);
}

/** `4 rows of 97 failed (4.1%)` */
export function rowsFailedText(rows: { considered: number; failed: number }): string {
  const pct = rows.considered === 0 || rows.failed === 0 ? undefined : (100 * rows.failed) / rows.considered;
  const share = pct === undefined ? '' : ` (${pct < 0.1 ? '<0.1' : pct.toFixed(1)}%)`;
  return `${plural(rows.failed, 'row')} of ${rows.considered} failed${share}`;
}

/**
 * Did this check not run because its dataset could not be read? Reports then say the dataset's
 * issue once, with the number of checks it stopped, instead of repeating it for every check.
 */
export function blockedByDatasetIssue(d: DatasetResult, ch: CheckResult): boolean {
  // Such a check carries the dataset issue's code and a pointer to it (older results: the issue's
  // own message); a dataset with an issue ran no check, so the code is enough.
  return ch.outcome === 'error' && ch.issue !== undefined && d.issues.some((i) => i.code === ch.issue!.code);
}
