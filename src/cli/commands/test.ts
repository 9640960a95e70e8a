import path from 'node:path';
import type { Severity } from '../../model/check.js';
import { runPipeline } from '../../run/runner.js';
import { prepareStandardContract } from '../../standards/prepare-standard.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { refuseOverwritingInputs } from '../output-guard.js';
import { planOptions } from '../plan-options.js';
import { runInputFiles } from '../run-input-files.js';
import { requireOpenLineage, selectReporters } from '../select-reporters.js';
import { renderAll } from './render.js';

export interface TestOptions {
  server?: string;
  reporter?: string[];
  outputFile?: string[];
  failOn?: Severity;
  maxFailingRows?: number;
  openlineageRequired?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * `datacheck test contract.odcs.yaml [--server name]`: an Open Data Contract Standard (or Data
 * Contract Specification) file checked directly, through the same pipeline and reporters as a
 * TypeScript contract. A file that breaks the standard's schema is a run issue (exit 2).
 */
export async function testCommand(file: string, opts: TestOptions, io: CliIo): Promise<number> {
  const startedAt = new Date();
  const selection = selectReporters(opts.reporter, undefined, opts.outputFile);
  if (!selection.ok) {
    io.stderr.write(`error: ${selection.message}\n`);
    return EXIT.error;
  }
  if (opts.openlineageRequired) requireOpenLineage(selection.reporters);
  const prepared = await prepareStandardContract(file, {
    cwd: io.cwd,
    ...(opts.server !== undefined && { server: opts.server }),
    env: io.env,
  });
  // A report written over the contract or its data would destroy it: refused before any data is read.
  const readFiles = await runInputFiles({
    cwd: io.cwd,
    userFiles: [path.resolve(io.cwd, file)],
    contracts: prepared.contracts,
    connections: prepared.connections,
  });
  const overwrite = refuseOverwritingInputs(selection.reporters, readFiles, io.cwd);
  if (overwrite) {
    io.stderr.write(`error: ${overwrite}\n`);
    return EXIT.error;
  }
  const context = import('../../run/run-context.js').then((m) => m.runContext(io.cwd, io.env));
  const { result } = await runPipeline({
    cwd: io.cwd,
    startedAt,
    contracts: prepared.contracts,
    suites: prepared.suites,
    issues: prepared.issues,
    ...planOptions(opts, { kind: 'config' }, selection.reporters),
    connections: prepared.connections,
    env: prepared.env,
    context,
  });
  const rendered = await renderAll(result, selection.reporters, io, {
    verbose: opts.verbose ?? false,
    debug: opts.debug ?? false,
    readFiles,
  });
  if (!rendered) return EXIT.error;
  return exitCodeFor(result, opts.failOn ?? 'error');
}
