import fg from 'fast-glob';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sourceError } from './source-error.js';

export interface ResolvedFile {
  /** As shown to users: relative to the project root, forward slashes. */
  display: string;
  absolute: string;
  size: number;
}

/**
 * Expands paths and globs (relative to baseDir) into existing, non-empty files in sorted order.
 * A pattern that matches nothing is an error: a typo must not become a silently empty dataset.
 */
export async function resolveFiles(patterns: string[], baseDir: string): Promise<ResolvedFile[]> {
  const seen = new Map<string, ResolvedFile>();
  for (const pattern of patterns) {
    const matches = fg.isDynamicPattern(pattern)
      ? await fg(pattern, { cwd: baseDir, absolute: true, onlyFiles: true, dot: false })
      : [path.resolve(baseDir, pattern)];
    if (matches.length === 0) {
      throw sourceError('source.not_found', pattern, `no file matches the pattern '${pattern}' (relative to ${baseDir})`, {
        expected: 'at least one matching file',
        found: 'no files',
      });
    }
    for (const absolute of matches.sort()) {
      const display = path.relative(baseDir, absolute).split(path.sep).join('/');
      const st = await stat(absolute).catch(() => undefined);
      if (!st?.isFile()) {
        throw sourceError('source.not_found', display, st ? 'is not a file' : 'file not found', {
          expected: 'an existing file',
          found: st ? 'a directory' : 'nothing at this path',
        });
      }
      if (st.size === 0) {
        throw sourceError('source.empty', display, 'the file is empty (0 bytes)', { expected: 'data', found: '0 bytes' });
      }
      seen.set(absolute, { display, absolute, size: st.size });
    }
  }
  return [...seen.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
