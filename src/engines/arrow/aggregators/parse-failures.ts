import { byRowNumber, type FailuresValue } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { columnData } from '../keys.js';

/**
 * Values the source could not read as the contract's type (text formats report them per batch
 * in `SourceBatch.parseFailures`). `considered` is every row read.
 */
export const parseFailures = (column: string, sampleSize: number): Aggregator<FailuresValue> => ({
  init: () => ({ considered: 0, failed: 0, sample: [] }),
  update(s, { source, numRows }) {
    columnData(source.batch, column); // a column absent from the data is an issue, not zero failures
    s.considered += numRows;
    for (const pf of source.parseFailures ?? []) {
      if (pf.column !== column) continue;
      s.failed += pf.count;
      for (const x of pf.samples) {
        if (s.sample.length >= sampleSize) break;
        s.sample.push({
          row: x.row + 1,
          ...(x.line !== undefined && { line: x.line }),
          ...(source.file !== undefined && { file: source.file }),
          values: { [column]: x.raw },
        });
      }
    }
  },
  merge: (a, b) => ({
    considered: a.considered + b.considered,
    failed: a.failed + b.failed,
    sample: [...a.sample, ...b.sample].sort(byRowNumber).slice(0, sampleSize),
  }),
  result: (s) => ({ considered: s.considered, failed: s.failed, sample: [...s.sample] }),
});
