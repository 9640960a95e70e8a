import path from 'node:path';
import type { Issue } from '../model/issue.js';
import type { CheckResult, DatasetResult, Outcome, RunContext, RunResult } from '../model/result.js';
import { RESULT_SCHEMA_VERSION } from '../model/result.js';
import { VERSION } from '../version.js';
import { uuidv7 } from './run-id.js';

/** The last stage's input: the evaluated datasets, the run's issues, and when and where it ran. */
export interface RunFacts {
  cwd: string;
  started: Date;
  finished: Date;
  durationMs: number;
  datasets: DatasetResult[];
  issues: Issue[];
  context?: RunContext;
}

/** The one versioned, JSON-serializable RunResult: file paths relative to the project, counts, outcome. */
export function toRunResult(facts: RunFacts): RunResult {
  const relative = (file: string) => (path.isAbsolute(file) ? path.relative(facts.cwd, file) || file : file);
  const run: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: uuidv7(facts.started.getTime()),
    tool: { name: 'datacheck', version: VERSION },
    startedAt: facts.started.toISOString(),
    finishedAt: facts.finished.toISOString(),
    durationMs: facts.durationMs,
    cwd: facts.cwd,
    datasets: facts.datasets.map((d) => relativizeDataset(d, relative)),
    issues: facts.issues.map((i) => relativizeIssue(i, relative)),
    counts: countOutcomes(facts.datasets),
    outcome: 'passed',
    ...(facts.context && { context: facts.context }),
  };
  run.outcome = runOutcome(run);
  return run;
}

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
