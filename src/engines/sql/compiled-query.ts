import type { MetricResults } from '../../model/metric.js';
import type { Select } from './ast.js';

/** What later queries may read: the results so far and the aggregate query's row. */
export interface QueryState {
  results: MetricResults;
  aggregate: Record<string, unknown>;
}

/**
 * One statement of a compiled plan and how its rows become metric outcomes. Most metrics share
 * the dataset's one aggregate query; a few need their own (GROUP BY for duplicates and top values,
 * a second histogram pass that needs the min and max first, bounded failing-row samples).
 */
export interface CompiledQuery {
  /** What it computes, for `datacheck plan` and error messages. */
  label: string;
  /** Metric keys whose outcome this query sets or completes. */
  keys: string[];
  /** The statement; a function when it needs values the earlier queries found (histogram bounds). */
  select: Select | ((state: QueryState) => Select);
  /** A failing-row sample: it stops at its LIMIT (usually early), where the others read every row. */
  bounded?: boolean;
  /** Skip the query when its answer is already known (no failures: no sample to fetch). */
  runIf?(state: QueryState): boolean;
  /** Sets the answer when the query is skipped. */
  onSkip?(state: QueryState): void;
  /** Writes the rows' meaning into the results. */
  apply(rows: Record<string, unknown>[], state: QueryState): void;
}
