import type { CheckResult, DatasetResult, RunResult } from '../../src/model/result.js';

/** A hand-written RunResult covering every outcome, so reporters are tested apart from the runner. */
export function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'title' | 'outcome'>): CheckResult {
  return {
    kind: 'row_count',
    dataset: 'orders',
    severity: partial.outcome === 'warn' ? 'warn' : 'error',
    message: `${partial.title}: ${partial.outcome}`,
    origin: 'suite',
    location: { file: 'checks/orders.check.ts', line: 5, column: 3 },
    durationMs: 0.1,
    ...partial,
  };
}

export function sampleRun(): RunResult {
  const orders: DatasetResult = {
    name: 'orders',
    version: '1.2.0',
    source: 'fixtures/orders.csv',
    rowCount: 99,
    issues: [],
    columns: [],
    durationMs: 12,
    checks: [
      check({ id: 'orders.row_count', title: 'row count at least 50', outcome: 'pass', observed: 99, expected: 'at least 50' }),
      check({
        id: 'orders.status.one_of',
        kind: 'one_of',
        column: 'status',
        title: 'status is one of placed, shipped',
        outcome: 'fail',
        observed: { failed: 4, considered: 97, failedShare: 0.041237113402061855 },
        expected: "values in ('placed', 'shipped')",
        rows: { considered: 97, failed: 4 },
        failingRows: [
          { row: 1, line: 2, values: { id: 1, status: 'returned' } },
          { row: 7, line: 8, values: { id: 7, status: 'lost' } },
          { row: 9, line: 10, values: { id: 9, status: 'returned' } },
          { row: 12, line: 13, values: { id: 12, status: 'returned' } },
        ],
        location: { file: 'checks/orders.check.ts', line: 12, column: 3 },
      }),
      check({
        id: 'orders.amount.mean',
        title: 'amount mean between 20 and 400',
        outcome: 'warn',
        observed: 512.5,
        expected: 'between 20 and 400',
        location: { file: 'checks/orders.check.ts', line: 9, column: 3 },
      }),
    ],
  };
  const payments: DatasetResult = {
    name: 'payments',
    source: 'fixtures/payments.parquet',
    rowCount: 113,
    issues: [],
    columns: [],
    durationMs: 8,
    checks: [
      check({ id: 'payments.row_count', dataset: 'payments', title: 'row count at least 100', outcome: 'pass' }),
      check({ id: 'payments.amount.min', dataset: 'payments', title: 'amount min at least 0', outcome: 'pass' }),
    ],
  };
  const customers: DatasetResult = {
    name: 'customers',
    source: 'fixtures/customers.csv',
    issues: [
      {
        code: 'csv.ragged_row',
        message: 'row 14 has 4 fields, the header has 3',
        location: { file: 'fixtures/customers.csv', line: 15, column: 1 },
        expected: '3 fields',
        found: '4 fields',
      },
    ],
    columns: [],
    durationMs: 3,
    checks: [
      check({
        id: 'customers.row_count',
        dataset: 'customers',
        title: 'row count at least 1',
        outcome: 'error',
        message: 'could not read fixtures/customers.csv',
        issue: {
          code: 'csv.ragged_row',
          message: 'row 14 has 4 fields, the header has 3',
          location: { file: 'fixtures/customers.csv', line: 15, column: 1 },
        },
        location: { file: 'checks/customers.check.ts', line: 4, column: 3 },
      }),
      check({
        id: 'customers.id.unique',
        dataset: 'customers',
        title: 'id is unique',
        outcome: 'error',
        message: 'could not read fixtures/customers.csv',
        issue: {
          code: 'csv.ragged_row',
          message: 'row 14 has 4 fields, the header has 3',
          location: { file: 'fixtures/customers.csv', line: 15, column: 1 },
        },
        location: { file: 'contracts/customers.contract.ts', line: 7, column: 5 },
      }),
      check({
        id: 'customers.name.quantile',
        dataset: 'customers',
        title: 'name quantile(0.5) at most 3',
        outcome: 'error',
        message: 'quantiles need a numeric column; name is a string',
        issue: {
          code: 'metric.unsupported_type',
          message: 'quantiles need a numeric column',
          expected: 'a numeric column',
          found: 'string',
        },
        location: { file: 'checks/customers.check.ts', line: 6, column: 3 },
      }),
    ],
  };
  return {
    schemaVersion: 1,
    runId: '01930000-0000-7000-8000-000000000000',
    tool: { name: 'datacheck', version: '0.1.0' },
    startedAt: '2026-11-23T08:00:00.000Z',
    finishedAt: '2026-11-23T08:00:00.840Z',
    durationMs: 840,
    cwd: '/project',
    // Passing dataset first on purpose: the console must still put failures first.
    datasets: [payments, orders, customers],
    issues: [
      {
        code: 'load.no_export',
        message: 'helpers.contract.ts exports no contract',
        location: { file: 'contracts/helpers.contract.ts', line: 1, column: 1 },
        expected: 'export default defineContract(...) (or a named export of it)',
        found: 'no exports',
      },
    ],
    counts: { pass: 3, fail: 1, warn: 1, error: 3, skipped: 0 },
    outcome: 'error',
  };
}
