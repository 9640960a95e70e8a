import { maskRows } from '../evaluate/mask-pii.js';
import type { DatasetResult, RunResult } from '../model/result.js';

/**
 * The run with every failing-row value of a column its dataset's profile marks `pii` shown as
 * `***`. The runner already masks them; reports that leave the machine (CI artifacts, pull-request
 * comments) mask again, so a saved result edited by hand or written by an older datacheck cannot
 * leak personal data through `datacheck report`. Nothing is ever unmasked.
 */
export function maskPiiRows(run: RunResult): RunResult {
  return { ...run, datasets: run.datasets.map(maskDataset) };
}

function maskDataset(d: DatasetResult): DatasetResult {
  const pii = new Set(d.columns.filter((c) => c.pii).map((c) => c.name));
  if (pii.size === 0) return d;
  return { ...d, checks: d.checks.map((ch) => (ch.failingRows ? { ...ch, failingRows: maskRows(ch.failingRows, pii) } : ch)) };
}
