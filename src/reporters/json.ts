import type { RunResult } from '../model/result.js';
import type { Reporter, ReporterContext, ReporterOutcome } from './reporter.js';
import { writeReport } from './write-report.js';

export const DEFAULT_JSON_OUTPUT = 'reports/datacheck.json';

/** The whole RunResult, as is: the one format every other report can be re-rendered from. */
export function renderJson(run: RunResult): string {
  return `${JSON.stringify(run, jsonSafe, 2)}\n`;
}

// Observed values and failing rows come from user data: a bigint (int64) must not crash the report.
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()) : value;
}

/** `outputFile: '-'` writes to stdout (for piping into jq); otherwise a file, parent dirs created. */
export const jsonReporter: Reporter = {
  name: 'json',
  render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome> {
    return writeReport(renderJson(run), context, DEFAULT_JSON_OUTPUT, 'json');
  },
};
