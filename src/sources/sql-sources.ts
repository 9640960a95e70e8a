import type { SourceDef } from '../model/contract.js';
import type { OpenSourceContext, OpenedSource } from './source.js';
import { sourceError } from './source-error.js';

type SqlSourceDef = Extract<SourceDef, { table: string }> | Extract<SourceDef, { query: string }>;

/**
 * A table or query of a named connection: read only in SQL, where the data lives. There is no
 * row stream to fall back on (pulling a warehouse table out row by row is what pushdown avoids).
 */
export async function openSqlSource(def: SqlSourceDef, ctx: OpenSourceContext): Promise<OpenedSource> {
  const what = 'table' in def ? `${def.connection}:${def.table}` : `${def.connection}:query`;
  if (!ctx.connections) {
    throw sourceError('source.unsupported', ctx.contract.name, `${what} needs a connection, and this run has none`, { expected: 'a run started by the datacheck CLI or runner' });
  }
  const connection = await ctx.connections.get(def.connection);
  const relation = 'table' in def ? { kind: 'table' as const, parts: def.table.split('.') } : { kind: 'query' as const, sql: def.query };
  const location = connection.locate(relation);
  return {
    description: what,
    ...(location && { location }),
    sql: { connection, relation },
    // biome-ignore lint/correctness/useYield: a SQL-only source has no rows to stream; asking for them is an error
    async *batches() {
      throw sourceError('source.sql_only', what, 'this source is read in SQL only; rows are never streamed out of the database', {
        hint: 'every built-in metric runs in SQL; a metric that cannot be pushed down cannot run on this source',
      });
    },
  };
}
