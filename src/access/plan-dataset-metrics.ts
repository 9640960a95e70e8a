import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import type { ReadableDataset } from './plan-references.js';
import type { ReadPlan } from './read-plan.js';

type DatasetMetricSpec = Extract<MetricSpec, { kind: 'dataset_metric' }>;

/**
 * How the other side of a reconciliation (`dataset_metric`) is answered, decided before anything
 * runs: the other dataset is opened as it is read anyway (Arrow for files, or its own SQL
 * connection, which may be another database than this dataset's), and its engine computes the
 * metric: a row count, a sum, or its distinct keys. Or `unanswerable`, with the reason.
 */
export type DatasetMetricPlan =
  | {
      metric: string;
      how: 'dataset';
      dataset: string;
      read: Exclude<ReadPlan, { engine: 'none' }>;
      contract: ContractDef;
      spec: MetricSpec;
    }
  | { metric: string; how: 'unanswerable'; issue: Issue };

/** The plan of each dataset_metric metric of a dataset. */
export function planDatasetMetrics(metrics: PlannedMetric[], datasets: Map<string, ReadableDataset>): DatasetMetricPlan[] {
  const plans: DatasetMetricPlan[] = [];
  for (const m of metrics) if (m.spec.kind === 'dataset_metric') plans.push(planOne(m.key, m.spec, datasets));
  return plans;
}

/** The issue codes of the check that names another dataset: what it is called when no contract has that name, or no source. */
export interface OtherDatasetCodes {
  unknown: { code: 'drift.unknown_dataset' | 'reconcile.unknown_dataset' };
  noSource: { code: 'drift.no_source' | 'reconcile.no_source' };
}

/** Another dataset of the run as it is read, or why it cannot be, in the codes of the check that names it. */
export function otherDataset(
  datasets: Map<string, ReadableDataset>,
  dataset: string,
  codes: OtherDatasetCodes,
  purpose: string,
): { read: Exclude<ReadPlan, { engine: 'none' }>; contract: ContractDef } | { issue: Issue } {
  const other = datasets.get(dataset);
  if (!other) {
    return {
      issue: {
        code: codes.unknown.code,
        message: `no contract named '${dataset}' was found ${purpose}`,
        expected: `a contract with that name among the discovered files (${[...datasets.keys()].join(', ')})`,
        found: dataset,
      },
    };
  }
  if (!other.contract.source) {
    return {
      issue: { code: codes.noSource.code, message: `contract '${dataset}' has no source to read`, location: other.contract.location },
    };
  }
  if (other.read.engine === 'none') return { issue: other.read.issue };
  return { read: other.read, contract: other.contract };
}

function planOne(metric: string, spec: DatasetMetricSpec, datasets: Map<string, ReadableDataset>): DatasetMetricPlan {
  const other = otherDataset(
    datasets,
    spec.dataset,
    { unknown: { code: 'reconcile.unknown_dataset' }, noSource: { code: 'reconcile.no_source' } },
    'to reconcile with',
  );
  if ('issue' in other) return { metric, how: 'unanswerable', issue: other.issue };
  return { metric, how: 'dataset', dataset: spec.dataset, ...other, spec: spec.metric };
}
