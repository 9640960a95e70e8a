import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../src/model/result.js';
import type { Reporter, ReporterContext, ReporterOutcome } from './reporter.js';

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
  async render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome> {
    const target = typeof context.options.outputFile === 'string' ? context.options.outputFile : DEFAULT_JSON_OUTPUT;
    const text = renderJson(run);
    if (target === '-') {
      context.stdout.write(text);
      return {};
    }
    const file = path.resolve(context.cwd, target);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
    return { files: [file] };
  },
};
