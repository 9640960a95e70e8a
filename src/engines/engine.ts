import type { MetricResults, PlannedMetric } from '../model/metric.js';

export type { PlannedMetric };
import type { ContractDef } from '../model/contract.js';
import type { OpenedSource } from '../sources/source.js';


export interface EngineContext {
  contract: ContractDef;
  /** The run's start: what now() and current_date mean in filters (default: the current time). */
  now?: Date;
}

/** Computes a dataset's metrics. Engines implement metrics, never checks. */
export interface MetricEngine {
  name: string;
  /** Computes every metric in one pass over the source. Never throws for a single metric: it returns its issue. */
  compute(source: OpenedSource, metrics: PlannedMetric[], ctx: EngineContext): Promise<MetricResults>;
}
