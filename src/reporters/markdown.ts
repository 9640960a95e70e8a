import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../model/issue.js';
import type { CheckResult, DatasetResult, Outcome, RunResult } from '../model/result.js';
import { blockedByDatasetIssue, plainObserved } from './check-text.js';
import { formatLocation, formatSeconds, plural } from './format-value.js';
import { markdownText } from './markdown-text.js';
import { maskPiiRows } from './mask-pii.js';
import type { Reporter, ReporterContext, ReporterOutcome } from './reporter.js';
import { writeReport } from './write-report.js';

export const DEFAULT_MARKDOWN_OUTPUT = 'reports/datacheck.md';

/** Rows in the "needs attention" table before "… and N more": a comment should stay readable. */
export const MARKDOWN_ROWS_SHOWN = 20;

export interface MarkdownOptions {
  maxRows: number;
}

const ICON: Record<Outcome, string> = { error: '💥', fail: '❌', warn: '⚠️', skipped: '⏭️', pass: '✅' };
const HEADLINE: Record<RunResult['outcome'], string> = {
  passed: '✅ datacheck passed',
  failed: '❌ datacheck failed',
  error: '💥 datacheck could not check everything',
};
// Skipped checks too: a check that checked nothing (a misspelt column without type-checking) needs a look.
const ATTENTION: Outcome[] = ['error', 'fail', 'warn', 'skipped'];

/**
 * A compact summary for a pull-request comment or a GitHub job summary: the outcome, the counts,
 * what could not run, then the checks that need attention (errors, failures, warnings, skips) with
 * observed vs expected and where each was written. Every piece of text from the run is escaped.
 */
export function renderMarkdown(unmasked: RunResult, options: MarkdownOptions = { maxRows: MARKDOWN_ROWS_SHOWN }): string {
  const run = maskPiiRows(unmasked);
  const lines = [`### ${HEADLINE[run.outcome]}`, '', summary(run), '', ...countsTable(run)];
  const problems = [...run.issues.map((i) => issueItem(i)), ...run.datasets.flatMap((d) => d.issues.map((i) => issueItem(i, d)))];
  if (problems.length > 0) lines.push('', '#### Could not run', '', ...problems);
  const attention = run.datasets
    .flatMap((d) => d.checks.filter((ch) => ATTENTION.includes(ch.outcome) && !blockedByDatasetIssue(d, ch)))
    .sort((a, b) => ATTENTION.indexOf(a.outcome) - ATTENTION.indexOf(b.outcome));
  if (attention.length > 0) lines.push('', '#### Needs attention', '', ...attentionTable(attention, options.maxRows));
  return `${lines.join('\n')}\n`;
}

function summary(run: RunResult): string {
  const checks = Object.values(run.counts).reduce((a, b) => a + b, 0);
  return `${plural(checks, 'check')} on ${plural(run.datasets.length, 'dataset')} in ${formatSeconds(run.durationMs)}`;
}

function countsTable(run: RunResult): string[] {
  const n = run.counts;
  return [
    '| ✅ passed | ❌ failed | ⚠️ warned | 💥 errors | ⏭️ skipped | run issues |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${n.pass} | ${n.fail} | ${n.warn} | ${n.error} | ${n.skipped} | ${run.issues.length} |`,
  ];
}

/** `- 💥 **orders**: could not read … (`csv.ragged_row`, fixtures/orders.csv:15:1); 3 checks could not run` */
function issueItem(issue: Issue, d?: DatasetResult): string {
  const where = issue.location ? `, ${markdownText(formatLocation(issue.location, true))}` : '';
  const blocked = d ? d.checks.filter((ch) => blockedByDatasetIssue(d, ch)).length : 0;
  const consequence = blocked > 0 ? `; ${plural(blocked, 'check')} could not run` : '';
  const subject = d ? `**${markdownText(d.name)}**: ` : '';
  return `- ${ICON.error} ${subject}${markdownText(issue.message)} (${markdownText(issue.code)}${where})${consequence}`;
}

function attentionTable(checks: CheckResult[], maxRows: number): string[] {
  const rows = checks.slice(0, maxRows).map((ch) => {
    const observed = ch.outcome === 'error' ? ch.message : (plainObserved(ch, 80) ?? ch.message);
    const cells = [ICON[ch.outcome], ch.dataset, ch.title, observed, ch.expected ?? '', formatLocation(ch.location)];
    return `| ${cells.map((c, i) => (i === 0 ? c : markdownText(c, 120))).join(' | ')} |`;
  });
  const more = checks.length - rows.length;
  return [
    '| | dataset | check | observed | expected | where |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...(more > 0 ? ['', `… and ${more} more (see the full report)`] : []),
  ];
}

/**
 * Options: `outputFile` (default reports/datacheck.md, `'-'` for stdout), `maxRows` (default 20).
 * Under GitHub Actions (`GITHUB_STEP_SUMMARY` set) the summary is appended to the job summary too.
 */
export const markdownReporter: Reporter = {
  name: 'markdown',
  async render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome> {
    const maxRows = typeof context.options.maxRows === 'number' ? context.options.maxRows : MARKDOWN_ROWS_SHOWN;
    const text = renderMarkdown(run, { maxRows });
    const written = await writeReport(text, context, DEFAULT_MARKDOWN_OUTPUT, 'markdown');
    const stepSummary = context.env?.GITHUB_STEP_SUMMARY;
    if (!stepSummary) return written;
    const file = path.resolve(context.cwd, stepSummary);
    await appendFile(file, text, 'utf8');
    return { files: [...(written.files ?? []), file] };
  },
};
