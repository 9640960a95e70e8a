import path from 'node:path';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import type { ReadableDataset } from './plan-references.js';
import type { ReadPlan } from './read-plan.js';

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
  | {
      metric: string;
      how: 'dataset';
      dataset: string;
      read: Exclude<ReadPlan, { engine: 'none' }>;
      contract: ContractDef;
      spec: Extract<MetricSpec, { kind: 'top_values' }>;
    }
  | { metric: string; how: 'baseline'; file: string; shownAs: string; column: string }
  | { metric: string; how: 'unanswerable'; issue: Issue };

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
  const unanswerable = (issue: Issue): DistributionPlan => ({ metric, how: 'unanswerable', issue });
  const other = datasets.get(dataset);
  if (!other) {
    return unanswerable({
      code: 'drift.unknown_dataset',
      message: `no contract named '${dataset}' was found to compare the distribution with`,
      expected: 'a contract with that name among the discovered files',
      found: dataset,
    });
  }
  if (!other.contract.source) {
    return unanswerable({
      code: 'drift.no_source',
      message: `contract '${dataset}' has no source to read`,
      location: other.contract.location,
    });
  }
  if (other.read.engine === 'none') return unanswerable(other.read.issue);
  const spec2: Extract<MetricSpec, { kind: 'top_values' }> = {
    kind: 'top_values',
    column: spec.column,
    k: spec.maxDistinct,
    maxDistinct: spec.maxDistinct,
  };
  return { metric, how: 'dataset', dataset, read: other.read, contract: other.contract, spec: spec2 };
}
