import pg from 'pg';
import type { SqlConnection, SqlQuery, SqlRelation } from '../../sql-connection.js';
import type { ConnectionDef } from '../../../../model/config.js';
import type { DatasetLocation } from '../../../../model/result.js';
import { resolvePostgresTarget } from './connection-target.js';
import { describeRelation } from './pg-describe.js';
import { pgError, type PgErrorContext } from './pg-errors.js';
import { poolSettings } from './pg-pool-config.js';
import { postgresTableVersion } from './pg-version.js';
import { interruptedError } from '../../interrupted.js';

/**
 * Opens a PostgreSQL connection for SQL pushdown and checks it works (so a wrong URL or password
 * is reported at open, once, not per dataset).
 *
 * Safety, for every statement sent through it:
 * - read-only: each query runs in its own `BEGIN READ ONLY` transaction that is always rolled
 *   back, so even a session-level SET inside it is undone;
 * - one statement: the extended protocol is forced (even without parameters), which refuses
 *   `SELECT 1; DROP TABLE t` instead of running both;
 * - values bound as parameters, never spliced;
 * - a statement timeout (SET LOCAL, so it holds behind poolers that drop startup options);
 * - TimeZone UTC and DateStyle ISO, so timestamps parse the same everywhere and `current_date`
 *   means what it means in the Arrow engine (UTC).
 * Errors are DatacheckErrors whose texts never contain the URL, the password or bound values.
 * For defence in depth, connect as a role that can only read (e.g. a member of pg_read_all_data).
 */
export async function openPostgresConnection(name: string, def: ConnectionDef, env: NodeJS.ProcessEnv): Promise<SqlConnection> {
  const target = resolvePostgresTarget(name, def, env);
  const { config, statementTimeoutMs } = poolSettings(name, def, target);
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const namespace = `postgres://${host}:${target.port}`;
  const ctx: PgErrorContext = { where: `connection '${name}' (${namespace})`, redact: target.redact, statementTimeoutMs };

  const pool = new pg.Pool(config);
  // An idle client that loses its server emits 'error'; unhandled, that would crash the process.
  // The pool drops the client and the next query connects afresh, so there is nothing to do.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));

  const prelude = [
    'BEGIN READ ONLY',
    `SET LOCAL statement_timeout = ${statementTimeoutMs}`, // a validated integer, ours
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    'SET LOCAL extra_float_digits = 3', // shortest exact float text, also on servers before 12
    // Every sequential scan starts at the table's first block, not where a concurrent scan of a
    // large table happens to be: a failing-row sample's row numbers are positions in physical order.
    'SET LOCAL synchronize_seqscans = off',
  ].join('; ');

  // The sessions running a statement now, for cancel(): their backend pids.
  const running = new Set<pg.PoolClient>();
  let interrupted = false;

  async function execute(q: SqlQuery): Promise<pg.QueryResult> {
    if (interrupted) throw interruptedError(ctx.where);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw pgError(e, 'connect', ctx);
    }
    let discard = false;
    running.add(client);
    try {
      if (interrupted) throw interruptedError(ctx.where);
      await client.query(prelude);
      const statement = { text: q.sql, values: q.params, queryMode: 'extended' as const };
      return await client.query(statement as pg.QueryConfig);
    } catch (e) {
      // A server error leaves the connection usable (after ROLLBACK); anything else (network,
      // client-side timeout) leaves it in an unknown state, so it is thrown away.
      discard = !isServerError(e);
      if (interrupted) throw interruptedError(ctx.where);
      throw pgError(e, 'query', { ...ctx, sql: q.sql, params: q.params });
    } finally {
      running.delete(client);
      if (!discard) await client.query('ROLLBACK').catch(() => (discard = true));
      client.release(discard);
    }
  }

  let session: { database: string; schema: string };
  try {
    const { rows } = await execute({ sql: 'SELECT current_database() AS database, current_schema() AS schema', params: [] });
    session = { database: String(rows[0].database), schema: String(rows[0].schema ?? 'public') };
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }

  function locate(relation: SqlRelation): DatasetLocation | undefined {
    if (relation.kind !== 'table' || relation.parts.length === 0 || relation.parts.length > 3) return undefined;
    const parts = relation.parts;
    const [database, schema, table] =
      parts.length === 3 ? parts : parts.length === 2 ? [session.database, ...parts] : [session.database, session.schema, parts[0]];
    return { namespace, name: `${database}.${schema}.${table}` };
  }

  let closed: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    async query(q) {
      return (await execute(q)).rows;
    },
    describe(relation) {
      return describeRelation(execute, relation, ctx.where);
    },
    locate,
    version(relation) {
      return postgresTableVersion(execute, relation, locate(relation)?.name ?? '', ctx.where);
    },
    async cancel() {
      interrupted = true;
      const pids = [...running].map((c) => (c as unknown as { processID: number | null }).processID).filter((p) => p !== null);
      if (pids.length > 0) await cancelBackends(config, pids);
      return pids.length;
    },
    close() {
      return (closed ??= pool.end());
    },
  };
}

/**
 * Asks the server to cancel the statements of these sessions, from a session of its own (a busy
 * session cannot take another statement). pg_cancel_backend works on the same role's sessions, so
 * the reading role needs nothing more. Best effort: the run is ending either way.
 */
async function cancelBackends(config: pg.PoolConfig, pids: number[]): Promise<void> {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query({ text: 'SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', values: [pids] });
  } catch {
    // the server is unreachable or refused: nothing more a client can do
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** pg's DatabaseError: the server answered with an SQLSTATE, so the connection is still in sync. */
function isServerError(e: unknown): boolean {
  const err = e as { code?: unknown; severity?: unknown };
  return typeof err?.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && err.severity !== undefined;
}
