import { DatacheckError, isDatacheckError, type Issue } from '../../../../model/issue.js';
import { firstLine } from '../../first-line.js';
import type { Redactor } from '../postgres/redact.js';

export type Phase = 'connect' | 'query';

/**
 * ClickHouse's error (`Code: 60, e.displayText() = DB::Exception: ...`) as an issue with a stable
 * code. Parse errors quote the value that did not parse, so they are told in our own words; every
 * other text goes through the connection's redactor.
 */
export function clickhouseError(e: unknown, phase: Phase, where: string, redact: Redactor, sql: string): DatacheckError {
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
  // 168: AST is too big (max_ast_elements), a list past even the raised limit.
  if (code === 168)
    return { code: 'sql.unsupported', message: `the statement has more parts than ClickHouse parses in one query: ${text}` };
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
