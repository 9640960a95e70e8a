import type { OpenedDataset } from '../engines/engine.js';
import type { SqlTarget } from '../engines/sql/sql-engine.js';
import type { ContractDef } from '../model/contract.js';
import type { OpenedSource } from '../sources/source.js';
import { openArrowFiles, openInMemory } from '../sources/open-source.js';
import { sourceError } from '../sources/source-error.js';
import type { ConnectionRegistry } from './connections.js';
import { typedView } from './duckdb-files.js';
import type { ReadPlan } from './read-plan.js';
import { FILES_CONNECTION } from './read-plan.js';

export interface OpenDatasetContext {
  contract: ContractDef;
  /** Directory relative source paths resolve against (as in the ReadContext the plan was made with). */
  baseDir: string;
  /** The run's connections, opened on first use and closed by the run. */
  connections: ConnectionRegistry;
  batchSize?: number;
}

/**
 * Opens a dataset exactly as its ReadPlan says: the Arrow readers for its files, or the SQL side
 * on the planned connection (a typed view over CSV text once the header is known). Nothing is
 * decided here. Throws a DatacheckError the run reports on the dataset.
 */
export async function openDataset(read: Exclude<ReadPlan, { engine: 'none' }>, ctx: OpenDatasetContext): Promise<OpenedDataset> {
  const named = { description: read.description, ...(read.location && { location: read.location }) };
  const arrowCtx = { contract: ctx.contract, baseDir: ctx.baseDir, ...(ctx.batchSize && { batchSize: ctx.batchSize }) };
  if (read.engine === 'arrow') {
    if ('data' in read.source) return openInMemory(read.source.data, arrowCtx);
    return openArrowFiles(read.source, arrowCtx, read.files, named);
  }
  const connection = read.connection === FILES_CONNECTION ? await ctx.connections.files() : await ctx.connections.get(read.connection);
  const sql: SqlTarget = { connection, relation: read.relation };
  if (read.typedCsv) {
    const raw = await connection.describe(read.relation);
    sql.view = typedView(
      read.relation,
      raw.map((c) => c.name),
      ctx.contract,
    );
  }
  const location = read.location ?? connection.locate(read.relation);
  const { files, source } = read;
  if (files && 'file' in source) {
    // The Arrow readers are opened only if a metric falls back to streaming.
    let arrow: Promise<OpenedSource> | undefined;
    const viaArrow = () => (arrow ??= openArrowFiles(source, arrowCtx, files, named));
    return {
      ...named,
      files: files.map((f) => f.display),
      sql,
      ...(read.fallback && { fallback: read.fallback }),
      async *batches() {
        yield* (await viaArrow()).batches();
      },
    };
  }
  return {
    description: read.description,
    ...(location && { location }),
    sql,
    // eslint-disable-next-line require-yield
    async *batches() {
      throw sourceError(
        'source.sql_only',
        read.description,
        'this source is read in SQL only; rows are never streamed out of the database',
        {
          hint: 'every built-in metric runs in SQL; a metric that cannot be pushed down cannot run on this source',
        },
      );
    },
  };
}
