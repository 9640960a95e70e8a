import type { CheckResult, ColumnProfile, DatasetResult, Outcome, RunResult } from '../../../src/model/result.js';
import { check, sampleRun } from '../sample-run.js';

/**
 * A big run as a data platform produces it: `datasets` datasets of `checksEach` checks, about one
 * in ten failing with ten failing rows each, and eight profiled columns per dataset.
 */
export function largeRun(datasets = 50, checksEach = 40): RunResult {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
  const all: DatasetResult[] = [];
  for (let d = 0; d < datasets; d++) {
    const name = `warehouse.schema_${d % 7}.table_${d}`;
    const checks: CheckResult[] = [];
    for (let c = 0; c < checksEach; c++) {
      const outcome: Outcome = c % 10 === 3 ? 'fail' : c % 20 === 7 ? 'warn' : c % 40 === 11 ? 'error' : 'pass';
      counts[outcome]++;
      const column = `column_${c % 8}`;
      checks.push(
        check({
          id: `${name}.${column}.check_${c}`,
          dataset: name,
          column,
          title: `${column} between 0 and ${c * 100} (check ${c})`,
          outcome,
          observed: outcome === 'pass' ? c * 10 : { failed: 10, considered: 1000 },
          expected: `between 0 and ${c * 100}`,
          rows: { considered: 1000, failed: outcome === 'pass' ? 0 : 10 },
          ...(outcome === 'fail' && {
            failingRows: Array.from({ length: 10 }, (_, r) => ({
              row: r * 97 + 1,
              line: r * 97 + 2,
              values: { id: r, [column]: -r * 3.25, status: 'returned' },
            })),
          }),
          ...(outcome === 'error' && { issue: { code: 'expr.unknown_column', message: `unknown column '${column}_x'` } }),
          location: { file: `checks/table_${d}.check.ts`, line: c + 5, column: 3 },
        }),
      );
    }
    const columns: ColumnProfile[] = Array.from({ length: 8 }, (_, k) =>
      k % 2 === 0
        ? {
            name: `column_${k}`,
            type: 'float64',
            pii: false,
            nullCount: k * 3,
            min: 0,
            max: 1000 + k,
            histogram: { min: 0, max: 1000 + k, counts: Array.from({ length: 20 }, (_, b) => (b * 37 + k) % 50) },
          }
        : {
            name: `column_${k}`,
            type: 'string',
            pii: false,
            nullCount: 0,
            topValues: {
              top: Array.from({ length: 10 }, (_, t) => ({ value: `value_${t}`, count: 100 - t * 7 })),
              distinct: 40,
              truncated: false,
            },
          },
    );
    all.push({
      name,
      version: '1.0.0',
      owner: 'platform',
      source: `s3://bucket/table_${d}/*.parquet`,
      rowCount: 1000,
      issues: [],
      checks,
      columns,
      durationMs: 40,
    });
  }
  // The run's header (id, tool, times) from the shared sample; the datasets are what is big here.
  return {
    ...sampleRun(),
    durationMs: 60_000,
    datasets: all,
    issues: [],
    counts,
    outcome: counts.error > 0 ? 'error' : counts.fail > 0 ? 'failed' : 'passed',
  };
}
