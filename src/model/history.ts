import type { Issue } from './issue.js';

/**
 * Metric history as plain data: what the history store returns to a run and what change and
 * anomaly checks judge. The store itself lives in src/history; this file is only the shapes.
 */

/** The number a check measured, under the name its history is kept by (see CheckResult.metric). */
export interface TrackedMetric {
  /** `row_count`, `row_count where status = 'placed'`, `amount.null_ratio`, `amount.quantile(0.95)`. */
  name: string;
  value: number;
}

/** One earlier value of a tracked metric: which run, when it started (ISO instant), the value. */
export interface HistoryPoint {
  runId: string;
  at: string;
  value: number;
}

/** A dataset's history as its checks read it: tracked metric name -> earlier points, oldest first. */
export type DatasetHistory = Readonly<Record<string, readonly HistoryPoint[]>>;

/**
 * What a run's evaluation knows of the history: the points it read, or why it has none (`off`:
 * `--no-history` or `history: false`, change checks pass with that note; `unavailable`: the store
 * could not be read, change checks end `error` with the issue).
 */
export type HistoryView =
  | { state: 'on'; datasets: Readonly<Record<string, DatasetHistory>>; trends: Readonly<Record<string, DatasetRunTrend[]>> }
  | { state: 'off'; reason: string }
  | { state: 'unavailable'; issue: Issue };

/** One earlier run of a dataset, for the trend view: how many of its checks ended each way. */
export interface DatasetRunTrend {
  runId: string;
  startedAt: string;
  counts: { pass: number; fail: number; warn: number; error: number; skipped: number };
}

/** How many earlier runs reports chart (sparklines, the trend strip). */
export const TREND_RUNS = 30;
