import type { Issue } from '../model/issue.js';
import type { DatasetResult, RunResult } from '../model/result.js';
import { formatLocation } from './format-value.js';
import { checkTestcase, issueTestcase, junitSeconds } from './junit-testcase.js';
import type { Testcase, TestcaseOptions } from './junit-testcase.js';
import { maskPiiRows } from './mask-pii.js';
import type { Reporter, ReporterContext, ReporterOutcome } from './reporter.js';
import { writeReport } from './write-report.js';
import { serializeXml, XML_DECLARATION } from './xml.js';
import type { XmlNode } from './xml.js';

export const DEFAULT_JUNIT_OUTPUT = 'reports/datacheck-junit.xml';

/** The suite holding run-level issues (a contract file that does not load, a bad config). */
export const RUN_SUITE_NAME = 'datacheck run';

export type JunitOptions = TestcaseOptions;

/**
 * The run as JUnit XML, valid against Jenkins' xunit schema (junit-10.xsd) unless `fileAttributes`
 * is on: one `<testsuite>` per dataset (classname = the dataset, name = the check's title), one
 * more for run issues when there are any. Totals are counted from the testcases written, so they
 * always agree with them (EnricoMi's action reads the attributes, not the cases).
 */
export function renderJunit(unmasked: RunResult, options: JunitOptions = { fileAttributes: false }): string {
  const run = maskPiiRows(unmasked);
  const suites = run.datasets.map((d) => datasetSuite(d, run.startedAt, options));
  if (run.issues.length > 0) suites.push(runIssueSuite(run.issues, run.startedAt, options));
  const totals = sum(suites.map((s) => s.counts));
  const root: XmlNode = {
    name: 'testsuites',
    attributes: {
      name: 'datacheck',
      tests: totals.tests,
      failures: totals.failures,
      errors: totals.errors,
      time: junitSeconds(run.durationMs),
    },
    children: suites.map((s) => s.node),
  };
  return `${XML_DECLARATION}\n${serializeXml(root)}\n`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** A suite property; undefined values are left out (the schema requires a value). */
type Property = [name: string, value: string | number | undefined];

interface Suite {
  node: XmlNode;
  counts: Counts;
}

function datasetSuite(d: DatasetResult, startedAt: string, options: TestcaseOptions): Suite {
  const names = uniqueNames([
    ...d.issues.map((i) => ({ name: `dataset issue: ${i.message}`, key: i.code })),
    ...d.checks.map((ch) => ({ name: ch.title, key: ch.id })),
  ]);
  // A dataset's checks are computed together (one scan, one aggregate query), so no check has a
  // time of its own (its evaluation alone is microseconds, which showed as time="0.000"). Each
  // testcase gets an equal share of the dataset's time, so the cases add up to their suite, which
  // is what CI pages total; the Ant schema requires the attribute, so it is not left out.
  const share = d.durationMs / Math.max(1, d.issues.length + d.checks.length);
  const cases = [
    ...d.issues.map((issue, i) => issueTestcase(issue, names[i], d.name, options, share)),
    ...d.checks.map((ch, i) => checkTestcase(ch, names[d.issues.length + i], d.name, options, share)),
  ];
  const warnings = d.checks.filter((ch) => ch.outcome === 'warn').length;
  const properties: Property[] = [
    ['datacheck.contract', d.name],
    ['datacheck.version', d.version],
    ['datacheck.owner', d.owner],
    ['datacheck.source', d.source],
    ['datacheck.rows', d.rowCount],
    ['datacheck.contractFile', d.contractLocation && formatLocation(d.contractLocation)],
    ['datacheck.warnings', warnings > 0 ? warnings : undefined],
  ];
  return suite(d.name, d.durationMs, startedAt, properties, cases);
}

function runIssueSuite(issues: Issue[], startedAt: string, options: TestcaseOptions): Suite {
  const names = uniqueNames(issues.map((i) => ({ name: i.message, key: i.code })));
  // Run issues are found while loading, before any dataset is timed: no time to give them.
  return suite(
    RUN_SUITE_NAME,
    0,
    startedAt,
    [],
    issues.map((issue, i) => issueTestcase(issue, names[i], RUN_SUITE_NAME, options, 0)),
  );
}

function suite(name: string, durationMs: number, startedAt: string, properties: Property[], cases: Testcase[]): Suite {
  const counts: Counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.status === 'failure').length,
    errors: cases.filter((c) => c.status === 'error').length,
    skipped: cases.filter((c) => c.status === 'skipped').length,
  };
  const props = properties.filter((p): p is [string, string | number] => p[1] !== undefined);
  const children: XmlNode[] = [
    ...(props.length > 0
      ? [{ name: 'properties', children: props.map(([n, value]) => ({ name: 'property', attributes: { name: n, value } })) }]
      : []),
    ...cases.map((c) => c.node),
  ];
  return {
    counts,
    node: {
      name: 'testsuite',
      attributes: { name, ...counts, time: junitSeconds(durationMs), timestamp: junitTimestamp(startedAt) },
      children,
    },
  };
}

/**
 * GitLab keeps only the first of several testcases with the same classname and name, so a title
 * that repeats within a suite gets its check id (or issue code) added.
 */
export function uniqueNames(cases: { name: string; key: string }[]): string[] {
  const seen = new Map<string, number>();
  for (const c of cases) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  const used = new Set<string>();
  return cases.map((c, i) => {
    let name = seen.get(c.name)! > 1 ? `${c.name} [${c.key}]` : c.name;
    if (used.has(name)) name = `${name} #${i + 1}`;
    used.add(name);
    return name;
  });
}

/** `2026-11-23T08:00:00` (UTC, no zone, no milliseconds): the form Ant's schema demands and Jenkins reads. */
function junitTimestamp(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(iso)?.[0] ?? iso;
}

function sum(all: Counts[]): Counts {
  return all.reduce(
    (a, b) => ({
      tests: a.tests + b.tests,
      failures: a.failures + b.failures,
      errors: a.errors + b.errors,
      skipped: a.skipped + b.skipped,
    }),
    {
      tests: 0,
      failures: 0,
      errors: 0,
      skipped: 0,
    },
  );
}

/** Options: `outputFile` (default reports/datacheck-junit.xml, `'-'` for stdout), `fileAttributes` (default false). */
export const junitReporter: Reporter = {
  name: 'junit',
  render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome> {
    const xml = renderJunit(run, { fileAttributes: context.options.fileAttributes === true });
    return writeReport(xml, context, DEFAULT_JUNIT_OUTPUT, 'junit');
  },
};
