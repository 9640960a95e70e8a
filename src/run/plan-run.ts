import { decideRead } from '../access/read-plan.js';
import type { ReadPlan } from '../access/read-plan.js';
import { planReferences } from '../access/plan-references.js';
import type { ReadableDataset, ReferencePlan } from '../access/plan-references.js';
import type { DbtResolution } from '../access/dbt/dbt-resolution.js';
import { planDistributions } from '../access/plan-distributions.js';
import type { DistributionPlan } from '../access/plan-distributions.js';
import { planDatasetMetrics } from '../access/plan-dataset-metrics.js';
import type { DatasetMetricPlan } from '../access/plan-dataset-metrics.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { SuiteDef } from '../model/suite.js';
import type { DatasetPlan } from '../plan/build-plan.js';
import { collectDatasets, planDataset } from '../plan/dataset-plan.js';
import type { ProfileLevel } from '../plan/profiles.js';

/** What planning starts from: the prepared project and the run's options. */
export interface PlanRunInput {
  contracts: ContractDef[];
  suites: SuiteDef[];
  /** Problems found before planning (config, discovery, loading, type-checking). */
  issues: Issue[];
  filter?: string[];
  maxFailingRows: number;
  profile: ProfileLevel;
  connections: Record<string, ConnectionDef>;
  /** Directory relative source paths resolve against. */
  baseDir: string;
  /** The dbt project `{ dbt }` sources resolve through (resolveDbt). */
  dbt?: DbtResolution | undefined;
}

/** One dataset of the run, fully planned: its metrics, how it is read, how its references are answered. */
export interface PlannedDataset {
  plan: DatasetPlan;
  read: ReadPlan;
  references: ReferencePlan[];
  /** How the reference side of each drift check is answered (another dataset, a baseline file). */
  distributions: DistributionPlan[];
  /** How the other side of each reconciliation is answered (another dataset's row count, sum or keys). */
  datasetMetrics?: DatasetMetricPlan[];
}

/** The whole run before anything executes; nothing in it is changed afterwards. */
export interface RunPlan {
  datasets: PlannedDataset[];
  /** Every problem so far, planning's own included (duplicate names, a filter that matched nothing). */
  issues: Issue[];
  baseDir: string;
}

/**
 * Plans the run: datasets and their checks (filtered), metrics deduplicated per dataset, the read
 * decision of every dataset (files listed, nothing opened) and the answer to every reference.
 */
export async function planRun(input: PlanRunInput): Promise<RunPlan> {
  const issues: Issue[] = [...input.issues];
  const collected = collectDatasets(input, issues);
  const readable = new Map<string, ReadableDataset>();
  for (const [name, d] of collected)
    readable.set(name, {
      contract: d.contract,
      read: await decideRead(d.contract, { connections: input.connections, baseDir: input.baseDir, dbt: input.dbt }),
    });
  const datasets: PlannedDataset[] = [];
  for (const [name, dataset] of collected) {
    const plan = planDataset(dataset, input.filter, input.maxFailingRows, input.profile);
    if (!plan) continue;
    const { read } = readable.get(name)!;
    datasets.push({
      plan,
      read,
      references: planReferences(plan.metrics, read, readable, plan.contract),
      distributions: planDistributions(plan.metrics, readable, input.baseDir),
      datasetMetrics: planDatasetMetrics(plan.metrics, readable),
    });
  }
  // A filter that selects nothing would otherwise be a green run that checked nothing.
  if (input.filter?.length && datasets.length === 0 && issues.length === 0 && input.contracts.length > 0) {
    issues.push({
      code: 'filter.nothing_matched',
      message: `--filter ${input.filter.join(', ')} matched no dataset and no check`,
      expected: `a dataset name (${input.contracts.map((c) => c.name).join(', ')}) or part of a check id or title`,
      found: 'no match',
    });
  }
  return { datasets, issues, baseDir: input.baseDir };
}
