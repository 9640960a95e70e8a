import { evaluateDataset } from '../evaluate/evaluate-dataset.js';
import type { HistoryContext } from '../checks/check-kind.js';
import type { HistoryView } from '../model/history.js';
import type { DatasetResult } from '../model/result.js';
import { columnProfiles } from '../plan/profiles.js';
import { describeSource } from '../sources/describe-source.js';
import type { ExecutedDataset } from './execute.js';

/** Each executed dataset as a DatasetResult: its checks evaluated over the metric results, its column profiles. */
export function evaluateRun(datasets: ExecutedDataset[], now: Date, history?: HistoryView): DatasetResult[] {
  return datasets.map((d) => evaluateExecuted(d, now, history && historyOf(history, d.planned.plan.contract.name)));
}

/** The history as one dataset's checks see it: its own metrics' points. */
function historyOf(view: HistoryView, dataset: string): HistoryContext {
  return view.state === 'on' ? { state: 'on', points: view.datasets[dataset] ?? {} } : view;
}

function evaluateExecuted(executed: ExecutedDataset, now: Date, history: HistoryContext | undefined): DatasetResult {
  const t0 = performance.now();
  const { plan } = executed.planned;
  const { contract } = plan;
  const base = {
    name: contract.name,
    ...(contract.version !== undefined && { version: contract.version }),
    ...(contract.owner !== undefined && { owner: contract.owner }),
    ...(contract.description !== undefined && { description: contract.description }),
    ...(contract.source && { source: describeSource(contract.source) }),
    contractLocation: contract.location,
  };
  const checks = evaluateDataset(plan, executed.results, now, history);
  const durationMs = executed.durationMs + Math.round(performance.now() - t0);
  if (executed.issue || !executed.opened) {
    return { ...base, issues: executed.issue ? [executed.issue] : [], checks, columns: [], durationMs };
  }
  const rowCount = executed.results.get(plan.resolve({ kind: 'row_count' }).key);
  return {
    ...base,
    source: executed.opened.description,
    ...(executed.opened.location && { location: executed.opened.location }),
    ...(executed.opened.fingerprint && { fingerprint: executed.opened.fingerprint }),
    ...(rowCount?.ok && typeof rowCount.value === 'number' && { rowCount: rowCount.value }),
    issues: [],
    checks,
    columns: columnProfiles(contract, plan, executed.results),
    durationMs,
  };
}
