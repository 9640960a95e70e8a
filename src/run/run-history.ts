import { historyIssue } from '../history/open-history.js';
import type { HistorySetting } from '../history/open-history.js';
import type { HistoryNeed } from '../history/history-store.js';
import type { HistoryView } from '../model/history.js';
import { TREND_RUNS } from '../model/history.js';
import type { DatasetResult } from '../model/result.js';
import type { Issue } from '../model/issue.js';
import type { RunResult } from '../model/result.js';
import type { PlannedDataset } from './plan-run.js';

/** The tracked metrics of the run's checks, per dataset. */
export function historyNeeds(datasets: readonly PlannedDataset[]): HistoryNeed[] {
  const needs = new Map<string, HistoryNeed>();
  for (const { plan } of datasets) {
    for (const check of plan.checks) {
      // Every tracked metric: change and anomaly checks judge them, reports chart them.
      if (!check.kind?.tracks || check.issue) continue;
      const metric = check.kind.tracks(check.def, check.ctx);
      needs.set(JSON.stringify([plan.contract.name, metric]), { dataset: plan.contract.name, metric });
    }
  }
  return [...needs.values()];
}

/** Reads what the checks need; a store that fails is `unavailable` (those checks end error), never a crash. */
export async function readHistory(setting: HistorySetting | undefined, needs: HistoryNeed[], datasets: string[]): Promise<HistoryView> {
  if (!setting) return { state: 'off', reason: 'the metric history is off' };
  if ('off' in setting) return { state: 'off', reason: setting.off };
  if ('issue' in setting) return { state: 'unavailable', issue: setting.issue };
  try {
    const read = await setting.store.read(needs, datasets);
    return { state: 'on', datasets: read.points, trends: read.trends };
  } catch (e) {
    return { state: 'unavailable', issue: historyIssue(e, setting.store) };
  }
}

/** What became of the run in the history: how many rows were appended, or why none were. */
export type HistoryRecord = { appended: number; store: string } | { off: string } | { issue: Issue };

/** Appends the finished run; a failure is returned (the CLI warns), the run's outcome stays. */
export async function recordHistory(setting: HistorySetting | undefined, run: RunResult): Promise<HistoryRecord> {
  if (!setting) return { off: 'the metric history is off' };
  if ('off' in setting || 'issue' in setting) return setting;
  // A run that checked nothing (a --filter matching nothing, nothing loaded) has nothing to keep: the store is not even created.
  if (run.datasets.every((d) => d.checks.length === 0)) return { appended: 0, store: setting.store.describe };
  try {
    return { appended: await setting.store.append(run), store: setting.store.describe };
  } catch (e) {
    return { issue: historyIssue(e, setting.store) };
  }
}

/**
 * The datasets' results with what reports chart: each tracked check's earlier values (the last
 * TREND_RUNS) and each dataset's recent outcome counts. Nothing when the history is not on.
 */
export function withTrends(datasets: DatasetResult[], view: HistoryView): DatasetResult[] {
  if (view.state !== 'on') return datasets;
  return datasets.map((d) => {
    const points = view.datasets[d.name] ?? {};
    const trend = view.trends[d.name];
    return {
      ...d,
      checks: d.checks.map((c) => {
        const earlier = c.metric ? points[c.metric.name] : undefined;
        return earlier && earlier.length > 0 ? { ...c, history: earlier.slice(-TREND_RUNS) } : c;
      }),
      ...(trend && trend.length > 0 && { trend }),
    };
  });
}
