// The `clickhouse` input of the benchmark: a throwaway two-shard ClickHouse cluster started (and
// stopped) by the bench with the test harness's own code (tests/support/clickhouse-server.ts), the
// orders table split over both shards (MergeTree `orders_local` on each, `Distributed` `orders`
// over them), and a hand-written aggregate query on the Distributed table over HTTP. datacheck
// reads the same Distributed table over a `kind: 'clickhouse'` connection, as the same reader.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createJiti } from 'jiti';
import { AMOUNT_MAX, AMOUNT_MIN, COLUMNS, EMAIL_REGEX, REPO_ROOT, STATUSES } from './config.js';

export const CH_DATABASE = 'bench';
const TABLE = 'orders';
const COLUMNS_DDL =
  '(order_id Nullable(Int64), customer_id Nullable(Int64), amount Nullable(Float64), status Nullable(String), email Nullable(String), ordered_at Nullable(DateTime))';
const lit = (s) => `'${String(s).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const duckLit = (s) => `'${String(s).replaceAll("'", "''")}'`;

/**
 * The hand-written query in ClickHouse's SQL (countIf, match, uniqExact), the same figures as the
 * other inputs' query: datacheck's `unique` runs on 18.16 too (GROUP BY ... HAVING, no window function).
 */
export function checksSqlClickhouse(from = `${CH_DATABASE}.${TABLE}`) {
  const nulls = COLUMNS.map((c) => `  countIf(isNull(${c})) AS nulls_${c}`);
  return `SELECT
  count() AS row_count,
${nulls.join(',\n')},
  count(order_id) - uniqExact(order_id) AS duplicate_order_ids,
  countIf(isNotNull(status) AND status NOT IN (${STATUSES.map(lit).join(', ')})) AS bad_status,
  countIf(match(email, ${lit(EMAIL_REGEX)}) = 0) AS bad_email,
  countIf(amount < ${AMOUNT_MIN} OR amount > ${AMOUNT_MAX}) AS amount_out_of_range
FROM ${from}`;
}

/** Starts the cluster (about 0.7 s for both servers). */
export async function startBenchClickhouse() {
  const jiti = createJiti(import.meta.url);
  const { startClickhouseCluster, clickhouseAdmin } = await jiti.import(path.join(REPO_ROOT, 'tests/support/clickhouse-server.ts'));
  const cluster = await startClickhouseCluster();
  return { cluster, admin: clickhouseAdmin, url: `${cluster.shards[0].url.replace(/\/default$/, '')}/${CH_DATABASE}` };
}

/**
 * Loads the Parquet table: DuckDB writes each shard's half (even / odd row numbers) as CSV with
 * `\N` for NULL and whole-second timestamps (18.16's DateTime has no fractions), and each shard's
 * HTTP interface reads its file as the body of an INSERT.
 */
export async function loadOrdersClickhouse({ cluster, admin }, parquetPath, log = () => {}) {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datacheck-bench-ch-'));
  try {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const files = [0, 1].map((i) => path.join(dir, `shard${i + 1}.csv`));
    try {
      for (const [i, file] of files.entries()) {
        await conn.run(`COPY (
  SELECT order_id, customer_id, amount, status, email, strftime(ordered_at, '%Y-%m-%d %H:%M:%S') AS ordered_at
  FROM (SELECT *, row_number() OVER () AS n FROM read_parquet(${duckLit(parquetPath)})) WHERE n % 2 = ${i}
) TO ${duckLit(file)} (FORMAT csv, HEADER true, NULL '\\N')`);
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    for (const [i, shard] of cluster.shards.entries()) {
      await admin(shard, `CREATE DATABASE IF NOT EXISTS ${CH_DATABASE}`);
      await admin(shard, `CREATE TABLE ${CH_DATABASE}.${TABLE}_local ${COLUMNS_DDL} ENGINE = MergeTree() ORDER BY tuple()`);
      const u = new URL(shard.adminUrl);
      const query = encodeURIComponent(`INSERT INTO ${CH_DATABASE}.${TABLE}_local FORMAT CSVWithNames`);
      const res = await fetch(`http://127.0.0.1:${shard.httpPort}/?query=${query}`, {
        method: 'POST',
        body: createReadStream(files[i]),
        duplex: 'half',
        headers: { 'X-ClickHouse-User': decodeURIComponent(u.username), 'X-ClickHouse-Key': decodeURIComponent(u.password) },
      });
      if (!res.ok) throw new Error(`loading shard ${i + 1} failed: ${(await res.text()).slice(0, 500)}`);
    }
    await admin(
      cluster.shards[0],
      `CREATE TABLE ${CH_DATABASE}.${TABLE} ${COLUMNS_DDL} ENGINE = Distributed(${cluster.cluster}, ${CH_DATABASE}, ${TABLE}_local)`,
    );
    log(`clickhouse: loaded both shards in ${((performance.now() - started) / 1000).toFixed(1)} s (two-shard Distributed table)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Times the hand-written query as the reader (readonly=1, as datacheck sends it). */
export async function runClickhouseChecks({ cluster }, sql = checksSqlClickhouse()) {
  const shard = cluster.shards[0];
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${shard.httpPort}/?readonly=1`, {
    method: 'POST',
    body: `${sql} FORMAT JSON`,
    headers: { 'X-ClickHouse-User': cluster.reader.user, 'X-ClickHouse-Key': cluster.reader.password },
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`the hand-written ClickHouse query failed: ${text.slice(0, 500)}`);
  const row = JSON.parse(text).data[0];
  return { ms, row: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) };
}
