import { createClient } from '@clickhouse/client';
import { DatacheckError } from '../../../../model/issue.js';
import type { ConnectionDef } from '../../../../model/config.js';
import type { DatasetLocation } from '../../../../model/result.js';
import { clickhouseDialect, clickhouseLiteral } from '../../dialects/clickhouse.js';
import { renderSelect } from '../../render.js';
import { interruptedError } from '../../interrupted.js';
import type { SqlConnection, SqlQuery, SqlRelation } from '../../sql-connection.js';
import { clickhouseError, type Phase } from './clickhouse-errors.js';
import { clickhouseTarget, configError } from './clickhouse-target.js';
import { physicalColumn, valueReader } from './clickhouse-values.js';
import { clickhouseTableVersion } from './clickhouse-version.js';

const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * The parser's limits, raised for the long literal lists a contract can hold (oneOf, accepted
 * values): 18.16's defaults, max_query_size 256 KiB and max_ast_elements 50,000, refuse a
 * 50,000-value list (739 KB of SQL) with a syntax error at position 262137 or "AST is too big".
 * 16 MiB is about a million short values; a statement past it is refused here in plain words.
 */
export const MAX_QUERY_BYTES = 16 * 1024 * 1024;
const MAX_AST_ELEMENTS = 2_000_000;

/**
 * Opens a ClickHouse connection over HTTP (the official @clickhouse/client) and checks it works.
 * The URL comes from the environment variable named by `urlEnv`:
 * `http://user:password@host:8123/database` (https for TLS).
 *
 * Safety, for every statement sent through it:
 * - read-only: the `readonly=1` setting on every request, so the server refuses writes and
 *   setting changes (set last: settings after it in the same request would be refused);
 * - a query timeout: `max_execution_time` cancels the query on the server, and the HTTP request
 *   gives up a little later;
 * - values are literals rendered by the dialect's one escaping function (18.16 has no
 *   server-side parameters), never spliced by hand;
 * - the client's own logger is off: it prints failed statements, which may hold contract values.
 * Errors are DatacheckErrors whose texts never contain the URL or the password.
 */
export async function openClickhouseConnection(name: string, def: ConnectionDef, env: NodeJS.ProcessEnv): Promise<SqlConnection> {
  const target = clickhouseTarget(name, def, env);
  const timeoutMs = def.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1000) {
    throw configError(name, 'statementTimeoutMs must be a whole number of milliseconds, at least 1000', String(def.statementTimeoutMs));
  }
  const where = `connection '${name}' (${target.namespace})`;
  const client = createClient({
    url: target.origin,
    username: target.username,
    password: target.password,
    database: target.database,
    request_timeout: timeoutMs + 5_000,
    log: { level: 127 as never }, // ClickHouseLogLevel.OFF
    clickhouse_settings: {
      max_execution_time: Math.ceil(timeoutMs / 1000),
      // 64-bit integers as JSON strings (exact), nan/inf as strings rather than null.
      output_format_json_quote_64bit_integers: 1,
      output_format_json_quote_denormals: 1,
      max_query_size: String(MAX_QUERY_BYTES),
      max_ast_elements: String(MAX_AST_ELEMENTS),
      readonly: '1',
    },
  });

  // The requests running now, for cancel(): aborting one closes its HTTP connection. 18.16 has
  // no cancel_http_readonly_queries_on_client_close, so the server may go on until max_execution_time.
  const running = new Set<AbortController>();
  let interrupted = false;

  async function run(q: SqlQuery, phase: Phase): Promise<{ meta: Meta[]; data: Record<string, unknown>[] }> {
    if (q.params.length > 0)
      throw new Error('ClickHouse queries carry their values as literals; a query with params was not rendered for it');
    if (interrupted) throw interruptedError(target.namespace);
    const bytes = Buffer.byteLength(q.sql);
    if (bytes > MAX_QUERY_BYTES) throw tooLong(where, bytes);
    const abort = new AbortController();
    running.add(abort);
    try {
      const result = await client.query({ query: q.sql, format: 'JSON', abort_signal: abort.signal });
      return (await result.json()) as { meta: Meta[]; data: Record<string, unknown>[] };
    } catch (e) {
      if (interrupted) throw interruptedError(target.namespace);
      throw clickhouseError(e, phase, where, target.redact, q.sql);
    } finally {
      running.delete(abort);
    }
  }

  let serverZone = 'UTC';
  try {
    const { data } = await run({ sql: 'SELECT timezone() AS tz, currentDatabase() AS db', params: [] }, 'connect');
    serverZone = String(data[0]?.tz ?? 'UTC');
  } catch (e) {
    await client.close().catch(() => undefined);
    throw e;
  }

  let closed: Promise<void> | undefined;
  const connection: SqlConnection = {
    dialect: 'clickhouse',
    async query(q) {
      const { meta, data } = await run(q, 'query');
      const readers = meta.map((m) => [m.name, valueReader(m.type, serverZone)] as const);
      return data.map((row) => Object.fromEntries(readers.map(([col, read]) => [col, read(row[col])])));
    },
    async describe(relation) {
      // The result's header of a query that returns no row: the same for tables and queries.
      const select = renderSelect({ t: 'select', columns: '*', from: { t: 'relation', relation }, limit: 0 }, clickhouseDialect);
      const { meta } = await run(select, 'query');
      return meta.map((m) => physicalColumn(m.name, m.type));
    },
    locate(relation: SqlRelation): DatasetLocation | undefined {
      if (relation.kind !== 'table' || relation.parts.length === 0 || relation.parts.length > 2) return undefined;
      const [database, table] = relation.parts.length === 2 ? relation.parts : [target.database, relation.parts[0]];
      return { namespace: target.namespace, name: `${database}.${table}` };
    },
    // A Distributed table: each shard numbers its own rows and 18.16 has no _shard_num to order
    // shards by (measured: "Unknown identifier: _shard_num"), so its samples carry no row number.
    version(relation) {
      const located = relation.kind === 'table' ? connection.locate(relation) : undefined;
      if (!located) return Promise.resolve(undefined);
      const [database, table] = located.name.split(/\.(.*)/s);
      return clickhouseTableVersion((q) => connection.query(q), database, table);
    },
    async rowOrder(relation) {
      const located = connection.locate(relation);
      if (!located) return true;
      const [database, table] = located.name.split(/\.(.*)/s);
      const sql = `SELECT engine FROM system.tables WHERE database = ${clickhouseLiteral(database)} AND name = ${clickhouseLiteral(table)}`;
      const { data } = await run({ sql, params: [] }, 'query');
      return data[0]?.engine !== 'Distributed';
    },
    async cancel() {
      interrupted = true;
      const stopped = running.size;
      for (const a of running) a.abort();
      return stopped;
    },
    close() {
      return (closed ??= client.close());
    },
  };
  return connection;
}

/** A statement over the parser's limit: sql.unsupported, so a source with `fallback: 'arrow'` streams instead. */
function tooLong(where: string, bytes: number): DatacheckError {
  return new DatacheckError({
    code: 'sql.unsupported',
    message: `${where}: the statement is ${(bytes / 1048576).toFixed(1)} MiB of SQL, over the ${MAX_QUERY_BYTES / 1048576} MiB datacheck lets ClickHouse parse (max_query_size); a value list that long (oneOf, accepted values) is better a reference to a table`,
  });
}

interface Meta {
  name: string;
  type: string;
}
