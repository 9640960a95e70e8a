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

/**
 * Why 18.16 cannot store a column's values, or undefined: Date and DateTime start at 1970 (an
 * earlier value wraps around silently) and DateTime has whole seconds (DateTime64 came later).
 */
function unrepresentable(t: TestTable, column: string): string | undefined {
  const type = t.columns[column];
  if (type !== 'date' && type !== 'timestamp') return undefined;
  const j = Object.keys(t.columns).indexOf(column);
  const instants = t.rows
    .map((r) => r[j])
    .filter((v) => v !== null && v !== undefined)
    .map((v) => Date.parse(String(v)));
  if (instants.some((ms) => ms < 0))
    return `${column} holds an instant before 1970, which ClickHouse 18.16's ${type === 'date' ? 'Date' : 'DateTime'} cannot`;
  if (type === 'timestamp' && instants.some((ms) => ms % 1000 !== 0))
    return `${column} holds milliseconds, which ClickHouse 18.16's DateTime cannot`;
  return undefined;
}

/**
 * The table without the columns 18.16 cannot store, rather than with their values silently
 * changed: a case reading such a column gets metric.missing_column, which its JSON records.
 */
function withoutUnrepresentable(t: TestTable): TestTable {
  const keep = Object.keys(t.columns).filter((c) => unrepresentable(t, c) === undefined);
  if (keep.length === Object.keys(t.columns).length) return t;
  const index = keep.map((c) => Object.keys(t.columns).indexOf(c));
  return { columns: Object.fromEntries(keep.map((c) => [c, t.columns[c]])), rows: t.rows.map((r) => index.map((i) => r[i])) };
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

  async function createTable(given: TestTable, name = `t${++tables}`): Promise<string[]> {
    const c = await started();
    const table = withoutUnrepresentable(given);
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
      // The contract's word that a UInt8 column is a boolean (18.16 has no Bool type).
      const bools = Object.entries(table.columns).filter(([, t]) => t === 'bool');
      return computeSqlMetrics({ connection: await connection(), relation: { kind: 'table', parts } }, metrics, now, {
        sampleColumns: Object.keys(table.columns),
        declaredTypes: new Map(bools.map(([name]) => [name, { type: 'bool' } as const])),
      });
    },
    async close() {
      await (await reader)?.close();
      await (await cluster)?.stop();
    },
  };
}
