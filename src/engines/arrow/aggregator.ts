import type { SourceBatch } from '../../sources/source.js';
import type { BatchColumns, EvalContext } from './expr/evaluate.js';
import type { MetricValue } from '../../model/metric.js';

/** What an aggregator sees of one batch. */
export interface BatchInput {
  source: SourceBatch;
  columns: BatchColumns;
  /** The metric's `where` filter per row (1 = keep), or null when it has none. Shared: never mutate. */
  mask: Uint8Array | null;
  numRows: number;
  /** Evaluates a predicate once per batch (memoised by the engine, like masks). */
  predicate(e: import('../../model/expr.js').Expr): Uint8Array;
  eval: EvalContext;
}

/**
 * A mergeable metric state: `update` folds one batch in, `merge` combines states computed over
 * disjoint parts of the data (batches, files, worker threads), `result` reads the value out.
 * States hold only plain data and typed arrays so they can cross worker boundaries.
 */
export interface Aggregator<S> {
  init(): S;
  update(state: S, input: BatchInput): void;
  merge(a: S, b: S): S;
  result(state: S): MetricValue;
  /**
   * Restores class instances in a state that crossed a thread boundary (structured clone keeps
   * own fields and typed arrays but drops prototypes). Omitted when the state is plain data.
   */
  revive?(state: S): S;
  /**
   * Optional work on a finished range's state that makes merging or `result` cheaper (e.g.
   * sorting), done by the thread that built it, so threads share it. Must not change results.
   */
  prepare?(state: S): void;
}
