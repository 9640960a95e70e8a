import type { RunResult } from '../model/result.js';

/** One row of the history: a check's outcome in one run, and the number it measured if it has one. */
export interface HistoryRow {
  runId: string;
  /** The run's start, ISO. */
  startedAt: string;
  dataset: string;
  /** Which data was read: the dataset's fingerprint version (file sources), else null. */
  datasetVersion: string | null;
  checkId: string;
  kind: string;
  outcome: string;
  /** The tracked metric's name and value (CheckResult.metric); null for checks without one. */
  metric: string | null;
  value: number | null;
}

/** The columns of the results table, in order: the stores create it and insert by this list. */
export const HISTORY_COLUMNS = [
  'run_id',
  'started_at',
  'dataset',
  'dataset_version',
  'check_id',
  'kind',
  'outcome',
  'metric',
  'value',
] as const;

/**
 * A run as history rows: every check's outcome, and its tracked number. Only CheckResult.metric
 * is stored as a number, and the evaluator leaves it out for value statistics of pii columns, so
 * nothing of a pii column beyond counts reaches the store.
 */
export function historyRows(run: RunResult): HistoryRow[] {
  return run.datasets.flatMap((d) =>
    d.checks.map((c) => ({
      runId: run.runId,
      startedAt: run.startedAt,
      dataset: d.name,
      datasetVersion: d.fingerprint?.version ?? null,
      checkId: c.id,
      kind: c.kind,
      outcome: c.outcome,
      metric: c.metric?.name ?? null,
      value: c.metric?.value ?? null,
    })),
  );
}

/** A row's values in HISTORY_COLUMNS order, for a parameterised insert. */
export function rowValues(r: HistoryRow): (string | number | null)[] {
  return [r.runId, r.startedAt, r.dataset, r.datasetVersion, r.checkId, r.kind, r.outcome, r.metric, r.value];
}

/** How many points per metric a run reads back: far more than any band or `over` window needs. */
export const POINTS_PER_METRIC = 1000;
