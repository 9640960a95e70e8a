import type { TableFingerprint } from '../../../../model/result.js';
import { clickhouseLiteral } from '../../dialects/clickhouse.js';
import type { SqlQuery } from '../../sql-connection.js';
import { tableFingerprint } from '../../table-fingerprint.js';

type Run = (q: SqlQuery) => Promise<Record<string, unknown>[]>;

/**
 * A MergeTree table's version, from system.parts only (never the table's rows). Every INSERT
 * writes a part with a new block number, and a mutation (ALTER ... UPDATE/DELETE) a new
 * data_version, so max_block_number and data_version change on every write, even within the
 * same second (modification_time has whole seconds); merges change the part count but not the
 * rows. A Distributed table has no version: its parts are on the shards, which the reader
 * could reach only through remote(), a table function readonly=1 refuses. Nor do views.
 */
export async function clickhouseTableVersion(run: Run, database: string, table: string): Promise<TableFingerprint | undefined> {
  const where = `database = ${clickhouseLiteral(database)} AND table = ${clickhouseLiteral(table)}`;
  const [meta] = await run({
    sql: `SELECT engine, toString(metadata_modification_time) AS altered FROM system.tables WHERE database = ${clickhouseLiteral(database)} AND name = ${clickhouseLiteral(table)}`,
    params: [],
  });
  if (!meta || !/MergeTree$/.test(String(meta.engine))) return undefined;
  const [parts] = await run({
    sql: `SELECT count() AS parts, sum(rows) AS rows, sum(bytes_on_disk) AS bytes, max(max_block_number) AS max_block, max(data_version) AS data_version FROM system.parts WHERE active AND ${where}`,
    params: [],
  });
  const statistics: TableFingerprint['statistics'] = { engine: String(meta.engine), metadata_modification_time: String(meta.altered) };
  for (const key of ['parts', 'rows', 'bytes', 'max_block', 'data_version'])
    statistics[key] = parts?.[key] === null || parts?.[key] === undefined ? null : Number(parts[key]);
  return tableFingerprint('clickhouse', `${database}.${table}`, statistics);
}
