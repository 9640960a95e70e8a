import type { MetricResults, PlannedMetric } from '../model/metric.js';

export type { PlannedMetric };
import type { ContractDef } from '../model/contract.js';
import type { OpenedSource } from '../sources/source.js';
import type { From } from './sql/ast.js';
import type { ColumnKinds } from './sql/column-kinds.js';
import type { SqlTarget } from './sql/sql-engine.js';

/**
 * A dataset opened for an engine: the Arrow batches of its files (when it has any), and when it is
 * read where it lives, the SQL side the SQL engine queries instead.
 */
export interface OpenedDataset extends OpenedSource {
  /** A database table or query, or files scanned by DuckDB: the SQL engine computes the metrics there. */
  sql?: SqlTarget;
  /** `arrow`: metrics SQL cannot express stream through the Arrow engine (the source allowed it). */
  fallback?: 'arrow';
}

/** Statements sent and rows read back: one run's transfer, shown by `--debug` and the benchmark. */
export interface SqlTransfer {
  queries: number;
  rows: number;
}

export interface EngineContext {
  contract: ContractDef;
  /** The run's start: what now() and current_date mean in filters (default: the current time). */
  now?: Date;
  /** Referenced datasets on the dataset's own SQL connection: referential checks become anti-joins. */
  sqlReferences?: Map<string, { from: From; columns: ColumnKinds }>;
  /** Where the SQL engine counts what it sends and reads back (owned by the run, never module state). */
  transfer?: SqlTransfer;
}

/** Computes a dataset's metrics. Engines implement metrics, never checks. */
export interface MetricEngine {
  name: string;
  /** Computes every metric in one pass over the source. Never throws for a single metric: it returns its issue. */
  compute(source: OpenedDataset, metrics: PlannedMetric[], ctx: EngineContext): Promise<MetricResults>;
}
