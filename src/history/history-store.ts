import type { DatasetHistory, DatasetRunTrend } from '../model/history.js';
import type { RunResult } from '../model/result.js';

export interface HistoryRead {
  points: Record<string, DatasetHistory>;
  trends: Record<string, DatasetRunTrend[]>;
}

/** One tracked metric of one dataset whose earlier values a run needs. */
export interface HistoryNeed {
  dataset: string;
  metric: string;
}

/**
 * Where the metric history lives (a DuckDB file, a PostgreSQL schema). Each call opens, works and
 * closes, so two runs at once hold the store only for the moment they read or append.
 */
export interface HistoryStore {
  /** Human-readable, credential-free: `.datacheck/history.duckdb`, `postgres schema datacheck_history`. */
  describe: string;
  /**
   * The earlier points of each needed metric (oldest first, one per run) and the outcome counts of
   * the datasets' recent runs, in one visit; throws DatacheckError.
   */
  read(needs: readonly HistoryNeed[], datasets: readonly string[]): Promise<HistoryRead>;
  /** Appends the run's outcomes and tracked metrics in one transaction; throws DatacheckError. */
  append(run: RunResult): Promise<number>;
  /** The recent values of a dataset's metrics and outcomes, newest last, for `datacheck history`. */
  recent(query: RecentQuery): Promise<RecentRow[]>;
}

export interface RecentQuery {
  dataset?: string;
  checkId?: string;
  /** Runs to return (default 20). */
  runs: number;
}

export interface RecentRow {
  runId: string;
  startedAt: string;
  dataset: string;
  checkId: string;
  kind: string;
  outcome: string;
  metric: string | null;
  value: number | null;
}

/** Rows of readPoints (dataset, metric, run_id, at in epoch ms, value) as DatasetHistory per dataset, oldest first. */
export function pointsFrom(rows: Record<string, unknown>[]): Record<string, DatasetHistory> {
  const out: Record<string, Record<string, { runId: string; at: string; value: number }[]>> = {};
  for (const r of rows) {
    const point = { runId: String(r.run_id), at: new Date(Number(r.at_ms)).toISOString(), value: Number(r.value) };
    ((out[String(r.dataset)] ??= {})[String(r.metric)] ??= []).push(point);
  }
  for (const d of Object.values(out)) for (const pts of Object.values(d)) pts.sort((a, b) => a.at.localeCompare(b.at));
  return out as Record<string, DatasetHistory>;
}

/** A row of readRecent as data. */
export function recentRow(r: Record<string, unknown>): RecentRow {
  return {
    runId: String(r.run_id),
    startedAt: new Date(Number(r.at_ms)).toISOString(),
    dataset: String(r.dataset),
    checkId: String(r.check_id),
    kind: String(r.kind),
    outcome: String(r.outcome),
    metric: r.metric === null ? null : String(r.metric),
    value: r.value === null ? null : Number(r.value),
  };
}

/** Rows of readTrends (dataset, run_id, at_ms, outcome, count) as each dataset's runs, oldest first. */
export function trendsFrom(rows: Record<string, unknown>[]): Record<string, DatasetRunTrend[]> {
  const runs = new Map<string, DatasetRunTrend & { dataset: string }>();
  for (const r of rows) {
    const key = JSON.stringify([r.dataset, r.run_id]);
    let run = runs.get(key);
    if (!run) {
      const counts = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
      run = { dataset: String(r.dataset), runId: String(r.run_id), startedAt: new Date(Number(r.at_ms)).toISOString(), counts };
      runs.set(key, run);
    }
    const outcome = String(r.outcome) as keyof DatasetRunTrend['counts'];
    if (outcome in run.counts) run.counts[outcome] += Number(r.count);
  }
  const out: Record<string, DatasetRunTrend[]> = {};
  for (const { dataset, ...run } of runs.values()) (out[dataset] ??= []).push(run);
  for (const list of Object.values(out)) list.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return out;
}
