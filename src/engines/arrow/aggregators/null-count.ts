import { DatacheckError } from '../../../model/issue.js';
import { validityOf } from '../expr/read-column.js';
import type { Aggregator } from '../aggregator.js';

/** Nulls in a column of any type, read from the validity bitmap (so NaN is not null). */
export const nullCount = (column: string): Aggregator<{ n: number }> => ({
  init: () => ({ n: 0 }),
  update(s, { source, mask, numRows }) {
    const index = source.batch.schema.fields.findIndex((f) => f.name === column);
    if (index < 0)
      throw missingColumn(
        column,
        source.batch.schema.fields.map((f) => f.name),
      );
    const data = source.batch.getChildAt(index)!.data[0];
    if (!mask) {
      s.n += data.nullCount;
      return;
    }
    const valid = validityOf(data);
    if (!valid) return;
    for (let i = 0; i < numRows; i++) if (mask[i] === 1 && valid[i] === 0) s.n++;
  },
  merge: (a, b) => ({ n: a.n + b.n }),
  result: (s) => s.n,
});

export function missingColumn(column: string, present: string[]): DatacheckError {
  return new DatacheckError({
    code: 'metric.missing_column',
    message: `column '${column}' is not in the data (columns: ${present.join(', ')})`,
    expected: `one of ${present.join(', ')}`,
    found: column,
  });
}
