import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Severity } from '../../model/check.js';
import type { RunResult } from '../../model/result.js';
import { RESULT_SCHEMA_VERSION } from '../../model/result.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { ReadFiles } from '../../reporters/protect-inputs.js';
import { refuseOverwritingInputs } from '../output-guard.js';
import { requireOpenLineage, selectReporters } from '../select-reporters.js';
import { renderAll } from './render.js';

export interface ReportOptions {
  reporter?: string[];
  outputFile?: string[];
  failOn?: Severity;
  openlineageRequired?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * `datacheck report results.json --reporter console`: renders a saved JSON result again. The exit
 * code is the saved run's, so a CI step can gate on a result produced elsewhere.
 */
export async function reportCommand(file: string, opts: ReportOptions, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    io.stderr.write(
      `error: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return EXIT.error;
  }
  const parsed = parseResult(text);
  if (!parsed.ok) {
    io.stderr.write(
      `error: ${file}${parsed.where ? `:${parsed.where}` : ''} is not a datacheck JSON result\n  expected: ${parsed.expected}\n  found:    ${parsed.found}\n`,
    );
    return EXIT.error;
  }
  const selection = selectReporters(opts.reporter, undefined, opts.outputFile);
  if (!selection.ok) {
    io.stderr.write(`error: ${selection.message}\n`);
    return EXIT.error;
  }
  if (opts.openlineageRequired) requireOpenLineage(selection.reporters);
  // `datacheck report r.json -r json -o r.json` would replace the saved result with its own re-rendering.
  const readFiles = new ReadFiles([abs]);
  const overwrite = refuseOverwritingInputs(selection.reporters, readFiles, io.cwd);
  if (overwrite) {
    io.stderr.write(`error: ${overwrite}\n`);
    return EXIT.error;
  }
  const { ok } = await renderAll(parsed.run, selection.reporters, io, {
    verbose: opts.verbose ?? false,
    debug: opts.debug ?? false,
    readFiles,
  });
  return ok ? exitCodeFor(parsed.run, opts.failOn ?? 'error') : EXIT.error;
}

type Parsed = { ok: true; run: RunResult } | { ok: false; where?: string; expected: string; found: string };

export function parseResult(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    return { ok: false, ...(pos && { where: lineColumn(text, Number(pos[1])) }), expected: 'valid JSON', found: message };
  }
  const run = value as Partial<RunResult> | null;
  if (typeof run !== 'object' || run === null || Array.isArray(run))
    return { ok: false, expected: 'a JSON object (a RunResult)', found: Array.isArray(run) ? 'an array' : String(run) };
  if (run.schemaVersion !== RESULT_SCHEMA_VERSION) {
    return {
      ok: false,
      expected: `schemaVersion ${RESULT_SCHEMA_VERSION} (written by datacheck --reporter json)`,
      found: `schemaVersion ${JSON.stringify(run.schemaVersion)}`,
    };
  }
  for (const key of ['datasets', 'issues'] as const) {
    if (!Array.isArray(run[key])) return { ok: false, expected: `'${key}' to be an array`, found: JSON.stringify(run[key]) ?? 'nothing' };
  }
  if (typeof run.counts !== 'object' || run.counts === null)
    return { ok: false, expected: "'counts' to be an object", found: JSON.stringify(run.counts) ?? 'nothing' };
  if (run.outcome !== 'passed' && run.outcome !== 'failed' && run.outcome !== 'error') {
    return { ok: false, expected: "'outcome' to be passed, failed or error", found: JSON.stringify(run.outcome) ?? 'nothing' };
  }
  return { ok: true, run: run as RunResult };
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
