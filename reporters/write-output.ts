import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReporterContext, ReporterOutcome } from './reporter.js';

/**
 * Where a file reporter's text goes: its `outputFile` option (relative to the project root) or
 * its default path, parent directories created; `'-'` writes to stdout instead (for piping).
 */
export async function writeOutput(content: string, context: ReporterContext, defaultPath: string): Promise<ReporterOutcome> {
  const target = typeof context.options.outputFile === 'string' ? context.options.outputFile : defaultPath;
  if (target === '-') {
    context.stdout.write(content);
    return {};
  }
  const file = path.resolve(context.cwd, target);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content, 'utf8');
  return { files: [file] };
}
