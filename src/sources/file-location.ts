import fg from 'fast-glob';
import path from 'node:path';
import type { DatasetLocation } from '../model/result.js';
import { fileDataset } from '../openlineage/naming.js';

/**
 * The lineage identity of a file source (OpenLineage naming: namespace `file`, name the absolute
 * path). One plain path names that file. Globs and lists name the directory that holds them all
 * (the deepest directory before any wildcard, common to every pattern), the way Spark and Hive name
 * a directory of part files as one dataset; it depends on the patterns, not on which files matched
 * today, so the dataset keeps its identity when files come and go.
 */
export function fileLocation(patterns: string[], baseDir: string): DatasetLocation {
  if (patterns.length === 1 && !fg.isDynamicPattern(patterns[0])) return fileDataset(path.resolve(baseDir, patterns[0]));
  const bases = patterns.map((p) =>
    fg.isDynamicPattern(p) ? staticBase(path.resolve(baseDir, p)) : path.dirname(path.resolve(baseDir, p)),
  );
  return fileDataset(commonDirectory(bases));
}

/** `/data/2024/*.csv` -> `/data/2024`: the path segments before the first one with a wildcard. */
function staticBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const firstDynamic = segments.findIndex((s) => s !== '' && fg.isDynamicPattern(s));
  return segments.slice(0, firstDynamic).join('/') || '/';
}

function commonDirectory(dirs: string[]): string {
  const split = dirs.map((d) => d.split(/[\\/]/));
  const common: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0][i]); i++) common.push(split[0][i]);
  return common.join('/') || '/';
}
