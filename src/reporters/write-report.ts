import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { overwriteMessage } from './protect-inputs.js';
import type { ReporterContext, ReporterOutcome } from './reporter.js';

/**
 * Where a file reporter's text goes: `options.outputFile` (from the config or `--output-file`),
 * else the reporter's default under reports/. `'-'` means stdout, for piping. Relative paths
 * resolve against the project root; parent folders are created. A file the run read is refused.
 */
export async function writeReport(
  text: string,
  context: ReporterContext,
  defaultPath: string,
  reporterName: string,
): Promise<ReporterOutcome> {
  const target = typeof context.options.outputFile === 'string' ? context.options.outputFile : defaultPath;
  if (target === '-') {
    context.stdout.write(text);
    return {};
  }
  const file = path.resolve(context.cwd, target);
  const input = context.readFiles?.inputAt(file);
  if (input) throw new Error(overwriteMessage(reporterName, target, input, context.cwd));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
  return { files: [file] };
}
