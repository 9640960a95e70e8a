import { firstLine } from '../../first-line.js';
import { createClient } from '@clickhouse/client';
import type { ConnectionDef } from '../../../../model/config.js';
import type { LogicalType } from '../../../../model/contract.js';
import { DatacheckError, isDatacheckError, type Issue } from '../../../../model/issue.js';
import type { PhysicalColumn } from '../../../../model/metric.js';
import type { DatasetLocation } from '../../../../model/result.js';
import { clickhouseDialect } from '../../dialects/clickhouse.js';
import { renderSelect } from '../../render.js';
import { interruptedError } from '../../interrupted.js';
import type { SqlConnection, SqlQuery, SqlRelation } from '../../sql-connection.js';
import { connectionRedactor, type Redactor } from '../postgres/redact.js';

const DEFAULT_TIMEOUT_MS = 300_000;

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
  return {
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
}

interface Meta {
  name: string;
  type: string;
}

interface Target {
  origin: string;
  username: string;
  password: string;
  database: string;
  /** `clickhouse://host:port`: credential-free, for messages and lineage. */
  namespace: string;
  redact: Redactor;
}

function configError(name: string, message: string, found?: string): DatacheckError {
  return new DatacheckError({
    code: 'connection.config',
    message: `connection '${name}' (clickhouse): ${message}`,
    ...(found && { found }),
  });
}

/** The URL from the environment, split into what the client takes; the database is the path. */
function clickhouseTarget(name: string, def: ConnectionDef, env: NodeJS.ProcessEnv): Target {
  if (!def.urlEnv) throw configError(name, 'has no urlEnv: name the environment variable that holds http://user:password@host:8123/db');
  const raw = env[def.urlEnv];
  if (!raw) throw configError(name, `the environment variable ${def.urlEnv} is not set`);
  const redact = connectionRedactor(raw, [safeUrl(raw)?.password]);
  const url = safeUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw configError(name, `${def.urlEnv} is not an http:// or https:// URL`, 'a value that is not (not shown: it may hold a password)');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, '')) || 'default';
  const port = url.port || (url.protocol === 'https:' ? '8443' : '8123');
  return {
    origin: `${url.protocol}//${url.host}`,
    username: decodeURIComponent(url.username) || 'default',
    password: decodeURIComponent(url.password),
    database,
    namespace: `clickhouse://${url.hostname}:${port}`,
    redact,
  };
}

function safeUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** `Nullable(LowCardinality(String))` -> `String`: wrappers that change nothing a check reads. */
function baseType(type: string): { base: string; nullable: boolean } {
  let t = type;
  let nullable = false;
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/.exec(t);
    if (!m) return { base: t, nullable };
    if (m[1] === 'Nullable') nullable = true;
    t = m[2];
  }
}

/** ClickHouse types as Arrow's type names, so a schema check reads them like a Parquet column. */
function physicalColumn(name: string, type: string): PhysicalColumn {
  const { base, nullable } = baseType(type);
  const int = /^(U?)Int(8|16|32|64)$/.exec(base);
  const logical: LogicalType | undefined = int
    ? { type: 'int', bits: Number(int[2]) as 8 | 16 | 32 | 64, signed: int[1] === '' }
    : base === 'Float32' || base === 'Float64'
      ? { type: 'float', bits: base === 'Float32' ? 32 : 64 }
      : /^Decimal/.test(base)
        ? decimalType(base)
        : base === 'String' || /^FixedString\(/.test(base) || /^Enum(8|16)\(/.test(base) || base === 'UUID'
          ? { type: 'string' }
          : base === 'Date'
            ? { type: 'date' }
            : /^DateTime/.test(base)
              ? { type: 'timestamp', unit: 's', tz: 'UTC' }
              : undefined;
  const arrowType = int
    ? `${int[1] === 'U' ? 'Uint' : 'Int'}${int[2]}`
    : logical?.type === 'float'
      ? `Float${logical.bits}`
      : logical?.type === 'decimal'
        ? `Decimal[${logical.precision}e${logical.scale > 0 ? '-' : '+'}${logical.scale}]`
        : logical?.type === 'string'
          ? 'Utf8'
          : logical?.type === 'date'
            ? 'Date32<DAY>'
            : logical?.type === 'timestamp'
              ? 'Timestamp<SECOND, UTC>'
              : base;
  return { name, arrowType, ...(logical && { logical }), nullable };
}

function decimalType(base: string): LogicalType | undefined {
  const m = /^Decimal(?:32|64|128)?\((\d+)(?:,\s*(\d+))?\)$/.exec(base);
  return m ? { type: 'decimal', precision: Number(m[1]), scale: Number(m[2] ?? 0) } : undefined;
}

/** How a JSON value of a ClickHouse type becomes the value every engine returns (SqlConnection.query). */
function valueReader(type: string, zone: string): (v: unknown) => unknown {
  const { base } = baseType(type);
  if (/^(U?Int|Float|Decimal)/.test(base)) return (v) => (v === null ? null : typeof v === 'number' ? v : toNumber(String(v)));
  if (base === 'Date') return (v) => (v === null ? null : Date.parse(`${v}T00:00:00Z`));
  if (/^DateTime/.test(base)) {
    const tz = /^DateTime\('([^']+)'\)$/.exec(base)?.[1] ?? zone;
    return (v) => (v === null ? null : zonedToEpochMs(String(v), tz));
  }
  if (base === 'Nothing') return () => null;
  return (v) => (v === null || typeof v === 'string' ? v : JSON.stringify(v));
}

function toNumber(s: string): number {
  if (s === 'nan' || s === '-nan') return Number.NaN;
  if (s === 'inf' || s === '+inf') return Number.POSITIVE_INFINITY;
  if (s === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(s);
}

/** `2024-01-02 03:04:05` as printed in zone `tz` -> epoch ms (the zone's offset found by Intl, twice for DST edges). */
export function zonedToEpochMs(text: string, tz: string): number {
  const asUtc = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (tz === 'UTC' || tz === 'Etc/UTC' || Number.isNaN(asUtc)) return asUtc;
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(guess, tz);
  return guess;
}

function offsetMs(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

type Phase = 'connect' | 'query';

/**
 * ClickHouse's error (`Code: 60, e.displayText() = DB::Exception: ...`) as an issue with a stable
 * code. Parse errors quote the value that did not parse, so they are told in our own words; every
 * other text goes through the connection's redactor.
 */
function clickhouseError(e: unknown, phase: Phase, where: string, redact: Redactor, sql: string): DatacheckError {
  if (isDatacheckError(e)) return e;
  const err = (e ?? {}) as { message?: string; code?: string };
  const raw = err.message || String(e);
  const serverCode = Number(/Code: (\d+)/.exec(raw)?.[1] ?? err.code);
  // A syntax error quotes the statement from the failing position on, and the statement's literals
  // can be values (keys fetched from another dataset), so that part is cut.
  const text = redact(
    raw
      .replace(/^Code: \d+, e\.displayText\(\) = (DB::Exception: )?/, '')
      .replace(/, e\.what\(\) = .*$/s, '')
      .replace(/(failed at position \d+).*$/s, '$1 (the statement text is not shown)'),
  );
  const issue = classify(serverCode, err.code, text, phase);
  // The statement's first line, up to its first literal: values are inline here, not bound.
  const line = firstLine(sql);
  const shown = line.includes("'") ? `${line.slice(0, line.indexOf("'"))}...` : line;
  const sqlLine = phase === 'query' ? ` (SQL: ${shown})` : '';
  return new DatacheckError({ ...issue, message: redact(`${where}: ${issue.message}${sqlLine}`) });
}

/** ClickHouse error codes (src/Common/ErrorCodes.cpp) datacheck tells apart. */
function classify(code: number, systemCode: string | undefined, text: string, phase: Phase): Issue {
  if (code === 159) return { code: 'sql.timeout', message: 'the query was cancelled after max_execution_time (statementTimeoutMs)' };
  if (code === 164) return { code: 'sql.read_only', message: `the statement tried to write, and datacheck runs with readonly=1: ${text}` };
  if (code === 60 || code === 81) return { code: 'sql.relation_not_found', message: text };
  if ([6, 26, 27, 38, 41, 69, 70, 72].includes(code)) {
    return {
      code: 'sql.cast',
      message: `ClickHouse could not read a value as its type (code ${code}; the value is not shown: it may be personal data)`,
    };
  }
  if (code === 153) return { code: 'sql.division_by_zero', message: 'division by zero' };
  // 192/193/194: unknown user, wrong or required password (516 on newer servers); 210, 279: a
  // network error or every replica of a shard unreachable (a Distributed table's shard is down).
  const network = /^E[A-Z]+$/.test(systemCode ?? '') || /socket|ECONNREFUSED|ECONNRESET|Timeout error/i.test(text);
  if (phase === 'connect' || network || [192, 193, 194, 516].includes(code)) {
    const auth = [192, 193, 194, 516].includes(code);
    return {
      code: /timeout/i.test(text) ? 'connection.timeout' : 'connection.failed',
      message: `${phase === 'connect' ? 'could not connect' : 'lost the connection while running the query'}: ${text}`,
      ...(auth && { hint: 'check the user and password in the URL (the environment variable named by urlEnv)' }),
    };
  }
  if (code === 210 || code === 279)
    return { code: 'connection.failed', message: `a server behind the table could not be reached: ${text}` };
  return { code: 'sql.error', message: `the query failed: ${text}` };
}
