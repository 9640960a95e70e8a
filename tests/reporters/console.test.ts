import { describe, expect, it } from 'vitest';
import { consoleReporter, renderConsole, summaryLine } from '../../src/reporters/console.js';
import type { RunResult } from '../../src/model/result.js';
import { check, sampleRun } from './sample-run.js';

const plain = (run: RunResult, verbose = false) => renderConsole(run, { color: false, verbose });
const ESC = '\u001b[';

describe('console reporter', () => {
  it('puts datasets needing attention first: errors, then failures, then passes', () => {
    const out = plain(sampleRun());
    const order = ['ERROR  customers', 'FAIL  orders', 'PASS  payments'].map((s) => out.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows a failed check with observed vs expected, where it was written, rows failed and 3 failing rows', () => {
    const out = plain(sampleRun());
    expect(out).toContain('✗ status is one of placed, shipped  checks/orders.check.ts:12');
    expect(out).toContain("checks/orders.check.ts:12\n      expected values in ('placed', 'shipped')\n");
    expect(out).toContain('4 rows of 97 failed (4.1%)');
    expect(out).toContain('· row 1 (line 2): id=1, status="returned"');
    expect(out).toContain('· row 9 (line 10): id=9, status="returned"');
    expect(out).not.toContain('row 12 (line 13)');
    expect(out).toContain('… 1 more failing row');
  });

  it('shows observed vs expected for aggregate checks', () => {
    expect(plain(sampleRun())).toContain('observed 512.5 · expected between 20 and 400');
  });

  it('marks warnings and checks that could not run, with the cause', () => {
    const out = plain(sampleRun());
    expect(out).toContain('! amount mean between 20 and 400 (warning)  checks/orders.check.ts:9');
    expect(out).toContain('✖ name quantile(0.5) at most 3 (could not run)  checks/customers.check.ts:6');
    expect(out).toContain('quantiles need a numeric column; name is a string\n      expected: a numeric column\n      found:    string');
  });

  it('states a dataset issue once and counts the checks it stopped, instead of repeating it per check', () => {
    const out = plain(sampleRun());
    expect(out).toContain('✖ fixtures/customers.csv:15:1 row 14 has 4 fields, the header has 3 [csv.ragged_row]');
    expect(out.split('row 14 has 4 fields').length - 1).toBe(1);
    expect(out).toContain('✖ 2 checks could not run (the dataset issue above)');
    expect(out).not.toContain('row count at least 1 (could not run)');
    expect(plain(sampleRun(), true)).toContain(
      '✖ 2 checks could not run (the dataset issue above)\n      · row count at least 1  checks/customers.check.ts:4\n      · id is unique',
    );
  });

  it('counts passing checks per dataset, and lists them with --verbose', () => {
    expect(plain(sampleRun())).toMatch(/PASS {2}payments \(fixtures\/payments\.parquet, 113 rows\)\n {2}✓ 2 passed\n/);
    const verbose = plain(sampleRun(), true);
    expect(verbose).toContain('✓ row count at least 100  checks/orders.check.ts:5');
    expect(verbose).toContain('✓ amount min at least 0');
    expect(verbose).not.toContain('2 passed\n');
  });

  it('lists run issues with file:line:column, expected and found', () => {
    const out = plain(sampleRun());
    expect(out).toContain('Run issues (1)\n  ✖ contracts/helpers.contract.ts:1:1 helpers.contract.ts exports no contract [load.no_export]');
    expect(out).toContain('expected: export default defineContract(...) (or a named export of it)');
    expect(out).toContain('found:    no exports');
  });

  it('ends with a one-line summary', () => {
    const lines = plain(sampleRun()).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('3 passed, 1 failed, 1 warned, 3 errors, 1 run issue in 0.84 s');
    const clean: RunResult = {
      ...sampleRun(),
      datasets: [],
      issues: [],
      counts: { pass: 12, fail: 2, warn: 1, error: 0, skipped: 0 },
      durationMs: 840,
    };
    expect(summaryLine(clean)).toBe('12 passed, 2 failed, 1 warned, 0 errors in 0.84 s');
  });

  it('writes no escape codes without colour, and colours with it', () => {
    expect(plain(sampleRun())).not.toContain(ESC);
    expect(renderConsole(sampleRun(), { color: true, verbose: false })).toContain(ESC);
  });

  it('prints what a failing row holds even when values are odd (null, bigint, long strings)', () => {
    const run = sampleRun();
    run.datasets = [
      {
        name: 'odd',
        issues: [],
        columns: [],
        durationMs: 1,
        checks: [
          check({
            id: 'odd.x',
            title: 'x is small',
            outcome: 'fail',
            rows: { considered: 2, failed: 1 },
            failingRows: [{ row: 2, values: { x: 2n ** 63n - 1n, y: null, s: 'a'.repeat(100) } }],
          }),
        ],
      },
    ];
    const out = plain(run);
    expect(out).toContain('· row 2: x=9223372036854775807, y=null, s="aaaa');
    expect(out).toContain('…');
  });

  it('writes through the reporter interface', async () => {
    let text = '';
    await consoleReporter.render(sampleRun(), {
      cwd: '/project',
      stdout: { write: (s: string) => (text += s) },
      color: false,
      verbose: false,
      options: {},
    });
    expect(text).toBe(plain(sampleRun()));
  });
});

describe('console report of hostile text', () => {
  it('makes control characters from data visible instead of letting them reach the terminal', async () => {
    const { renderConsole } = await import('../../src/reporters/console.js');
    const { RESULT_SCHEMA_VERSION } = await import('../../src/model/result.js');
    const run = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      runId: 'r',
      tool: { name: 'datacheck' as const, version: '0' },
      startedAt: '',
      finishedAt: '',
      durationMs: 1,
      cwd: '/',
      issues: [],
      outcome: 'failed' as const,
      counts: { pass: 0, fail: 1, warn: 0, error: 0, skipped: 0 },
      datasets: [
        {
          name: 'd\u001b[2Jx',
          issues: [],
          columns: [],
          durationMs: 1,
          checks: [
            {
              id: 'c',
              kind: 'not_null',
              dataset: 'd',
              title: 'evil\u001b[31m\ncol is not null',
              severity: 'error' as const,
              outcome: 'fail' as const,
              message: 'm',
              expected: 'no nulls',
              rows: { considered: 1, failed: 1 },
              failingRows: [{ row: 1, values: { 'k\u001b]0;pwned\u0007': 'v\u001b[1m' } }],
              origin: 'suite' as const,
              location: { file: 'f.ts', line: 1, column: 1 },
              durationMs: 0,
            },
          ],
        },
      ],
    };
    const text = renderConsole(run, { color: false, verbose: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('evil\\u001b[31m\\ncol is not null');
    expect(text).toContain('k\\u001b]0;pwned\\u0007=');
  });
});
