import { firstLine } from '../../first-line.js';
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
  // A data error's hint, like its text, can quote the value.
  const ownHint = VALUE_FREE_CODES.has(issue.code) ? undefined : err.hint;
  const sqlLine = ctx.sql ? firstLine(ctx.sql) : undefined;
  return new DatacheckError({
    ...issue,
    message: clean(`${ctx.where}: ${issue.message}${sqlLine && phase === 'query' ? ` (SQL: ${sqlLine})` : ''}`),
    ...(issue.hint ? { hint: clean(issue.hint) } : ownHint ? { hint: clean(ownHint) } : {}),
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
  const valueFree = valueFreeIssue(code, msg);
  if (valueFree) return valueFree;
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

const VALUE_FREE_CODES = new Set(['sql.cast', 'sql.out_of_range', 'sql.division_by_zero', 'sql.data', 'sql.cancelled']);

/**
 * SQLSTATE classes whose text quotes row values (`invalid input syntax for type integer:
 * "jane@..."`, `value "..." is out of range`, a constraint's key, a function's RAISE) are told in
 * words made from the code and the type name alone; redacting bound values is not enough, since
 * the value comes from the data, not from a parameter. Other classes (syntax, unknown column or
 * function) name identifiers and keep the server's words.
 */
function valueFreeIssue(code: string, msg: string): Issue | undefined {
  const type = /\bfor type ([a-z][a-z0-9 ]*?)(?::|$)/.exec(msg)?.[1] ?? /^([a-z]+) out of range/.exec(msg)?.[1];
  const forType = type ? ` for type ${type}` : '';
  const notShown = '(the value is not shown: it may be personal data)';
  switch (code) {
    case '22P02':
    case '22007':
      return {
        code: 'sql.cast',
        message: `a text value is not valid input${forType} ${notShown}`,
        expected: `text that reads as ${type ?? 'the target type'}`,
        found: 'a value that does not',
        hint: 'cast only values that parse, e.g. with a CASE on a regular expression in the query source',
      };
    case '22003':
      return { code: 'sql.out_of_range', message: `a numeric value is out of range${forType} ${notShown}` };
    case '22008':
      return { code: 'sql.out_of_range', message: `a date/time value is out of range ${notShown}` };
    case '22012':
      return { code: 'sql.division_by_zero', message: 'division by zero' };
    case '57014':
      return { code: 'sql.cancelled', message: 'the query was cancelled' };
  }
  if (/^(22|23|XX|P0)/.test(code)) {
    return {
      code: 'sql.data',
      message: `PostgreSQL refused a value (SQLSTATE ${code}; its text is not shown because it can quote data values)`,
    };
  }
  return undefined;
}

function connectHint(code: string, msg: string): { hint?: string } {
  if (code === '28P01' || code === '28000')
    return { hint: 'check the user and password in the URL (the environment variable named by urlEnv)' };
  if (code === '3D000') return { hint: 'the database in the URL does not exist on this server' };
  if (code === 'ECONNREFUSED') return { hint: 'nothing is listening at this host and port; is the server running, and is the port right?' };
  if (code === 'ENOTFOUND') return { hint: 'the host name does not resolve' };
  if (/ssl|tls|certificate/i.test(msg)) return { hint: "check the connection's TLS settings (ssl in the config, or sslmode in the URL)" };
  return {};
}
