import type { Expr } from '../../../model/expr.js';
import { byRowNumber, type FailingRow, type FailuresValue } from '../../../model/metric.js';
import { validityOf } from '../expr/read-column.js';
import type { Aggregator } from '../aggregator.js';
import { columnData } from '../keys.js';
import { failingRow } from '../row-values.js';
import type { SourceBatch } from '../../../sources/source.js';

/**
 * The generic row-level metric: over rows that pass `where` (and, unless `includeNulls`, have a
 * non-null `column`; with it, a value that did not parse is left out), how many have the predicate false. A null predicate is not a failure.
 * Failing rows are sampled with their row number, source line and file, and the values of
 * `sampleColumns` (the contract's columns).
 */
export const predicateFailures = (
  spec: { column?: string; predicate: Expr; includeNulls?: boolean; sampleSize: number },
  sampleColumns?: readonly string[],
): Aggregator<FailuresValue> => ({
  init: () => ({ considered: 0, failed: 0, sample: [] }),
  update(s, input) {
    const { mask, numRows, source } = input;
    const valid = spec.column !== undefined && !spec.includeNulls ? validityOf(columnData(source.batch, spec.column)) : null;
    const unparsed = spec.column !== undefined && spec.includeNulls ? unparsedRows(source, spec.column) : null;
    const p = input.predicate(spec.predicate);
    let considered = 0;
    let failed = 0;
    const sample = s.sample as FailingRow[];
    if (!mask && !valid && !unparsed) {
      // Every row is considered (no filter, no nulls): only the failures need looking at. The
      // general loop's three per-row tests: measured 0.21 -> 0.17 s of CPU for the six not_null checks on 5M rows.
      for (let i = 0; i < numRows; i++) {
        if (p[i] !== 0) continue;
        failed++;
        if (sample.length < spec.sampleSize) sample.push(failingRow(source, i, sampleColumns));
      }
      s.considered += numRows;
      s.failed += failed;
      return;
    }
    for (let i = 0; i < numRows; i++) {
      if ((mask && mask[i] !== 1) || (valid && valid[i] === 0) || (unparsed && unparsed[i] === 1)) continue;
      considered++;
      if (p[i] === 0) {
        failed++;
        if (sample.length < spec.sampleSize) sample.push(failingRow(source, i, sampleColumns));
      }
    }
    s.considered += considered;
    s.failed += failed;
  },
  merge: (a, b) => ({
    considered: a.considered + b.considered,
    failed: a.failed + b.failed,
    sample: [...a.sample, ...b.sample].sort(byRowNumber).slice(0, spec.sampleSize),
  }),
  result: (s) => ({ considered: s.considered, failed: s.failed, sample: [...s.sample] }),
});

/**
 * Rows of the batch whose value of `column` did not parse (1), or null when none did. Such a value
 * reads as null, but the data had one: it is the type check's finding alone, so a metric that
 * counts nulls (not_null, is_null) leaves the row out rather than report it a second time.
 */
function unparsedRows(source: SourceBatch, column: string): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (const pf of source.parseFailures ?? []) {
    if (pf.column !== column) continue;
    out ??= new Uint8Array(source.batch.numRows);
    for (const row of pf.rows) out[row - source.rowOffset] = 1;
  }
  return out;
}
