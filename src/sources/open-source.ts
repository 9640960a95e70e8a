import type { SourceDef } from '../model/contract.js';
import type { OpenSource, OpenSourceContext, OpenedSource, SourceNames } from './source.js';
import { fileLocation } from './file-location.js';
import { resolveFiles } from './resolve-files.js';
import type { ResolvedFile } from './resolve-files.js';
import { sourceError } from './source-error.js';
import { duckdbFileTarget } from './duckdb-files.js';
import { openSqlSource } from './sql-sources.js';

/** The Arrow readers load only when a run reads files through them (see open-arrow-files.ts). */
async function openArrowFiles(def: Extract<SourceDef, { file: unknown }>, ctx: OpenSourceContext, files: ResolvedFile[], named: SourceNames): Promise<OpenedSource> {
  return (await import('./open-arrow-files.js')).openArrowFiles(def, ctx, files, named);
}

/**
 * Opens a source. Files: paths/globs -> sorted files -> either DuckDB scanning them in SQL (the
 * default for Parquet when the run has connections) or one Arrow reader per format, batches
 * unioned by column name. Tables and queries of a named connection are read in SQL only.
 */
export const openSource: OpenSource = async (def, ctx) => {
  if ('table' in def || 'query' in def) return openSqlSource(def, ctx);
  if (!('file' in def)) {
    throw sourceError('source.unsupported', ctx.contract.name, 'dbt sources cannot be read yet; only { file }, { table } and { query } sources are supported', {
      expected: '{ file: ... }', found: '{ dbt: ... }',
    });
  }
  const patterns = Array.isArray(def.file) ? def.file : [def.file];
  const files = await resolveFiles(patterns, ctx.baseDir);
  const named: SourceNames = {
    description: files.length === 1 ? files[0].display : `${patterns.join(', ')} (${files.length} files)`,
    location: fileLocation(patterns, ctx.baseDir),
  };
  const sql = ctx.connections ? await duckdbFileTarget(def, files, ctx) : undefined;
  if (!sql) return openArrowFiles(def, ctx, files, named);
  // The Arrow readers are opened only if a metric falls back to streaming.
  let arrow: Promise<OpenedSource> | undefined;
  const viaArrow = () => (arrow ??= openArrowFiles(def, ctx, files, named));
  return {
    ...named,
    files: files.map((f) => f.display),
    sql,
    ...(def.fallback === 'arrow' && { fallback: 'arrow' as const }),
    async *batches() {
      yield* (await viaArrow()).batches();
    },
  };
};

