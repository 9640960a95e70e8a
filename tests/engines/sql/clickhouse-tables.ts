import { clickhouseDialect, clickhouseLiteral } from '../../../src/engines/sql/dialects/clickhouse.js';
import { openClickhouseConnection } from '../../../src/engines/sql/drivers/clickhouse/clickhouse-connection.js';
import type { SqlConnection } from '../../../src/engines/sql/sql-connection.js';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import { type ClickhouseCluster, type ClickhouseShard, clickhouseAdmin, startClickhouseCluster } from '../../support/clickhouse-server.js';
import type { ColumnType, EngineUnderTest, TestTable } from './tables.js';

// ClickHouse 18.16 has no Bool type: booleans are UInt8 0/1, as its own comparisons return them.
const CH_TYPES: Record<ColumnType, string> = {
  int: 'Nullable(Int64)',
  float: 'Nullable(Float64)',
  string: 'Nullable(String)',
  bool: 'Nullable(UInt8)',
  date: 'Nullable(Date)',
  timestamp: 'Nullable(DateTime)',
};

const q = clickhouseDialect.quoteIdent;

/** A cell as a ClickHouse literal: dates as 'YYYY-MM-DD', instants as UTC 'YYYY-MM-DD hh:mm:ss'. */
function literalOf(v: unknown, type: ColumnType): string {
  if (v === null || v === undefined) return 'NULL';
  if (type === 'float') return clickhouseLiteral(Number(v));
  if (type === 'date') return clickhouseLiteral(new Date(v as string).toISOString().slice(0, 10));
  if (type === 'timestamp') return clickhouseLiteral(new Date(v as string).toISOString().slice(0, 19).replace('T', ' '));
  return clickhouseLiteral(v);
}

/** A MergeTree table on one shard with these rows (one INSERT, so one part in insertion order). */
async function insert(
  shard: ClickhouseShard,
  table: string,
  columns: string,
  names: string[],
  t: TestTable,
  rows: unknown[][],
): Promise<void> {
  await clickhouseAdmin(shard, `CREATE TABLE ${table} (${columns}) ENGINE = MergeTree() ORDER BY tuple()`);
  if (rows.length === 0) return;
  const tuples = rows.map((row) => `(${names.map((n, j) => literalOf(row[j], t.columns[n])).join(', ')})`);
  await clickhouseAdmin(shard, `INSERT INTO ${table} VALUES ${tuples.join(', ')}`);
}

/**
 * A real two-shard ClickHouse cluster as one more engine. Each table is a MergeTree table on each
 * shard (the first half of the rows on shard 1, the rest on shard 2) and a `Distributed` table
 * over both, which datacheck reads through its own `openClickhouseConnection` as the reader:
 * every metric is computed by both shards. `distributed: false`: one MergeTree table on shard 1. The cluster is started on first use and stopped by close().
 */
export function clickhouseUnderTest(
  database: string,
  options: { distributed?: boolean } = {},
): EngineUnderTest & {
  cluster(): Promise<ClickhouseCluster>;
  connection(): Promise<SqlConnection>;
  createTable(table: TestTable, name?: string): Promise<string[]>;
} {
  let cluster: Promise<ClickhouseCluster> | undefined;
  let reader: Promise<SqlConnection> | undefined;
  let tables = 0;
  const started = () =>
    (cluster ??= (async () => {
      const c = await startClickhouseCluster();
      for (const shard of c.shards) await clickhouseAdmin(shard, `CREATE DATABASE IF NOT EXISTS ${q(database)}`);
      return c;
    })());
  const connection = () =>
    (reader ??= (async () => {
      const c = await started();
      return openClickhouseConnection('ch', { kind: 'clickhouse', urlEnv: 'CH_URL' }, { CH_URL: c.shards[0].url });
    })());

  async function createTable(table: TestTable, name = `t${++tables}`): Promise<string[]> {
    const c = await started();
    const names = Object.keys(table.columns);
    const columns = names.map((n) => `${q(n)} ${CH_TYPES[table.columns[n]]}`).join(', ');
    if (options.distributed === false) {
      // One MergeTree table on shard 1, one part in insertion order: samples number rows as the Arrow engine does.
      await insert(c.shards[0], `${q(database)}.${q(name)}`, columns, names, table, table.rows);
      return [database, name];
    }
    const local = `${q(database)}.${q(`${name}_local`)}`;
    const half = Math.ceil(table.rows.length / 2);
    const parts = [table.rows.slice(0, half), table.rows.slice(half)];
    for (const [i, shard] of c.shards.entries()) await insert(shard, local, columns, names, table, parts[i]);
    const distributed = `${q(database)}.${q(name)}`;
    await clickhouseAdmin(
      c.shards[0],
      `CREATE TABLE ${distributed} (${columns}) ENGINE = Distributed(${q(c.cluster)}, ${q(database)}, ${q(`${name}_local`)})`,
    );
    return [database, name];
  }

  return {
    name: 'clickhouse',
    cluster: started,
    connection,
    createTable,
    async compute(table, metrics, now) {
      const parts = await createTable(table);
      return computeSqlMetrics({ connection: await connection(), relation: { kind: 'table', parts } }, metrics, now, {
        sampleColumns: Object.keys(table.columns),
      });
    },
    async close() {
      await (await reader)?.close();
      await (await cluster)?.stop();
    },
  };
}
