import type { PhysicalColumn } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { physicalColumns } from '../arrow-schema.js';

/** The physical schema, from the first batch (sources union later files' columns into it). */
export const schema = (): Aggregator<{ columns: PhysicalColumn[] | null }> => ({
  init: () => ({ columns: null }),
  update(s, { source }) {
    s.columns ??= physicalColumns(source.batch.schema);
  },
  merge: (a, b) => ({ columns: a.columns ?? b.columns }),
  result: (s) => ({ columns: s.columns ?? [] }),
});
