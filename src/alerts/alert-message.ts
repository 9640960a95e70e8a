import type { AlertDef } from '../model/config.js';
import type { RunResult } from '../model/result.js';

/** How many failing checks a message names; the rest are counted. */
const NAMED = 10;

/** Whether the run is worth this alert: `fail` on a failed or errored run, `warn` also on warnings. */
export function wantsAlert(alert: Pick<AlertDef, 'on'>, run: RunResult): boolean {
  if (run.outcome !== 'passed') return true;
  return alert.on === 'warn' && run.counts.warn > 0;
}

/**
 * The summary an alert carries: the outcome, the counts, the checks that need attention by dataset
 * and title (never observed values or messages, which can quote data) and the report's path.
 */
export function alertText(run: RunResult, report: string | undefined): string {
  const c = run.counts;
  const total = c.pass + c.fail + c.warn + c.error + c.skipped;
  const head = `datacheck ${run.outcome}: ${c.fail} failed, ${c.warn} warned, ${c.error} errors of ${total} checks`;
  const attention = run.datasets.flatMap((d) =>
    d.checks
      .filter((ch) => ch.outcome === 'fail' || ch.outcome === 'error' || ch.outcome === 'warn')
      .map((ch) => `${ch.outcome} ${d.name}: ${ch.title}`),
  );
  const issues = run.issues.length + run.datasets.reduce((n, d) => n + d.issues.length, 0);
  const lines = [
    head,
    ...attention.slice(0, NAMED).map((l) => `- ${l}`),
    ...(attention.length > NAMED ? [`- and ${attention.length - NAMED} more`] : []),
    ...(issues > 0 ? [`${issues} problems stopped checks from running`] : []),
    ...(report ? [`report: ${report}`] : []),
  ];
  return lines.join('\n');
}

/** The request body each kind of endpoint expects (Slack and Teams incoming webhooks read `text`). */
export function alertBody(alert: Pick<AlertDef, 'kind'>, run: RunResult, report: string | undefined): unknown {
  const text = alertText(run, report);
  if (alert.kind === 'slack' || alert.kind === 'teams') return { text };
  return { text, runId: run.runId, outcome: run.outcome, counts: run.counts, startedAt: run.startedAt, ...(report && { report }) };
}
