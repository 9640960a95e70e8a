import type { CheckResult, DatasetResult, Outcome, RunResult } from '../model/result.js';
import { renderConsole } from '../reporters/console.js';

/** The run narrowed to the checks a matcher judges (its own, and what explains them), counts recounted. */
export function narrowRun(result: RunResult, keep: (c: CheckResult) => boolean): RunResult {
  const datasets: DatasetResult[] = result.datasets.map((d) => ({ ...d, checks: d.checks.filter(keep) }));
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
  for (const d of datasets) for (const c of d.checks) counts[c.outcome]++;
  return { ...result, datasets, counts };
}

/**
 * What vitest prints for a failing matcher: the claim, then the console report of the checks
 * involved (observed vs expected, the file:line that wrote each check, the first failing rows with
 * `.pii()` values already masked by the run), without colours, since vitest adds its own.
 */
export function failureMessage(claim: string, result: RunResult): string {
  return `${claim}\n\n${renderConsole(result, { color: false, verbose: false }).trimEnd()}`;
}

/** For `.not`: what passed although it was expected not to. */
export function passedMessage(claim: string, result: RunResult): string {
  const n = result.counts;
  return `${claim}, but it did: ${n.pass} passed, ${n.warn} warned`;
}
