import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importDbt } from '../../import/dbt/import-dbt.js';
import { isDatacheckError } from '../../model/issue.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export interface ImportDbtOptions {
  out?: string;
  force?: boolean;
  profilesDir?: string;
  target?: string;
}

/**
 * `datacheck import dbt [project]`: writes a `.contract.ts` (and a `.check.ts` when needed) beside
 * each documented model, and lists every dbt test it could not translate (also written into the
 * file). Existing files are kept unless --force. Exit 0 written, 2 the project could not be read.
 */
export async function importDbtCommand(project: string | undefined, opts: ImportDbtOptions, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, project ?? '.');
  let result: Awaited<ReturnType<typeof importDbt>>;
  try {
    result = await importDbt({
      project: dir,
      cwd: io.cwd,
      env: io.env,
      ...(opts.profilesDir !== undefined && { profilesDir: path.resolve(io.cwd, opts.profilesDir) }),
      ...(opts.target !== undefined && { target: opts.target }),
    });
  } catch (e) {
    if (!isDatacheckError(e)) throw e;
    io.stderr.write(
      `error: ${e.issue.message}\n${e.issue.expected ? `  expected: ${e.issue.expected}\n` : ''}${e.issue.hint ? `  ${e.issue.hint}\n` : ''}`,
    );
    return EXIT.error;
  }
  const out = path.resolve(io.cwd, opts.out ?? dir);
  const existing = result.files.filter((f) => existsSync(path.join(out, f.path)));
  if (existing.length && !opts.force) {
    io.stderr.write(`error: these files exist (use --force to overwrite): ${existing.map((f) => f.path).join(', ')}\n`);
    return EXIT.error;
  }
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.text);
    io.stdout.write(`wrote ${path.relative(io.cwd, path.join(out, f.path)) || f.path}\n`);
  }
  // Seeds' and sources' files sit outside the default models/ folder: say how to run them all.
  const tops = [...new Set(result.files.map((f) => path.relative(io.cwd, path.join(out, f.path.split(/[\\/]/)[0])) || '.'))];
  if (tops.length) io.stdout.write(`check them: datacheck ${tops.join(' ')}\n`);
  for (const note of result.notes) io.stderr.write(`note: ${note}\n`);
  if (result.untranslated.length) {
    io.stdout.write(`\nnot translated (${result.untranslated.length}; also written as comments in the files):\n`);
    for (const u of result.untranslated) io.stdout.write(`  ${u.where}: ${u.test}: ${u.reason}\n`);
  }
  return EXIT.passed;
}
