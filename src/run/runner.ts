import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lazyArrowEngine } from '../engines/arrow/lazy-arrow-engine.js';
import { sqlEngine } from '../engines/sql/sql-metric-engine.js';
import type { ConnectionDef } from '../model/config.js';
import { ConnectionRegistry, defaultOpeners } from './connections.js';
import type { ConnectionOpeners } from './connections.js';
import type { MetricEngine } from '../engines/engine.js';
import { evaluateDataset } from '../evaluate/evaluate-dataset.js';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import type { CheckResult, DatasetResult, Outcome, RunResult } from '../model/result.js';
import { RESULT_SCHEMA_VERSION } from '../model/result.js';
import type { SuiteDef } from '../model/suite.js';
import { openSource as defaultOpenSource } from '../sources/open-source.js';
import { collectDatasets, planDataset } from '../plan/dataset-plan.js';
import type { Dataset } from '../plan/dataset-plan.js';
import type { OpenSource } from '../sources/source.js';
import { columnProfiles } from '../plan/profiles.js';
import type { ProfileLevel } from '../plan/profiles.js';
import { resolveOrphanMetrics } from './reference-keys.js';
import { uuidv7 } from './run-id.js';
import { describeSource } from '../sources/describe-source.js';
import { VERSION } from '../version.js';

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
  /** Openers by connection kind, added to the built-in ones (DuckDB). */
  openers?: ConnectionOpeners;
  /** Where connection credentials are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Overrides for tests and other engines (default: SQL where the source has a SQL side, else Arrow). */
  engine?: MetricEngine;
  openSource?: OpenSource;
  now?: Date;
  /** When the whole command started (config, loading and type-checking included): the run's duration counts from it. */
  startedAt?: Date;
}

/** Runs every dataset's checks and returns one RunResult. Never throws: failures are values. */
export async function runDatacheck(input: RunInput): Promise<RunResult> {
  const started = input.startedAt ?? new Date();
  const t0 = performance.now() - (Date.now() - started.getTime());
  const now = input.now ?? started;
  const issues: Issue[] = [...input.issues];
  const datasets = collectDatasets(input, issues);
  const contracts = new Map([...datasets].map(([name, d]) => [name, d.contract]));
  const results: DatasetResult[] = [];
  const connections = new ConnectionRegistry(input.connections ?? {}, { ...defaultOpeners(input.cwd), ...input.openers }, input.env);
  try {
    for (const dataset of datasets.values()) {
      const result = await runDataset(dataset, contracts, input, now, connections);
      if (result) results.push(result);
    }
  } finally {
    await connections.closeAll();
  }
  const finished = new Date();
  const relative = (file: string) => (path.isAbsolute(file) ? path.relative(input.cwd, file) || file : file);
  const run: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: uuidv7(started.getTime()),
    tool: { name: 'datacheck', version: VERSION },
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    cwd: input.cwd,
    datasets: results.map((d) => relativizeDataset(d, relative)),
    issues: issues.map((i) => relativizeIssue(i, relative)),
    counts: countOutcomes(results),
    outcome: 'passed',
  };
  run.outcome = runOutcome(run);
  return run;
}

async function runDataset(dataset: Dataset, contracts: Map<string, ContractDef>, input: RunInput, now: Date, connections: ConnectionRegistry): Promise<DatasetResult | undefined> {
  const t0 = performance.now();
  const { contract } = dataset;
  const plan = planDataset(dataset, input.filter, input.maxFailingRows, input.profile ?? 'full');
  if (!plan) return undefined;
  const base: Omit<DatasetResult, 'checks' | 'columns' | 'durationMs' | 'issues'> = {
    name: contract.name,
    ...(contract.version !== undefined && { version: contract.version }),
    ...(contract.owner !== undefined && { owner: contract.owner }),
    ...(contract.description !== undefined && { description: contract.description }),
    ...(contract.source && { source: describeSource(contract.source) }),
    contractLocation: contract.location,
  };
  // The dataset's issue is reported once; its checks only point at it (reporters list checks one by one).
  const fail = (issue: Issue): DatasetResult => ({
    ...base,
    issues: [issue],
    checks: evaluateDataset(plan, new Map(plan.metrics.map((m) => [m.key, { ok: false, issue: { code: issue.code, message: DATASET_UNREADABLE } }])), now),
    columns: [],
    durationMs: Math.round(performance.now() - t0),
  });
  if (!contract.source) {
    return fail({ code: 'contract.no_source', message: `contract '${contract.name}' has no source`, location: contract.location, expected: "source: { file: 'data/orders.csv' }", found: 'no source' });
  }
  const open = input.openSource ?? defaultOpenSource;
  try {
    const source = await open(contract.source, { contract, baseDir: input.cwd, connections });
    const engine = input.engine ?? (source.sql ? sqlEngine : lazyArrowEngine);
    const sql = engine === sqlEngine ? { main: source, connections } : undefined;
    const orphans = await resolveOrphanMetrics(plan.metrics, contracts, open, input.cwd, sql, contract);
    const results = await engine.compute(source, orphans.metrics, { contract, now });
    orphans.finish(results);
    const checkResults = evaluateDataset(plan, results, now);
    const rowCount = results.get(plan.resolve({ kind: 'row_count' }).key);
    return {
      ...base,
      source: source.description,
      ...(source.location && { location: source.location }),
      ...(rowCount?.ok && typeof rowCount.value === 'number' && { rowCount: rowCount.value }),
      issues: [],
      checks: checkResults,
      columns: columnProfiles(contract, plan, results),
      durationMs: Math.round(performance.now() - t0),
    };
  } catch (e) {
    const issue: Issue = isDatacheckError(e)
      ? e.issue
      : { code: 'source.read', message: `could not read the data of '${contract.name}': ${(e as Error)?.message ?? String(e)}` };
    return fail(issue);
  }
}

/** The message of a check whose dataset could not be read; the dataset's issue says why. */
export const DATASET_UNREADABLE = 'the dataset could not be read (see above)';

function countOutcomes(datasets: DatasetResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
  for (const d of datasets) for (const c of d.checks) counts[c.outcome]++;
  return counts;
}

/** `error` when anything could not be done, else `failed` when a check failed, else `passed`. */
export function runOutcome(run: Pick<RunResult, 'issues' | 'datasets' | 'counts'>): RunResult['outcome'] {
  if (run.issues.length > 0 || run.datasets.some((d) => d.issues.length > 0) || run.counts.error > 0) return 'error';
  return run.counts.fail > 0 ? 'failed' : 'passed';
}

function relativizeIssue(issue: Issue, rel: (f: string) => string): Issue {
  return issue.location ? { ...issue, location: { ...issue.location, file: rel(issue.location.file) } } : issue;
}

function relativizeDataset(d: DatasetResult, rel: (f: string) => string): DatasetResult {
  const fix = (c: CheckResult): CheckResult => ({
    ...c,
    location: { ...c.location, file: rel(c.location.file) },
    ...(c.issue && { issue: relativizeIssue(c.issue, rel) }),
  });
  return {
    ...d,
    ...(d.contractLocation && { contractLocation: { ...d.contractLocation, file: rel(d.contractLocation.file) } }),
    issues: d.issues.map((i) => relativizeIssue(i, rel)),
    checks: d.checks.map(fix),
  };
}
