import { DatacheckError, isDatacheckError, type Issue } from '../../../../model/issue.js';
import { redactValues, type Redactor } from './redact.js';

/** What we were doing when a driver error happened; decides between connection and SQL codes. */
export type PgPhase = 'connect' | 'query';

export interface PgErrorContext {
  /** `connection 'warehouse' (postgres://db.internal:5432)`: credential-free. */
  where: string;
  redact: Redactor;
  statementTimeoutMs: number;
  /** The statement, for its first line in the message (never its bound values). */
  sql?: string;
  params?: unknown[];
}

interface DriverError {
  message?: string;
  code?: string;
  hint?: string;
}

/**
 * Turns whatever pg threw into a DatacheckError with a stable code. Every text goes through the
 * connection's redactor (no URL, no password) and past the query's bound values (no PII), and
 * pg's `detail` is left out: it can quote row values ("Key (email)=(...)").
 */
export function pgError(e: unknown, phase: PgPhase, ctx: PgErrorContext): DatacheckError {
  if (isDatacheckError(e)) return e;
  const err = (e ?? {}) as DriverError;
  const clean = (s: string) => ctx.redact(redactValues(s, ctx.params ?? []));
  const driverMessage = clean(err.message || String(e));
  const issue = classify(err, phase, driverMessage, ctx);
  const sqlLine = ctx.sql ? firstLine(ctx.sql) : undefined;
  return new DatacheckError({
    ...issue,
    message: clean(`${ctx.where}: ${issue.message}${sqlLine && phase === 'query' ? ` (SQL: ${sqlLine})` : ''}`),
    ...(issue.hint ? { hint: clean(issue.hint) } : err.hint ? { hint: clean(err.hint) } : {}),
  });
}

function classify(err: DriverError, phase: PgPhase, msg: string, ctx: PgErrorContext): Issue {
  const code = err.code ?? '';
  if (code === '57014' && /statement timeout/i.test(msg)) {
    return {
      code: 'sql.timeout',
      message: `the query was cancelled after the statement timeout of ${ctx.statementTimeoutMs} ms`,
      expected: `a query finishing within ${ctx.statementTimeoutMs} ms`,
      found: 'still running at the timeout',
      hint: 'raise statementTimeoutMs for this connection in datacheck.config.ts, or check a smaller table or filter',
    };
  }
  if (/query read timeout/i.test(msg)) {
    return { code: 'sql.timeout', message: `no answer from the server within the statement timeout of ${ctx.statementTimeoutMs} ms` };
  }
  if (code === '25006') {
    return {
      code: 'sql.read_only',
      message: `the statement tried to write, and datacheck runs every query in a read-only transaction: ${msg}`,
      expected: 'a read-only query (SELECT)',
      found: msg,
    };
  }
  if (code === '42P01') return { code: 'sql.relation_not_found', message: msg };
  // A system error code (ECONNRESET, ...) or a lost socket is the network, not the statement;
  // SQLSTATE class 08 is the connection, 28 authorization, 57P01-03 the server shutting down.
  const network = /^E[A-Z]+$/.test(code) || /connection terminated|socket|closed the connection/i.test(msg);
  if (phase === 'connect' || network || /^(08|28)/.test(code) || /^(3D000|57P0[1-3])$/.test(code)) {
    const timedOut = /timeout|timed out/i.test(msg) || code === 'ETIMEDOUT';
    const doing = phase === 'connect' ? 'connecting' : 'running the query';
    return {
      code: timedOut ? 'connection.timeout' : 'connection.failed',
      message: `${timedOut ? `timed out ${doing}` : phase === 'connect' ? 'could not connect' : 'lost the connection while running the query'}: ${msg}`,
      ...connectHint(code, msg),
    };
  }
  return { code: 'sql.error', message: `the query failed: ${msg}` };
}

function connectHint(code: string, msg: string): { hint?: string } {
  if (code === '28P01' || code === '28000') return { hint: 'check the user and password in the URL (the environment variable named by urlEnv)' };
  if (code === '3D000') return { hint: 'the database in the URL does not exist on this server' };
  if (code === 'ECONNREFUSED') return { hint: 'nothing is listening at this host and port; is the server running, and is the port right?' };
  if (code === 'ENOTFOUND') return { hint: 'the host name does not resolve' };
  if (/ssl|tls|certificate/i.test(msg)) return { hint: "check the connection's TLS settings (ssl in the config, or sslmode in the URL)" };
  return {};
}

/** The statement's first non-empty line, shortened: enough to find it, not a wall of SQL. */
function firstLine(sql: string): string {
  const line = sql.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
