import { fileLocation } from './file-location.js';
import type { ResolvedFile } from './resolve-files.js';
import type { SourceNames } from './source.js';

/** How a file source names itself (description and lineage location), whichever engine reads it. */
export function fileSourceNames(patterns: string[], files: ResolvedFile[], baseDir: string): SourceNames {
  return {
    description: files.length === 1 ? files[0].display : `${patterns.join(', ')} (${files.length} files)`,
    location: fileLocation(patterns, baseDir),
  };
}
