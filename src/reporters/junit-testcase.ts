import type { Issue, SourceLocation } from '../model/issue.js';
import type { CheckResult } from '../model/result.js';
import { plainObserved, rowsFailedText } from './check-text.js';
import { formatFailingRow, formatLocation, issueDetails } from './format-value.js';
import type { XmlNode } from './xml.js';

/** Failing rows written into a `<failure>`: enough to recognise the problem, small enough for a CI page. */
export const JUNIT_ROWS_SHOWN = 5;

/** How a testcase counts in its suite's totals. */
export type CaseStatus = 'passed' | 'failure' | 'error' | 'skipped';

export interface Testcase {
  node: XmlNode;
  status: CaseStatus;
}

export interface TestcaseOptions {
  /** `file`/`line` attributes for GitLab and GitHub annotations; Jenkins' xunit schema rejects them. */
  fileAttributes: boolean;
}

/**
 * One check as a `<testcase>`: fail -> `<failure>`, error -> `<error>`, skipped -> `<skipped>`.
 * A warning (a failed check of severity warn) passes, as it does for the exit code, and says what
 * it saw in `<system-out>`, which GitLab, Jenkins and the GitHub actions all show.
 */
export function checkTestcase(ch: CheckResult, name: string, classname: string, options: TestcaseOptions, timeMs: number): Testcase {
  const attributes = { classname, name, time: junitSeconds(timeMs), ...fileAttributes(ch.location, options) };
  switch (ch.outcome) {
    case 'fail':
      return {
        status: 'failure',
        node: {
          name: 'testcase',
          attributes,
          children: [{ name: 'failure', attributes: { message: ch.message, type: ch.kind }, text: findings(ch) }],
        },
      };
    case 'error':
      return {
        status: 'error',
        node: {
          name: 'testcase',
          attributes,
          children: [{ name: 'error', attributes: { message: ch.message, type: ch.issue?.code ?? ch.kind }, text: cause(ch) }],
        },
      };
    case 'skipped':
      return {
        status: 'skipped',
        node: { name: 'testcase', attributes, children: [{ name: 'skipped', attributes: { message: ch.message } }] },
      };
    case 'warn':
      return {
        status: 'passed',
        node: {
          name: 'testcase',
          attributes,
          children: [{ name: 'system-out', text: `warning (severity warn: does not fail the run)\n${findings(ch)}` }],
        },
      };
    default:
      return { status: 'passed', node: { name: 'testcase', attributes } };
  }
}

/**
 * A dataset or run problem (a source that cannot be read, a contract file that does not load) as
 * an erroring testcase of its own: a suite whose data could not be read must never look green.
 */
export function issueTestcase(issue: Issue, name: string, classname: string, options: TestcaseOptions, timeMs: number): Testcase {
  const attributes = { classname, name, time: junitSeconds(timeMs), ...fileAttributes(issue.location, options) };
  const text = [issue.message, ...issueDetails(issue), ...(issue.location ? [`at ${formatLocation(issue.location, true)}`] : [])].join(
    '\n',
  );
  return {
    status: 'error',
    node: { name: 'testcase', attributes, children: [{ name: 'error', attributes: { message: issue.message, type: issue.code }, text }] },
  };
}

/** Seconds as the xunit schema wants them: a plain decimal, at most 3 fraction digits, never negative. */
export function junitSeconds(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? (Math.min(ms, 1e12) / 1000).toFixed(3) : '0.000';
}

/**
 * What went wrong first (GitLab shows only the element's text, not its attributes): rows failed for
 * row-level checks, else the message; then observed vs expected, the first failing rows, the
 * filter and where the check was written.
 */
function findings(ch: CheckResult): string {
  const lines = [ch.rows ? rowsFailedText(ch.rows) : ch.message];
  const observed = plainObserved(ch);
  if (observed !== undefined) lines.push(`observed: ${observed}`);
  if (ch.expected !== undefined) lines.push(`expected: ${ch.expected}`);
  const rows = ch.failingRows ?? [];
  for (const row of rows.slice(0, JUNIT_ROWS_SHOWN)) lines.push(`  ${formatFailingRow(row)}`);
  const more = Math.max(rows.length, ch.rows?.failed ?? 0) - Math.min(rows.length, JUNIT_ROWS_SHOWN);
  if (rows.length > 0 && more > 0) lines.push(`  … ${more} more failing ${more === 1 ? 'row' : 'rows'}`);
  if (ch.where !== undefined) lines.push(`where: ${ch.where}`);
  lines.push(`at ${formatLocation(ch.location)}`);
  return lines.join('\n');
}

/** Why a check could not run: the cause, its details and both places (the data, the check). */
function cause(ch: CheckResult): string {
  const lines = [ch.message];
  if (ch.issue) {
    if (ch.issue.message !== ch.message) lines.push(ch.issue.message);
    lines.push(...issueDetails(ch.issue));
    if (ch.issue.location) lines.push(`at ${formatLocation(ch.issue.location, true)}`);
  }
  lines.push(`check at ${formatLocation(ch.location)}`);
  return lines.join('\n');
}

function fileAttributes(location: SourceLocation | undefined, options: TestcaseOptions): { file?: string; line?: number } {
  if (!options.fileAttributes || !location) return {};
  return { file: location.file, ...(location.line > 0 && { line: location.line }) };
}
