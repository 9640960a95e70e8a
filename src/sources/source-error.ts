import { DatacheckError, type Issue } from '../model/issue.js';
import type { IssueCode } from '../model/issue-codes.js';

/** A DatacheckError about a data file; `line`/`column` are 1-based positions in that file. */
export function sourceError(
  code: IssueCode,
  file: string,
  message: string,
  extra: { line?: number; column?: number; expected?: string; found?: string; hint?: string } = {},
): DatacheckError {
  const { line, column, ...rest } = extra;
  const where = line !== undefined ? `${file}:${line}${column !== undefined ? `:${column}` : ''}` : file;
  const issue: Issue = { code, message: `${where}: ${message}`, ...rest };
  issue.location = { file, line: line ?? 0, column: column ?? 0 };
  return new DatacheckError(issue);
}
