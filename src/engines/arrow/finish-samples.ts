// What failing-row samples need once every row has been read: whole rows for duplicates, file names where they help.
import type { FailingRow, FailuresValue, MetricResults, PlannedMetric } from '../../model/metric.js';
import type { OpenedSource } from '../../sources/source.js';
import { failingRow } from './row-values.js';

/**
 * Which rows share a key is only known once every row has been read, so the duplicate_count
 * aggregator samples rows by number with their key alone (keeping every row's values until then
 * would cost memory for each row of the dataset). A person needs the whole row to find and fix
 * a duplicate, so this reads the sampled rows back: their contract columns, line and file.
 *
 * It reads the source again only when a unique check found duplicates, and stops after the last
 * sampled row. Measured on the benchmark's 5M-row orders.csv (arrow engine, 2 cores): see the
 * README's figure for a duplicate in the last row, the worst case.
 */
export async function readBackDuplicateRows(
  source: OpenedSource,
  metrics: PlannedMetric[],
  results: MetricResults,
  columns: readonly string[] | undefined,
): Promise<void> {
  const samples: FailingRow[][] = [];
  for (const m of metrics) {
    if (m.spec.kind !== 'duplicate_count') continue;
    const r = results.get(m.key);
    if (r?.ok && (r.value as FailuresValue).sample.length > 0) samples.push((r.value as FailuresValue).sample);
  }
  if (samples.length === 0) return;
  // The Arrow engine numbers every row it reads, so no row here is without a number.
  const wanted = [...new Set(samples.flatMap((s) => s.map((row) => row.row ?? 0)))].sort((a, b) => a - b);
  const found = new Map<number, FailingRow>();
  try {
    let next = 0;
    for await (const sb of source.batches()) {
      const end = sb.rowOffset + sb.batch.numRows;
      while (next < wanted.length && wanted[next] <= end) {
        const i = wanted[next] - sb.rowOffset - 1;
        if (i >= 0) found.set(wanted[next], failingRow(sb, i, columns));
        next++;
      }
      if (next >= wanted.length) break;
    }
  } catch {
    // The first pass read these very rows; should a second read fail (a file replaced meanwhile),
    // the counts stand and the samples keep their keys rather than losing the check's result.
    return;
  }
  for (const sample of samples) sample.forEach((row, k) => (sample[k] = found.get(row.row ?? 0) ?? row));
}

/**
 * A file name in a sample helps only when the dataset has several files; with one it repeats the
 * dataset's description on every row (and reports of single-file datasets stay as they were).
 */
export function keepFileNamesOfSeveralFiles(source: OpenedSource, results: MetricResults): void {
  if ((source.files?.length ?? 0) > 1) return;
  for (const r of results.values()) {
    const sample =
      r.ok && r.value !== null && typeof r.value === 'object' && 'sample' in r.value ? (r.value as FailuresValue).sample : undefined;
    for (const row of sample ?? []) delete row.file;
  }
}
