import path from 'node:path';
import { overwriteMessage } from '../reporters/protect-inputs.js';
import type { ReadFiles } from '../reporters/protect-inputs.js';
import type { SelectedReporter } from './select-reporters.js';

/**
 * The output files the selected reporters were told to write (`--output-file`, a config's
 * `outputFile`, an OpenLineage file transport), checked against the files the run reads before
 * anything runs: the refusal, or undefined. Reporters check again when they write (their default
 * paths, a saved result re-rendered), see writeReport.
 */
export function refuseOverwritingInputs(reporters: SelectedReporter[], readFiles: ReadFiles, cwd: string): string | undefined {
  for (const r of reporters) {
    for (const target of outputPaths(r)) {
      const input = readFiles.inputAt(path.resolve(cwd, target));
      if (input) return overwriteMessage(r.name, target, input, cwd);
    }
  }
  return undefined;
}

function outputPaths(r: SelectedReporter): string[] {
  const paths: string[] = [];
  if (typeof r.options.outputFile === 'string' && r.options.outputFile !== '-') paths.push(r.options.outputFile);
  const transport = r.options.transport as { type?: unknown; log_file_path?: unknown } | undefined;
  if (transport?.type === 'file' && typeof transport.log_file_path === 'string') paths.push(transport.log_file_path);
  return paths;
}
