import { stat } from 'node:fs/promises';
import { openDataset } from '../access/open-dataset.js';
import type { DatasetMetricPlan } from '../access/plan-dataset-metrics.js';
import type { ReadPlan } from '../access/read-plan.js';
import { lazyArrowEngine } from '../engines/arrow/lazy-arrow-engine.js';
import type { SqlTransfer } from '../engines/engine.js';
import { sqlEngine } from '../engines/sql/sql-metric-engine.js';
import type { ContractDef } from '../model/contract.js';
import { isDatacheckError } from '../model/issue.js';
import type { KeySetValue, MetricOutcome, MetricSpec, MomentsValue, PlannedMetric } from '../model/metric.js';
import type { ExecuteContext } from './execute.js';

/**
 * The other side of each reconciliation, by metric key: the other dataset's metric from its own
 * engine (on its own connection). Never throws: what cannot be read is the metric's issue.
 */
export async function answerDatasetMetrics(
  plans: DatasetMetricPlan[],
  baseDir: string,
  ctx: ExecuteContext,
  transfer: SqlTransfer,
): Promise<Map<string, MetricOutcome>> {
  const answers = new Map<string, MetricOutcome>();
  for (const plan of plans) {
    if (plan.how === 'unanswerable') {
      answers.set(plan.metric, { ok: false, issue: plan.issue });
      continue;
    }
    const outcome = await metricOfDataset(plan, baseDir, ctx, transfer, 'reconcile.read', `could not read '${plan.dataset}'`);
    answers.set(plan.metric, withPii(outcome, plan.spec, plan.contract));
  }
  return answers;
}

/**
 * One metric of another dataset of the run, computed by the engine that reads it (a query on its
 * own connection, or a pass over its files). Never throws: a read that fails is the outcome's issue.
 */
export async function metricOfDataset(
  plan: { metric: string; read: Exclude<ReadPlan, { engine: 'none' }>; contract: ContractDef; spec: MetricSpec },
  baseDir: string,
  ctx: ExecuteContext,
  transfer: SqlTransfer,
  code: 'drift.read' | 'reconcile.read',
  what: string,
): Promise<MetricOutcome> {
  try {
    const other = await openDataset(plan.read, { contract: plan.contract, baseDir, connections: ctx.connections });
    const engine = plan.read.engine === 'sql' ? sqlEngine : lazyArrowEngine;
    const results = await engine.compute(other, [{ key: plan.metric, spec: plan.spec }], {
      contract: plan.contract,
      now: ctx.now,
      transfer,
    });
    return results.get(plan.metric)!;
  } catch (e) {
    const message = isDatacheckError(e) ? e.issue.message : ((e as Error)?.message ?? String(e));
    return { ok: false, issue: { code, message: `${what}: ${message}` } };
  }
}

/**
 * Keys or a sum of a column the other dataset marks pii carry the mark, so the check here shows
 * them masked: the contract that says so is not the one the check is evaluated with.
 */
function withPii(outcome: MetricOutcome, spec: MetricSpec, contract: ContractDef): MetricOutcome {
  const columns = spec.kind === 'key_set' ? spec.columns : spec.kind === 'moments' ? [spec.column] : [];
  if (!outcome.ok || !columns.some((c) => contract.columns[c]?.pii)) return outcome;
  return { ok: true, value: { ...(outcome.value as KeySetValue | MomentsValue), pii: true } };
}

/**
 * `file_modified`: the newest modification time of the files the dataset is read from. The newest,
 * not the oldest: a glob of daily drops is fresh when the latest drop arrived, and files already
 * read keep their old times. Taken from the files listed at planning (never opened for this).
 */
export async function answerFileModified(metrics: PlannedMetric[], read: ReadPlan): Promise<Map<string, MetricOutcome>> {
  const answers = new Map<string, MetricOutcome>();
  const wanted = metrics.filter((m) => m.spec.kind === 'file_modified');
  if (wanted.length === 0) return answers;
  let outcome: MetricOutcome;
  if (!read.files || read.files.length === 0) {
    outcome = {
      ok: false,
      issue: {
        code: 'freshness.not_a_file',
        message: `${read.description} is not read from files, so it has no modification time`,
      },
    };
  } else {
    try {
      const times = await Promise.all(read.files.map(async (f) => (await stat(f.absolute)).mtimeMs));
      outcome = { ok: true, value: Math.floor(Math.max(...times)) };
    } catch (e) {
      outcome = { ok: false, issue: { code: 'source.read', message: `could not read the modification time: ${(e as Error).message}` } };
    }
  }
  for (const m of wanted) answers.set(m.key, outcome);
  return answers;
}
