import { historyIssue, historySetting } from '../../history/open-history.js';
import type { RecentRow } from '../../history/history-store.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { EXIT } from '../exit-codes.js';
import { sparkline } from '../history-chart.js';
import type { CliIo } from '../io.js';

export interface HistoryOptions {
  config?: string;
  check?: string;
  runs: number;
  json?: boolean;
}

/** One metric's recent values (or, for checks without one, its outcomes), oldest first. */
interface Series {
  dataset: string;
  checkId: string;
  kind: string;
  metric: string | null;
  points: { runId: string; startedAt: string; outcome: string; value: number | null }[];
}

/**
 * `datacheck history [dataset] [--check id]`: the recent values and outcomes the metric history
 * holds, per check, as a table with a small chart, or as JSON. Reads the store the config names
 * (or the default file); it never writes. Exit 2 when the store cannot be read.
 */
export async function historyCommand(dataset: string | undefined, opts: HistoryOptions, io: CliIo): Promise<number> {
  const { loader, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loaded = await loadConfigFile(opts.config, io.cwd, loader);
  await loader.close();
  useConfig(loaded.config);
  for (const issue of loaded.issues) io.stderr.write(`error: ${issue.message}\n`);
  if (loaded.issues.length > 0) return EXIT.error;
  const setting = historySetting({
    cwd: io.cwd,
    config: loaded.config.history,
    enabled: true,
    connections: loaded.config.connections,
    env: io.env,
  });
  if ('off' in setting || 'issue' in setting) {
    io.stderr.write(`error: ${'off' in setting ? setting.off : setting.issue.message}\n`);
    return EXIT.error;
  }
  let rows: RecentRow[];
  try {
    rows = await setting.store.recent({
      ...(dataset !== undefined && { dataset }),
      ...(opts.check !== undefined && { checkId: opts.check }),
      runs: opts.runs,
    });
  } catch (e) {
    io.stderr.write(`error: ${historyIssue(e, setting.store).message}\n`);
    return EXIT.error;
  }
  const series = toSeries(rows);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ store: setting.store.describe, series }, null, 2)}\n`);
    return EXIT.passed;
  }
  if (series.length === 0) {
    const what = [dataset && `dataset '${dataset}'`, opts.check && `check '${opts.check}'`].filter(Boolean).join(', ');
    io.stdout.write(`no history${what ? ` for ${what}` : ''} in ${setting.store.describe}\n`);
    return EXIT.passed;
  }
  io.stdout.write(series.map(renderSeries).join('\n'));
  return EXIT.passed;
}

function toSeries(rows: RecentRow[]): Series[] {
  const byCheck = new Map<string, Series>();
  for (const r of rows) {
    const key = JSON.stringify([r.dataset, r.checkId]);
    let s = byCheck.get(key);
    if (!s) byCheck.set(key, (s = { dataset: r.dataset, checkId: r.checkId, kind: r.kind, metric: r.metric, points: [] }));
    s.points.push({ runId: r.runId, startedAt: r.startedAt, outcome: r.outcome, value: r.value });
  }
  return [...byCheck.values()];
}

const MARK: Record<string, string> = { pass: '✓', fail: '✗', warn: '!', error: '✖', skipped: '-' };

function renderSeries(s: Series): string {
  const values = s.points.map((p) => p.value);
  const head = `${s.dataset}  ${s.checkId}${s.metric ? `  ${s.metric}` : ''}`;
  const chart = s.metric ? `  ${sparkline(values)}  ` : `  ${s.points.map((p) => MARK[p.outcome] ?? '?').join('')}`;
  const lines = s.points.map((p) => `  ${p.startedAt}  ${(MARK[p.outcome] ?? '?').padEnd(2)}${p.value === null ? '' : String(p.value)}`);
  return `${head}\n${chart}\n${lines.join('\n')}\n`;
}
