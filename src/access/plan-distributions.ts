import path from 'node:path';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import type { ReadableDataset } from './plan-references.js';
import { otherDataset } from './plan-dataset-metrics.js';
import type { DatasetMetricPlan } from './plan-dataset-metrics.js';

type OtherDatasetPlan = Extract<DatasetMetricPlan, { how: 'dataset' }>;

type DistributionSpec = Extract<MetricSpec, { kind: 'reference_distribution' }>;

/**
 * How the reference side of a drift check (`reference_distribution` metric) is answered, decided
 * before anything runs:
 * - `dataset`: the other dataset is opened as it is read anyway (Arrow, DuckDB, PostgreSQL) and
 *   its engine computes the column's exact value counts (`top_values`; a GROUP BY in SQL);
 * - `baseline`: the value counts are read from a baseline file (`datacheck baseline save`);
 * - `unanswerable`: the check reports why.
 */
export type DistributionPlan =
  | (Omit<OtherDatasetPlan, 'spec'> & { spec: Extract<MetricSpec, { kind: 'top_values' }> })
  | { metric: string; how: 'baseline'; file: string; shownAs: string; column: string }
  | Extract<DatasetMetricPlan, { how: 'unanswerable' }>;

/** The plan of each reference_distribution metric of a dataset; baseline paths resolve against `baseDir`. */
export function planDistributions(metrics: PlannedMetric[], datasets: Map<string, ReadableDataset>, baseDir: string): DistributionPlan[] {
  const plans: DistributionPlan[] = [];
  for (const m of metrics) if (m.spec.kind === 'reference_distribution') plans.push(planOne(m.key, m.spec, datasets, baseDir));
  return plans;
}

function planOne(metric: string, spec: DistributionSpec, datasets: Map<string, ReadableDataset>, baseDir: string): DistributionPlan {
  if ('baseline' in spec.from) {
    return { metric, how: 'baseline', file: path.resolve(baseDir, spec.from.baseline), shownAs: spec.from.baseline, column: spec.column };
  }
  const dataset = spec.from.dataset;
  const other = otherDataset(
    datasets,
    dataset,
    { unknown: { code: 'drift.unknown_dataset' }, noSource: { code: 'drift.no_source' } },
    'to compare the distribution with',
  );
  if ('issue' in other) return { metric, how: 'unanswerable', issue: other.issue };
  const spec2: Extract<MetricSpec, { kind: 'top_values' }> = {
    kind: 'top_values',
    column: spec.column,
    k: spec.maxDistinct,
    maxDistinct: spec.maxDistinct,
  };
  return { metric, how: 'dataset', dataset, read: other.read, contract: other.contract, spec: spec2 };
}
