import { performance } from 'node:perf_hooks';
import { ConnectionRegistry, defaultOpeners } from '../access/connections.js';
import type { ConnectionOpeners } from '../access/connections.js';
import type { DbtOptions } from '../access/dbt/dbt-project.js';
import { resolveDbt, withDbtConnection } from '../access/dbt/dbt-resolution.js';
import type { SqlTransfer } from '../engines/engine.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import type { RunContext, RunResult } from '../model/result.js';
import type { SuiteDef } from '../model/suite.js';
import type { ProfileLevel } from '../plan/profiles.js';
import { evaluateRun } from './evaluate-run.js';
import { execute } from './execute.js';
import type { ExecutedRun } from './execute.js';
import { planRun } from './plan-run.js';
import { toRunResult } from './run-result.js';
import type { HistorySetting } from '../history/open-history.js';
import { historyNeeds, readHistory, recordHistory, withTrends } from './run-history.js';
import type { HistoryRecord } from './run-history.js';

export { runOutcome } from './run-result.js';

export interface RunInput {
  /** Project root: sources resolve against it; locations in the result are relative to it. */
  cwd: string;
  contracts: ContractDef[];
  suites: SuiteDef[];
  /** Problems found while discovering, loading or type-checking: they make the run `error`. */
  issues: Issue[];
  /** Dataset names, or substrings of check ids/titles. */
  filter?: string[];
  maxFailingRows: number;
  /** Column distributions (histograms, top values) for reports that chart them: `full` (default) or `basic`. */
  profile?: ProfileLevel;
  /** Named connections of the config (`{ table, connection }` and `{ query, connection }` sources). */
  connections?: Record<string, ConnectionDef>;
  /** Where `{ dbt }` sources are resolved: the dbt project folder, profiles folder and target. */
  dbt?: DbtOptions;
  /** Openers by connection kind, added to the built-in ones (DuckDB). */
  openers?: ConnectionOpeners;
  /** Where connection credentials are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** When the whole command started (config, loading and type-checking included): the run's duration counts from it. */
  startedAt?: Date;
  /** When and where the run happened (git, CI), asked before the run and answered while the data is read. */
  context?: Promise<RunContext>;
  /** Memory each embedded DuckDB may use before it spills to disk (the config's `memory`; default DuckDB's own). */
  memoryLimitBytes?: number;
  /** Aborted when the run must stop: running queries are cancelled on their servers, no new one starts. */
  signal?: AbortSignal;
  /** The metric history to read for change and anomaly checks and to append the run to; absent: off. */
  history?: HistorySetting;
}

/** The pipeline's output: the result, and what the run sent to SQL engines (for `--debug`). */
export interface PipelineOutput {
  result: RunResult;
  transfer: SqlTransfer;
  /** What became of the run in the metric history (appended, off, or why it could not be). */
  history: HistoryRecord;
}

/**
 * The run pipeline: plan (datasets, metrics, read decisions, references) -> execute (engines) ->
 * evaluate (checks) -> result. Preparing the project (config, discovery, loading, type-checking)
 * comes before, in run/prepare.ts. Never throws: failures are values.
 */
export async function runPipeline(input: RunInput): Promise<PipelineOutput> {
  const started = input.startedAt ?? new Date();
  const t0 = performance.now() - (Date.now() - started.getTime());
  const now = input.now ?? started;
  const dbt = resolveDbt(input.contracts, input.dbt);
  const plan = await planRun({
    contracts: input.contracts,
    suites: input.suites,
    issues: input.issues,
    ...(input.filter && { filter: input.filter }),
    maxFailingRows: input.maxFailingRows,
    profile: input.profile ?? 'full',
    connections: input.connections ?? {},
    baseDir: input.cwd,
    dbt,
  });
  const withDbt = withDbtConnection(input.connections ?? {}, input.env ?? process.env, dbt);
  const connections = new ConnectionRegistry(
    withDbt.connections,
    { ...defaultOpeners(input.cwd, input.memoryLimitBytes), ...input.openers },
    withDbt.env,
    input.memoryLimitBytes,
  );
  const stop = () => void connections.interrupt();
  if (input.signal?.aborted) stop();
  input.signal?.addEventListener('abort', stop, { once: true });
  let executed: ExecutedRun;
  try {
    executed = await execute(plan, { now, connections });
  } finally {
    input.signal?.removeEventListener('abort', stop);
    await connections.closeAll();
  }
  const names = plan.datasets.map((d) => d.plan.contract.name);
  const view = await readHistory(input.history, historyNeeds(plan.datasets), names);
  const datasets = withTrends(evaluateRun(executed.datasets, now, view), view);
  const finished = new Date();
  const durationMs = Math.round(performance.now() - t0);
  const context = input.context ? await input.context : undefined;
  const result = toRunResult({ cwd: input.cwd, started, finished, durationMs, datasets, issues: plan.issues, ...(context && { context }) });
  // A stopped run is half a run: recorded, it would read as a sudden change next time.
  const history: HistoryRecord = input.signal?.aborted
    ? { off: 'the run was interrupted: not recorded' }
    : await recordHistory(input.history, result);
  return { result, transfer: executed.transfer, history };
}

/** Runs every dataset's checks and returns one RunResult. Never throws: failures are values. */
export async function runDatacheck(input: RunInput): Promise<RunResult> {
  return (await runPipeline(input)).result;
}
