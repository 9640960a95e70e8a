import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import type { Issue } from '../model/issue.js';
import type { CheckResult, DatasetResult, Outcome, RunResult } from '../model/result.js';
import { blockedByDatasetIssue, rowsFailedText } from './check-text.js';
import { formatFailingRow, formatLocation, formatSeconds, formatValue, issueDetails, plural, printableDeep } from './format-value.js';
import type { Reporter, ReporterContext } from './reporter.js';

/** Failing rows shown per check in the terminal; the JSON report keeps all that were sampled. */
export const ROWS_SHOWN = 3;

export interface ConsoleOptions {
  color: boolean;
  verbose: boolean;
}

const ORDER: Record<Outcome, number> = { error: 0, fail: 1, warn: 2, skipped: 3, pass: 4 };
const MARK: Record<Outcome, string> = { error: '✖', fail: '✗', warn: '!', skipped: '-', pass: '✓' };

/**
 * The terminal report: what needs attention first (failures grouped by dataset, with where the
 * check was written and the rows that broke it), passing checks as a count, then run issues, then
 * one summary line.
 */
export function renderConsole(unsafe: RunResult, options: ConsoleOptions): string {
  const run = printableDeep(unsafe);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const datasets = [...run.datasets].sort((a, b) => rank(a) - rank(b));
  for (const d of datasets) lines.push(...renderDataset(d, c, options.verbose), '');
  if (run.issues.length > 0) {
    lines.push(c.bold.red(`Run issues (${run.issues.length})`));
    for (const issue of run.issues) lines.push(...renderIssue(issue, c, '  '));
    lines.push('');
  }
  lines.push(summaryLine(run, c));
  return `${lines.join('\n')}\n`;
}

/** `12 passed, 2 failed, 1 warned, 0 errors in 0.84 s` (run issues and skips only when there are some). */
export function summaryLine(run: RunResult, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const n = run.counts;
  const parts = [
    c.green(`${n.pass} passed`),
    n.fail > 0 ? c.red(`${n.fail} failed`) : `${n.fail} failed`,
    n.warn > 0 ? c.yellow(`${n.warn} warned`) : `${n.warn} warned`,
    n.error > 0 ? c.red(plural(n.error, 'error')) : plural(n.error, 'error'),
  ];
  if (n.skipped > 0) parts.push(`${n.skipped} skipped`);
  if (run.issues.length > 0) parts.push(c.red(plural(run.issues.length, 'run issue')));
  return `${parts.join(', ')} in ${formatSeconds(run.durationMs)}`;
}

function rank(d: DatasetResult): number {
  if (d.issues.length > 0) return 0;
  return Math.min(4, ...d.checks.map((ch) => ORDER[ch.outcome]));
}

function renderDataset(d: DatasetResult, c: ChalkInstance, verbose: boolean): string[] {
  const r = rank(d);
  const badge =
    r <= 1
      ? c.bgRed.white.bold(r === 0 ? ' ERROR ' : ' FAIL ')
      : r === 2
        ? c.bgYellow.black.bold(' WARN ')
        : c.bgGreen.black.bold(' PASS ');
  const about = [d.source, d.rowCount !== undefined ? plural(d.rowCount, 'row') : undefined].filter(Boolean).join(', ');
  const out = [`${badge} ${c.bold(d.name)}${about ? c.dim(` (${about})`) : ''}`];
  for (const issue of d.issues) out.push(...renderIssue(issue, c, '  '));

  // Checks that could not run because the dataset could not be read say so once, not once each.
  const sameCause = (ch: CheckResult) => blockedByDatasetIssue(d, ch);
  const blocked = d.checks.filter(sameCause);
  if (blocked.length > 0) {
    out.push(`  ${c.red(MARK.error)} ${c.red(`${plural(blocked.length, 'check')} could not run`)}${c.dim(' (the dataset issue above)')}`);
    if (verbose) for (const ch of blocked) out.push(`      ${c.dim('·')} ${ch.title}  ${c.dim(formatLocation(ch.location))}`);
  }
  const attention = d.checks.filter((ch) => ch.outcome !== 'pass' && !sameCause(ch)).sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  for (const ch of attention) out.push(...renderCheck(ch, c));
  const passed = d.checks.filter((ch) => ch.outcome === 'pass');
  if (verbose) {
    for (const ch of passed) out.push(`  ${c.green(MARK.pass)} ${ch.title}  ${c.dim(formatLocation(ch.location))}`);
  } else if (passed.length > 0) {
    out.push(`  ${c.green(MARK.pass)} ${c.dim(`${passed.length} passed`)}`);
  }
  // A pass that judged nothing (no history yet) is listed with its reason, verbose or not.
  for (const ch of passed.filter((p) => p.note)) {
    out.push(
      `  ${c.green(MARK.pass)} ${ch.title} ${c.dim('(not judged)')}  ${c.dim(formatLocation(ch.location))}`,
      `      ${c.dim(ch.note!)}`,
    );
  }
  return out;
}

function renderCheck(ch: CheckResult, c: ChalkInstance): string[] {
  const color = ch.outcome === 'warn' ? c.yellow : ch.outcome === 'skipped' ? c.dim : c.red;
  const label =
    ch.outcome === 'error' ? ' (could not run)' : ch.outcome === 'warn' ? ' (warning)' : ch.outcome === 'skipped' ? ' (skipped)' : '';
  const out = [`  ${color(MARK[ch.outcome])} ${color(ch.title)}${c.dim(label)}  ${c.dim(formatLocation(ch.location))}`];
  const pad = '      ';
  if (ch.outcome === 'error' || ch.outcome === 'skipped') {
    out.push(`${pad}${ch.message}`);
    if (ch.issue) {
      if (ch.issue.location) out.push(`${pad}${c.dim('at')} ${formatLocation(ch.issue.location, true)}`);
      for (const l of issueDetails(ch.issue)) out.push(`${pad}${c.dim(l)}`);
    }
    return out;
  }
  // Structured observations (row counts, a schema, a freshness age) are better said by the
  // message; plain values read best as "observed X · expected Y".
  const structured = typeof ch.observed === 'object' && ch.observed !== null && !Array.isArray(ch.observed);
  if (structured) {
    if (!ch.rows) out.push(`${pad}${ch.message}`);
    if (ch.expected !== undefined) out.push(`${pad}expected ${ch.expected}`);
  } else if (ch.observed !== undefined || ch.expected !== undefined) {
    const observed = ch.observed !== undefined ? `observed ${c.bold(formatValue(ch.observed, 160))}` : undefined;
    const expected = ch.expected !== undefined ? `expected ${ch.expected}` : undefined;
    out.push(`${pad}${[observed, expected].filter(Boolean).join(c.dim(' · '))}`);
  } else {
    out.push(`${pad}${ch.message}`);
  }
  if (ch.rows) out.push(`${pad}${rowsFailedText(ch.rows)}`);
  const rows = ch.failingRows ?? [];
  for (const row of rows.slice(0, ROWS_SHOWN)) out.push(`${pad}${c.dim('·')} ${formatFailingRow(row)}`);
  const more = Math.max(rows.length, ch.rows?.failed ?? 0) - Math.min(rows.length, ROWS_SHOWN);
  if (rows.length > 0 && more > 0) out.push(`${pad}${c.dim(`… ${more} more failing ${more === 1 ? 'row' : 'rows'}`)}`);
  return out;
}

function renderIssue(issue: Issue, c: ChalkInstance, indent: string): string[] {
  // Data-file issues already open with `file:line:` in their message; say the place once.
  const place = issue.location ? formatLocation(issue.location, true) : '';
  const where = place && !issue.message.startsWith(`${issue.location!.file}:`) ? `${place} ` : '';
  const out = [`${indent}${c.red(MARK.error)} ${c.bold(where)}${issue.message}${c.dim(` [${issue.code}]`)}`];
  for (const l of issueDetails(issue)) out.push(`${indent}    ${c.dim(l)}`);
  return out;
}

export const consoleReporter: Reporter = {
  name: 'console',
  render(run: RunResult, context: ReporterContext) {
    context.stdout.write(renderConsole(run, { color: context.color, verbose: context.verbose }));
  },
};
