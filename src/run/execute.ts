import type { ConnectionRegistry } from '../access/connections.js';
import { openDataset } from '../access/open-dataset.js';
import type { ReferencePlan } from '../access/plan-references.js';
import { bindKeys, fetchKeys, keysTooMany } from '../access/reference-keys.js';
import { lazyArrowEngine } from '../engines/arrow/lazy-arrow-engine.js';
import type { EngineContext, OpenedDataset, SqlTransfer } from '../engines/engine.js';
import type { From } from '../engines/sql/ast.js';
import type { ColumnKinds } from '../engines/sql/column-kinds.js';
import { kindsOf } from '../engines/sql/sql-engine.js';
import { sqlEngine } from '../engines/sql/sql-metric-engine.js';
import type { Issue } from '../model/issue.js';
import type { IssueCode } from '../model/issue-codes.js';
import { isDatacheckError } from '../model/issue.js';
import type { MetricResults, PlannedMetric } from '../model/metric.js';
import type { DatasetFingerprint, DatasetLocation } from '../model/result.js';
import { fingerprintFiles } from '../sources/fingerprint-files.js';
import type { PlannedDataset, RunPlan } from './plan-run.js';
import { answerDistributions } from './answer-distributions.js';
import { answerDatasetMetrics, answerFileModified } from './answer-dataset-metrics.js';
import type { BaselineCache } from '../access/baseline-file.js';

export interface ExecuteContext {
  /** The run's start: what now() and current_date mean in filters. */
  now: Date;
  /** The run's connections, opened on first use; the caller closes them. */
  connections: ConnectionRegistry;
}

/** The message of a check whose dataset could not be read; the dataset's issue says why. */
export const DATASET_UNREADABLE = 'the dataset could not be read (see above)';

/** One dataset after its engine ran: metric results by planned key, or the issue that stopped it. */
export interface ExecutedDataset {
  planned: PlannedDataset;
  results: MetricResults;
  /** How the opened data named itself (absent when it could not be opened). */
  opened?: { description: string; location?: DatasetLocation; fingerprint?: DatasetFingerprint };
  /** Set when the dataset could not be read at all: every metric carries it too. */
  issue?: Issue;
  durationMs: number;
}

/** Every dataset executed, and what the SQL engines sent and read back during this run. */
export interface ExecutedRun {
  datasets: ExecutedDataset[];
  transfer: SqlTransfer;
}

/**
 * Executes the plan as it is: per dataset, opens what its ReadPlan names, answers its references
 * as planned (keys fetched first, or an anti-join on the shared connection) and runs one engine.
 * Never throws: a dataset that cannot be read gets its issue.
 */
export async function execute(plan: RunPlan, ctx: ExecuteContext): Promise<ExecutedRun> {
  const transfer: SqlTransfer = { queries: 0, rows: 0 };
  const datasets: ExecutedDataset[] = [];
  const baselines: BaselineCache = new Map();
  for (const planned of plan.datasets) datasets.push(await executeDataset(planned, plan.baseDir, ctx, transfer, baselines));
  return { datasets, transfer };
}

async function executeDataset(
  planned: PlannedDataset,
  baseDir: string,
  ctx: ExecuteContext,
  transfer: SqlTransfer,
  baselines: BaselineCache,
): Promise<ExecutedDataset> {
  const t0 = performance.now();
  const { plan, read } = planned;
  const failed = (issue: Issue): ExecutedDataset => ({
    // The dataset's issue is reported once; its checks only point at it (reporters list checks one by one).
    planned,
    issue,
    results: new Map(plan.metrics.map((m) => [m.key, { ok: false, issue: { code: issue.code, message: DATASET_UNREADABLE } }])),
    durationMs: Math.round(performance.now() - t0),
  });
  if (read.engine === 'none') return failed(read.issue);
  try {
    const opened = await openDataset(read, { contract: plan.contract, baseDir, connections: ctx.connections });
    const refs = await answerReferences(planned.references, plan.metrics, baseDir, ctx, transfer);
    const engineCtx: EngineContext = {
      contract: plan.contract,
      now: ctx.now,
      transfer,
      ...(refs.sqlReferences.size > 0 && { sqlReferences: refs.sqlReferences }),
    };
    // Drift references are answered here, from the other dataset or a baseline: the engine never sees them.
    const distributions = await answerDistributions(planned.distributions ?? [], baseDir, ctx, transfer, baselines);
    // So are the other sides of reconciliations, and the files' modification times.
    for (const [key, outcome] of await answerDatasetMetrics(planned.datasetMetrics ?? [], baseDir, ctx, transfer))
      distributions.set(key, outcome);
    for (const [key, outcome] of await answerFileModified(plan.metrics, read)) distributions.set(key, outcome);
    const engine = read.engine === 'sql' ? sqlEngine : lazyArrowEngine;
    // A table's version is read from the catalog before the checks, so it names the data they began on.
    const tableVersion = await opened.sql?.connection.version?.(opened.sql.relation);
    // The files are hashed while the engine reads them: the fingerprint costs no extra wall time on large files.
    const [results, fingerprint] = await Promise.all([
      engine.compute(
        opened,
        refs.metrics.filter((m) => !distributions.has(m.key)),
        engineCtx,
      ),
      read.files ? fingerprintFiles(read.files) : Promise.resolve(tableVersion),
    ]);
    for (const [key, issue] of refs.unanswered) results.set(key, { ok: false, issue });
    for (const [key, outcome] of distributions) results.set(key, outcome);
    return {
      planned,
      results,
      durationMs: Math.round(performance.now() - t0),
      opened: {
        description: opened.description,
        ...(opened.location && { location: opened.location }),
        ...(fingerprint && { fingerprint }),
      },
    };
  } catch (e) {
    return failed(asIssue(e, plan.contract.name));
  }
}

/**
 * The metrics the engine computes: the planned ones, with each reference answered by keys bound
 * to its metric; anti-joins get the referenced relation; unanswerable ones are left out and
 * given their issue.
 */
async function answerReferences(
  references: ReferencePlan[],
  metrics: PlannedMetric[],
  baseDir: string,
  ctx: ExecuteContext,
  transfer: SqlTransfer,
) {
  const sqlReferences: NonNullable<EngineContext['sqlReferences']> = new Map();
  const unanswered = new Map<string, Issue>();
  const bound = new Map<string, PlannedMetric>();
  for (const ref of references) {
    if (ref.how === 'unanswerable') {
      unanswered.set(ref.metric, ref.issue);
      continue;
    }
    try {
      const other = await openDataset(ref.read, { contract: ref.contract, baseDir, connections: ctx.connections });
      if (ref.how === 'anti_join') {
        sqlReferences.set(ref.dataset, await referencedRelation(other));
        continue;
      }
      const keys = await fetchKeys(ref, other, transfer);
      const tooMany = 'values' in keys ? keysTooMany(ref, keys.values.length) : undefined;
      if ('issue' in keys) unanswered.set(ref.metric, keys.issue);
      else if (tooMany) unanswered.set(ref.metric, tooMany);
      else bound.set(ref.metric, bindKeys(metrics.find((m) => m.key === ref.metric)!, ref, keys.values));
    } catch (e) {
      unanswered.set(ref.metric, asIssue(e, ref.dataset, 'reference.read'));
    }
  }
  const engineMetrics = metrics.filter((m) => !unanswered.has(m.key)).map((m) => bound.get(m.key) ?? m);
  return { metrics: engineMetrics, sqlReferences, unanswered };
}

/** The referenced dataset as the anti-join reads it: its relation (or typed view) and column kinds. */
async function referencedRelation(other: OpenedDataset): Promise<{ from: From; columns: ColumnKinds }> {
  const target = other.sql!;
  const columns = kindsOf(target.view?.columns ?? (await target.connection.describe(target.relation)));
  return { from: target.view?.from ?? { t: 'relation', relation: target.relation }, columns };
}

function asIssue(e: unknown, name: string, code: IssueCode = 'source.read'): Issue {
  if (isDatacheckError(e)) return e.issue;
  const what = code === 'source.read' ? 'the data' : 'the keys';
  return { code, message: `could not read ${what} of '${name}': ${(e as Error)?.message ?? String(e)}` };
}
