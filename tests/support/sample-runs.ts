import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { Issue } from '../../src/model/issue.js';
import type { IssueCode } from '../../src/model/issue-codes.js';
import type { CheckResult, DatasetResult, RunResult } from '../../src/model/result.js';
import { runDatacheck } from '../../src/run/runner.js';

/**
 * Runs for testing reporters. Passing, failing and erroring runs come from the real runner over
 * small CSV files (so reporters are tested against what datacheck really produces); the hostile
 * run is written by hand, because no honest data source produces all of it at once.
 */

/** The email a failing check sees in a pii column: no report may ever show it. */
export const PII_EMAIL = 'grace.hopper@example.com';

const ORDERS_CSV = [
  'id,status,amount,email',
  '1,placed,20,ada@example.com',
  '2,shipped,35,alan@example.com',
  `3,lost,900,${PII_EMAIL}`,
  '4,placed,41,not-an-email',
].join('\n');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-sample-run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const orders = defineContract({
  name: 'orders',
  version: '2.1.0',
  owner: 'commerce-data',
  source: { file: 'orders.csv' },
  columns: {
    id: col.int32().primaryKey(),
    status: col.string(),
    amount: col.float64(),
    email: col.string().pii(),
  },
});

/** Every check passes: exit 0. */
export async function passingRun(): Promise<RunResult> {
  const suite = defineSuite(orders, (t) => [t.rowCount().atLeast(1), t.column('amount').min().atLeast(0)]);
  return runDatacheck({ cwd: project({ 'orders.csv': ORDERS_CSV }), contracts: [orders], suites: [suite], issues: [], maxFailingRows: 10 });
}

/** Failed checks (one on the pii column, whose failing rows must stay masked) and a warning: exit 1. */
export async function failingRun(): Promise<RunResult> {
  const suite = defineSuite(orders, (t) => [
    t.rowCount().atLeast(1),
    t.column('status').oneOf(['placed', 'shipped']),
    t
      .column('email')
      .matches(/^[^@]+@example\.com$/)
      .title('every email is at example.com'),
    t.column('amount').mean().between(10, 100).warn(),
  ]);
  return runDatacheck({ cwd: project({ 'orders.csv': ORDERS_CSV }), contracts: [orders], suites: [suite], issues: [], maxFailingRows: 10 });
}

const missing = defineContract({
  name: 'refunds',
  source: { file: 'refunds.csv' },
  columns: { id: col.int32().primaryKey(), amount: col.float64() },
});

/** A dataset whose file does not exist and a contract file that did not load: exit 2. */
export async function erroringRun(): Promise<RunResult> {
  const suite = defineSuite(missing, (t) => [t.rowCount().atLeast(1)]);
  const loadIssue: Issue = {
    code: 'load.no_export',
    message: 'helpers.contract.ts exports no contract',
    location: { file: 'contracts/helpers.contract.ts', line: 1, column: 1 },
    expected: 'export default defineContract(...)',
    found: 'no exports',
  };
  return runDatacheck({
    cwd: project({ 'orders.csv': ORDERS_CSV }),
    contracts: [orders, missing],
    suites: [suite],
    issues: [loadIssue],
    maxFailingRows: 10,
  });
}

/**
 * Markup, both CDATA and HTML breakers, every C0 control character, U+FFFE/U+FFFF, lone
 * surrogates, and what must survive untouched: emoji (astral, with joiners) and right-to-left text.
 */
export const HOSTILE = [
  '<script>alert("x")</script>',
  ']]>',
  '"><img src=x onerror=alert(1)>',
  "Tom & Jerry's",
  '🚀 👩‍👩‍👧',
  'שלום مرحبا',
  '| *bold* _em_ [link](https://example.com) ![img](x) `code` ~~del~~ $x$ @org/team',
  '\ufffe\uffff',
  'lone \ud800 high, lone \udfff low',
  Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''),
].join(' ');

/** Characters XML 1.0 cannot carry, which the JUnit report must drop. */
export const XML_FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff', '\ud800', '\udfff'];

/** Survivors: text every report must keep as it is. */
export const EMOJI_AND_RTL = ['🚀', '👩‍👩‍👧', 'שלום', 'مرحبا'];

/** A raw pii value left unmasked in a saved result (as if edited by hand): reports must mask it again. */
export const UNMASKED_PII = 'linus@example.org';

function hostileCheck(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'outcome'>): CheckResult {
  return {
    kind: `kind ${HOSTILE}`,
    dataset: `orders ${HOSTILE}`,
    title: `title ${HOSTILE}`,
    severity: partial.outcome === 'warn' ? 'warn' : 'error',
    message: `message ${HOSTILE}`,
    origin: 'suite',
    location: { file: `checks/${HOSTILE}.check.ts`, line: 3, column: 1 },
    durationMs: 1.5,
    ...partial,
  };
}

/** Every outcome, with hostile text in every string a report shows: names, titles, values, issues. */
export function hostileRun(): RunResult {
  // A saved result read back by `datacheck report` can carry any text as a code: reporters must escape it.
  const issue: Issue = {
    code: `code ${HOSTILE}` as IssueCode,
    message: `issue ${HOSTILE}`,
    expected: `expected ${HOSTILE}`,
    found: `found ${HOSTILE}`,
    hint: `hint ${HOSTILE}`,
    location: { file: `data/${HOSTILE}.csv`, line: 2, column: 1 },
  };
  const dataset: DatasetResult = {
    name: `orders ${HOSTILE}`,
    version: `1.0 ${HOSTILE}`,
    owner: `owner ${HOSTILE}`,
    source: `data/${HOSTILE}.csv`,
    rowCount: 7,
    issues: [issue],
    columns: [{ name: `email ${HOSTILE}`, type: 'string', pii: true }],
    durationMs: 12.3456,
    checks: [
      hostileCheck({ id: 'c1', outcome: 'pass', observed: HOSTILE }),
      hostileCheck({
        id: 'c2',
        outcome: 'fail',
        observed: HOSTILE,
        expected: `expected ${HOSTILE}`,
        rows: { considered: 7, failed: 7 },
        failingRows: Array.from({ length: 7 }, (_, i) => ({
          row: i + 1,
          line: i + 2,
          values: { [`col ${HOSTILE}`]: `value ${HOSTILE}`, [`email ${HOSTILE}`]: UNMASKED_PII },
        })),
      }),
      hostileCheck({ id: 'c3', outcome: 'error', issue }),
      hostileCheck({ id: 'c4', outcome: 'skipped' }),
      hostileCheck({ id: 'c5', outcome: 'warn', observed: { [HOSTILE]: HOSTILE }, expected: HOSTILE }),
    ],
  };
  return {
    schemaVersion: 1,
    runId: `run ${HOSTILE}`,
    tool: { name: 'datacheck', version: '0.1.0' },
    startedAt: '2026-11-23T08:00:00.000Z',
    finishedAt: '2026-11-23T08:00:01.000Z',
    durationMs: 1000.4567,
    cwd: '/project',
    datasets: [dataset],
    issues: [{ ...issue, code: `run ${HOSTILE}` as IssueCode }],
    counts: { pass: 1, fail: 1, warn: 1, error: 1, skipped: 1 },
    outcome: 'error',
  };
}
