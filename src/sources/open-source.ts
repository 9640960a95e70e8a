import type { InMemoryData, SourceDef } from '../model/contract.js';
import type { OpenSource, OpenSourceContext, OpenedSource, SourceNames } from './source.js';
import { resolveFiles } from './resolve-files.js';
import type { ResolvedFile } from './resolve-files.js';
import { sourceError } from './source-error.js';
import { fileSourceNames } from './source-names.js';

/** The Arrow readers load only when a run reads files through them (see open-arrow-files.ts). */
export async function openArrowFiles(
  def: Extract<SourceDef, { file: unknown }>,
  ctx: OpenSourceContext,
  files: ResolvedFile[],
  named: SourceNames,
): Promise<OpenedSource> {
  return (await import('./open-arrow-files.js')).openArrowFiles(def, ctx, files, named);
}

/** In-memory data becomes Arrow batches; apache-arrow loads only when a run has such a source. */
export async function openInMemory(data: InMemoryData, ctx: OpenSourceContext): Promise<OpenedSource> {
  return (await import('./in-memory-source.js')).openInMemory(data, ctx);
}

/**
 * Opens a file source with datacheck's own readers: paths/globs -> sorted files -> one Arrow reader
 * per format, batches unioned by column name. Whether a run reads it so, or in SQL, is decided by
 * src/access/read-plan.ts; tables and queries are only ever read in SQL.
 */
export const openSource: OpenSource = async (def, ctx) => {
  if ('table' in def || 'query' in def) {
    const what = 'table' in def ? `${def.connection}:${def.table}` : `${def.connection}:query`;
    throw sourceError('source.unsupported', ctx.contract.name, `${what} is read in SQL on its connection, not by the file readers`, {
      expected: 'a { file } source',
    });
  }
  if ('data' in def) return openInMemory(def.data, ctx);
  if (!('file' in def)) {
    throw sourceError(
      'source.unsupported',
      ctx.contract.name,
      `dbt:${def.dbt} is read in SQL where dbt built it (through the manifest and profile), not by the file readers`,
      {
        expected: '{ file: ... }',
        found: '{ dbt: ... }',
      },
    );
  }
  const patterns = Array.isArray(def.file) ? def.file : [def.file];
  const files = await resolveFiles(patterns, ctx.baseDir);
  return openArrowFiles(def, ctx, files, fileSourceNames(patterns, files, ctx.baseDir));
};
