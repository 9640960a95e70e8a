import type { CheckResult, DatasetResult, RunResult } from '../model/result.js';
import { capSampleValue } from '../model/sample-value.js';

/**
 * The run with every failing-row value and observed value within SAMPLE_VALUE_MAX_CHARS. The
 * engines already cap what they sample; reports cap again because a saved result may come from
 * elsewhere (edited by hand, an older datacheck) and a 50 MB value must not take a report down.
 * Unchanged parts are shared, not copied.
 */
export function capSamples(run: RunResult): RunResult {
  return { ...run, datasets: run.datasets.map(capDataset) };
}

function capDataset(d: DatasetResult): DatasetResult {
  return { ...d, checks: d.checks.map(capCheck) };
}

function capCheck(ch: CheckResult): CheckResult {
  const capped: CheckResult = { ...ch };
  if (ch.observed !== undefined) capped.observed = capSampleValue(ch.observed);
  if (ch.failingRows)
    capped.failingRows = ch.failingRows.map((r) => ({ ...r, values: capSampleValue(r.values) as Record<string, unknown> }));
  return capped;
}
