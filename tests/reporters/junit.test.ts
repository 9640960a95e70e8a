import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JUNIT_OUTPUT, junitReporter, renderJunit, RUN_SUITE_NAME } from '../../src/reporters/junit.js';
import { junitSeconds } from '../../src/reporters/junit-testcase.js';
import { stripInvalidXmlChars } from '../../src/reporters/xml.js';
import type { RunResult } from '../../src/model/result.js';
import {
  EMOJI_AND_RTL,
  erroringRun,
  failingRun,
  hostileRun,
  HOSTILE,
  passingRun,
  PII_EMAIL,
  UNMASKED_PII,
  XML_FORBIDDEN,
} from '../support/sample-runs.js';
import { junitSchemaErrors, wellFormednessErrors, xpath } from '../support/xmllint.js';
import { check, sampleRun } from './sample-run.js';

const runs: Record<string, RunResult> = {};
beforeAll(async () => {
  runs.passing = await passingRun();
  runs.failing = await failingRun();
  runs.erroring = await erroringRun();
});

/** Renders and validates against the Jenkins xunit schema: every JUnit text these tests look at is valid. */
function junit(run: RunResult): string {
  const xml = renderJunit(run);
  expect(junitSchemaErrors(xml)).toBe('');
  return xml;
}

const testcase = (title: string) => `//testcase[@name=${JSON.stringify(title)}]`;

describe('junit reporter: one testsuite per dataset, one testcase per check', () => {
  it('writes a passing run as passing testcases, with the contract as suite properties', () => {
    const xml = junit(runs.passing);
    const checks = runs.passing.datasets[0].checks.length;
    expect(xpath(xml, 'string(/testsuites/@tests)')).toBe(String(checks));
    expect(xpath(xml, 'count(//testcase[failure or error or skipped])')).toBe('0');
    expect(xpath(xml, 'string(//testsuite/@name)')).toBe('orders');
    expect(xpath(xml, 'string(//testcase[1]/@classname)')).toBe('orders');
    expect(xpath(xml, testcase('row count at least 1'))).toContain('time="');
    const property = (name: string) => xpath(xml, `string(//testsuite/properties/property[@name="${name}"]/@value)`);
    expect([
      property('datacheck.contract'),
      property('datacheck.version'),
      property('datacheck.owner'),
      property('datacheck.source'),
      property('datacheck.rows'),
    ]).toEqual(['orders', '2.1.0', 'commerce-data', 'orders.csv', '4']);
  });

  it('writes a failed check as <failure> with the message, observed vs expected, the failing rows and where it was written', () => {
    const xml = junit(runs.failing);
    const failure = `${testcase("status in ('placed', 'shipped')")}/failure`;
    expect(xpath(xml, `string(${failure}/@message)`)).toBe('1 of 4 rows failed (25.0%)');
    expect(xpath(xml, `string(${failure}/@type)`)).toBe('accepted_values');
    const text = xpath(xml, `string(${failure})`);
    // Locations are relative to the project root, here a temporary directory.
    expect(text).toMatch(
      /^1 row of 4 failed \(25\.0%\)\nexpected: values in \('placed', 'shipped'\)\n {2}row 3 \(line 4\): id=3, status="lost", amount=900, email="\*\*\*"\nat \S*tests\/support\/sample-runs\.ts:\d+$/,
    );
  });

  it('writes a warning as a passing testcase that says what it saw in <system-out>, and counts it in a property', () => {
    const xml = junit(runs.failing);
    const warned = testcase('amount mean between 10 and 100');
    expect(xpath(xml, `count(${warned}/failure | ${warned}/error)`)).toBe('0');
    expect(xpath(xml, `string(${warned}/system-out)`)).toContain(
      'warning (severity warn: does not fail the run)\nmean is 249, expected between 10 and 100\nobserved: 249\nexpected: between 10 and 100',
    );
    expect(xpath(xml, 'string(//testsuite/@failures)')).toBe('2');
    expect(xpath(xml, 'string(//property[@name="datacheck.warnings"]/@value)')).toBe('1');
  });

  it('never shows a value of a pii column, whether the runner masked it or a saved result did not', () => {
    const xml = junit(runs.failing);
    expect(xpath(xml, `string(${testcase('every email is at example.com')}/failure)`)).toContain('email="***"');
    for (const secret of [PII_EMAIL, 'not-an-email', 'ada@example.com']) expect(xml).not.toContain(secret);
    expect(junit(hostileRun())).not.toContain(UNMASKED_PII);
  });

  it('makes a dataset that could not be read an error testcase of its own, besides the checks it stopped', () => {
    const xml = junit(runs.erroring);
    const refunds = '//testsuite[@name="refunds"]';
    expect(xpath(xml, `string(${refunds}/@errors)`)).toBe('8');
    expect(xpath(xml, `string(${refunds}/@tests)`)).toBe('8');
    const issue = `${refunds}/testcase[@name="dataset issue: refunds.csv: file not found"]/error`;
    expect(xpath(xml, `string(${issue}/@type)`)).toBe('source.not_found');
    expect(xpath(xml, `string(${issue})`)).toBe(
      'refunds.csv: file not found\nexpected: an existing file\nfound:    nothing at this path\nat refunds.csv',
    );
    // The cause is told once, by the dataset's testcase; each check points at it.
    expect(xpath(xml, `string(${refunds}/testcase[@name="row count at least 1"]/error)`)).toMatch(
      /^the dataset could not be read \(see above\)\ncheck at \S*tests\/support\/sample-runs\.ts:\d+$/,
    );
  });

  it('makes run issues (a contract file that does not load) error testcases in a suite of their own', () => {
    const xml = junit(runs.erroring);
    const suite = `//testsuite[@name="${RUN_SUITE_NAME}"]`;
    expect(xpath(xml, `string(${suite}/@errors)`)).toBe('1');
    expect(xpath(xml, `string(${suite}/testcase/@name)`)).toBe('helpers.contract.ts exports no contract');
    expect(xpath(xml, `string(${suite}/testcase/error)`)).toBe(
      'helpers.contract.ts exports no contract\nexpected: export default defineContract(...)\nfound:    no exports\nat contracts/helpers.contract.ts:1:1',
    );
    expect(xpath(xml, 'string(/testsuites/@errors)')).toBe('9');
  });

  it('writes a check that could not run as <error> with its cause, and a skipped one as <skipped>', () => {
    const xml = junit(sampleRun());
    const error = `${testcase('name quantile(0.5) at most 3')}/error`;
    expect(xpath(xml, `string(${error}/@type)`)).toBe('metric.unsupported_type');
    expect(xpath(xml, `string(${error})`)).toBe(
      'quantiles need a numeric column; name is a string\nquantiles need a numeric column\nexpected: a numeric column\nfound:    string\ncheck at checks/customers.check.ts:6',
    );
    const run = sampleRun();
    run.datasets[0].checks.push(
      check({
        id: 'payments.late',
        dataset: 'payments',
        title: 'paid within a day',
        outcome: 'skipped',
        message: 'column paid_at is not in the data',
      }),
    );
    expect(xpath(junit(run), `string(${testcase('paid within a day')}/skipped/@message)`)).toBe('column paid_at is not in the data');
    expect(xpath(junit(run), 'string(//testsuite[@name="payments"]/@skipped)')).toBe('1');
  });

  it('states totals that equal the testcases written, in every suite of every run', () => {
    for (const run of [runs.passing, runs.failing, runs.erroring, sampleRun(), hostileRun()]) {
      const xml = junit(run);
      const suites = Number(xpath(xml, 'count(//testsuite)'));
      for (let i = 1; i <= suites; i++) {
        const s = `//testsuite[${i}]`;
        const counted = ['', '[failure]', '[error]', '[skipped]'].map((f) => xpath(xml, `count(${s}/testcase${f})`));
        expect(['tests', 'failures', 'errors', 'skipped'].map((a) => xpath(xml, `string(${s}/@${a})`))).toEqual(counted);
      }
      expect(xpath(xml, 'string(/testsuites/@tests)')).toBe(xpath(xml, 'count(//testcase)'));
      expect(xpath(xml, 'string(/testsuites/@failures)')).toBe(xpath(xml, 'count(//testcase[failure])'));
      expect(xpath(xml, 'string(/testsuites/@errors)')).toBe(xpath(xml, 'count(//testcase[error])'));
    }
  });

  it('gives repeated titles their check id, because GitLab keeps only the first case of a name', () => {
    const run = sampleRun();
    run.datasets[0].checks[1].title = run.datasets[0].checks[0].title;
    const xml = junit(run);
    expect(xpath(xml, 'string(//testsuite[@name="payments"]/testcase[1]/@name)')).toBe('row count at least 100 [payments.row_count]');
    expect(xpath(xml, 'string(//testsuite[@name="payments"]/testcase[2]/@name)')).toBe('row count at least 100 [payments.amount.min]');
  });

  it('writes times in seconds as plain decimals with 3 fraction digits, as the xunit schema demands', () => {
    const xml = junit(hostileRun());
    expect(xpath(xml, 'string(/testsuites/@time)')).toBe('1.000');
    expect(xpath(xml, 'string(//testsuite[1]/@time)')).toBe('0.012');
    expect(xpath(xml, 'string(//testsuite[1]/@timestamp)')).toBe('2026-11-23T08:00:00');
    expect([junitSeconds(1234567.8), junitSeconds(0.4), junitSeconds(-5), junitSeconds(Number.NaN), junitSeconds(Infinity)]).toEqual([
      '1234.568',
      '0.000',
      '0.000',
      '0.000',
      '0.000',
    ]);
  });

  it("gives each testcase an equal share of its dataset's time, so the cases add up to the suite", () => {
    const run = sampleRun();
    const d = run.datasets[0];
    d.durationMs = 900;
    const xml = junit(run);
    const cases = d.issues.length + d.checks.length;
    const times = xpath(xml, `//testsuite[@name=${JSON.stringify(d.name)}]/testcase/@time`).match(/\d+\.\d+/g) ?? [];
    expect(times).toEqual(Array(cases).fill((0.9 / cases).toFixed(3)));
    expect(xpath(xml, `string(//testsuite[@name=${JSON.stringify(d.name)}]/@time)`)).toBe('0.900');
  });
});

describe('junit reporter: hostile text', () => {
  const xml = renderJunit(hostileRun());

  it('stays well-formed and valid against the schema', () => {
    expect(wellFormednessErrors(xml)).toBe('');
    expect(junitSchemaErrors(xml)).toBe('');
  });

  it('drops the characters XML cannot carry, and only those: emoji and right-to-left text survive', () => {
    for (const ch of XML_FORBIDDEN) expect(xml, JSON.stringify(ch)).not.toContain(ch);
    expect(xml).not.toMatch(/[\ud800-\udfff]/u);
    for (const text of EMOJI_AND_RTL) expect(xml).toContain(text);
  });

  it('escapes markup, so no element, attribute or CDATA end comes from the data', () => {
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain(']]>');
    expect(Number(xpath(xml, 'count(//*)'))).toBe(Number(xpath(renderJunit(asciiNamed(hostileRun())), 'count(//*)')));
  });

  it('reads back exactly the text given, minus the dropped characters', () => {
    const run = hostileRun();
    expect(xpath(xml, 'string(//testsuite[1]/@name)')).toBe(stripInvalidXmlChars(run.datasets[0].name));
    expect(xpath(xml, 'string(//testsuite[1]/testcase[@name][2]/@classname)')).toBe(stripInvalidXmlChars(run.datasets[0].name));
    expect(xpath(xml, 'string(//testcase/failure/@message)')).toBe(stripInvalidXmlChars(`message ${HOSTILE}`));
  });

  it('shows the first 5 failing rows and counts the rest', () => {
    const failure = xpath(xml, 'string(//testcase/failure)');
    expect(failure.match(/^ {2}row \d+ \(line \d+\)/gm)).toHaveLength(5);
    expect(failure).toContain('  … 2 more failing rows');
    expect(failure).toContain('"***"');
  });
});

/** The same run with every string made plain: the element structure must not depend on the text. */
function asciiNamed(run: RunResult): RunResult {
  return JSON.parse(JSON.stringify(run).replaceAll(JSON.stringify(HOSTILE).slice(1, -1), 'plain'));
}

describe('junit reporter: file/line attributes (opt-in)', () => {
  it('leaves them out by default, and adds them when asked, at the price of the xunit schema', () => {
    expect(renderJunit(sampleRun())).not.toMatch(/ (file|line)="/);
    const xml = renderJunit(sampleRun(), { fileAttributes: true });
    expect(xml).toMatch(
      /<testcase classname="orders" name="status is one of placed, shipped" time="\d+\.\d{3}" file="checks\/orders\.check\.ts" line="12">/,
    );
    expect(xml).toContain('name="helpers.contract.ts exports no contract" time="0.000" file="contracts/helpers.contract.ts" line="1">');
    expect(junitSchemaErrors(xml)).toMatch(/attribute 'file' is not allowed/);
  });
});

describe('junit reporter: output', () => {
  const context = (cwd: string, options: Record<string, unknown> = {}) => {
    const out = { text: '' };
    return { out, ctx: { cwd, stdout: { write: (s: string) => (out.text += s) }, color: false, verbose: false, options } };
  };

  it(`writes ${DEFAULT_JUNIT_OUTPUT} under the project root by default, creating the folder`, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-junit-'));
    const outcome = await junitReporter.render(sampleRun(), context(cwd).ctx);
    const file = path.join(cwd, 'reports/datacheck-junit.xml');
    expect(outcome).toEqual({ files: [file] });
    expect(junitSchemaErrors({ file })).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(renderJunit(sampleRun()));
  });

  it("honours outputFile and fileAttributes, and '-' for stdout", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-junit-'));
    await junitReporter.render(sampleRun(), context(cwd, { outputFile: 'ci/junit.xml', fileAttributes: true }).ctx);
    expect(readFileSync(path.join(cwd, 'ci/junit.xml'), 'utf8')).toContain(' file="checks/orders.check.ts" line="12"');
    const { out, ctx } = context(cwd, { outputFile: '-' });
    expect(await junitReporter.render(sampleRun(), ctx)).toEqual({});
    expect(out.text).toBe(renderJunit(sampleRun()));
  });
});
