import type { MetricResults, MetricSpec } from '../model/metric.js';
import type { ContractDef } from '../model/contract.js';
import type { OpenedSource } from '../sources/source.js';

/** A metric with its canonical key (see plan/metric-key.ts). */
export interface PlannedMetric {
  key: string;
  spec: MetricSpec;
}

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
