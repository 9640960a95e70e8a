import path from 'node:path';
import { DatacheckError, isDatacheckError, type Issue } from '../../../model/issue.js';
import { csvErrors } from '../../../sources/csv-errors.js';
import { sourceError } from '../../../sources/source-error.js';

/**
 * Error classes whose text names only identifiers and the statement (which datacheck compiled,
 * values bound as parameters): kept, first line only. Every other class can quote row data
 * (`Conversion Error: Could not convert string 'alice@...'`, `Out of Range Error: Overflow in
 * addition of INT32 (2147483647 + 1)`, a CSV error's `Original Line: ...`), so its text is dropped
 * entirely, `--debug` included: a report or a CI log is no place for a `.pii()` value.
 */
const TEXT_SAFE_CLASSES = new Set(['Parser Error', 'Binder Error', 'Catalog Error']);

/**
 * Turns what DuckDB threw into a DatacheckError in datacheck's words. CSV errors become the same
 * issues datacheck's own CSV reader raises (code, file, line, expected/found), so both engines give
 * one answer; only the structured parts are read (`CSV Error on Line: N`, the column counts, the
 * `file = ...` setting), never the row text around them. `params` are the statement's bound values:
 * a file named in the error is reported only when it is one of them (the path cannot come from row
 * text); it is the absolute path, which `withDisplayPaths` turns into the name users know.
 */
export function duckdbError(e: unknown, params: readonly unknown[] = []): DatacheckError {
  if (isDatacheckError(e)) return e;
  const text = String((e as Error)?.message ?? e);
  const csv = csvIssue(text, params);
  if (csv) return csv;
  const errorClass = /^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* Error): /.exec(text)?.[1];
  if (errorClass && TEXT_SAFE_CLASSES.has(errorClass)) {
    const firstLine = text.slice(errorClass.length + 2).split('\n')[0];
    return new DatacheckError({
      code: errorClass === 'Catalog Error' ? 'sql.relation_not_found' : 'sql.error',
      message: `DuckDB could not run the query: ${firstLine}`,
    });
  }
  if (/ in read-only mode!?$/m.test(text.split('\n')[0])) {
    return new DatacheckError({
      code: 'sql.read_only',
      message: 'the statement tried to write, and datacheck opens DuckDB database files read-only',
      expected: 'a read-only query (SELECT)',
      found: 'a statement that writes',
    });
  }
  const file = fileError(errorClass, text, params);
  return file ?? new DatacheckError(valueFreeIssue(errorClass, text));
}

/**
 * A file DuckDB could not open or decode (a truncated Parquet file: `No magic bytes found at end
 * of file '...'`). CSV errors, the ones that quote rows, are classified before this; what is left
 * of these classes names the file and the format, so the first line is kept, paths made relative.
 */
function fileError(errorClass: string | undefined, text: string, params: readonly unknown[]): DatacheckError | undefined {
  if (errorClass !== 'Invalid Input Error' && errorClass !== 'IO Error') return undefined;
  const first = text.slice(errorClass.length + 2).split('\n')[0];
  const file = boundPaths(params).find((p) => first.includes(p));
  if (!file) return undefined;
  return sourceError('source.read', file, `DuckDB could not read the file: ${first}`, {
    expected: 'a readable file of its format',
    found: 'a file DuckDB cannot read',
  });
}

const boundPaths = (params: readonly unknown[]): string[] =>
  params.flatMap((p) => (Array.isArray(p) ? p : [p])).filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));

/**
 * A DuckDB issue about one of these absolute paths, told with the names users know (`display`,
 * relative to the project). The driver only sees bound paths; the relation knows both.
 */
export function withDisplayPaths(issue: Issue, paths: readonly string[], display: readonly string[] | undefined): Issue {
  if (!display) return issue;
  // biome-ignore lint/complexity/useIndexOf: the location may be absent, which indexOf cannot be asked about
  const i = paths.findIndex((p) => issue.location?.file === p);
  if (i < 0 || display[i] === undefined) return issue;
  return { ...issue, message: issue.message.split(paths[i]).join(display[i]), location: { ...issue.location!, file: display[i] } };
}

function valueFreeIssue(errorClass: string | undefined, text: string): Issue {
  if (errorClass === 'Conversion Error') {
    const type = / to ([A-Z][A-Z0-9_]*(?:\([0-9, ]+\))?)\b/.exec(lastLineOf(text, 'Could not convert'))?.[1];
    return {
      code: 'sql.cast',
      message: `DuckDB could not convert a value${type ? ` to ${type}` : ''} (the value is not shown: it may be personal data)`,
      expected: type ? `values that convert to ${type}` : 'values of the expected type',
      found: 'a value that does not convert',
      hint: 'compare or cast columns of the same type; a query source can use TRY_CAST to turn such values into nulls',
    };
  }
  if (errorClass === 'Out of Range Error') {
    return {
      code: 'sql.out_of_range',
      message: 'DuckDB hit a value out of range for its type (an overflow; the value is not shown: it may be personal data)',
    };
  }
  return {
    code: 'sql.error',
    message: `DuckDB could not run the query (${errorClass ?? 'unknown error'}; its text is not shown because it can quote data values)`,
  };
}

/** The line of `text` starting with `prefix` (the last one: row text quoted earlier cannot fake it). */
function lastLineOf(text: string, prefix: string): string {
  const lines = text.split('\n').filter((l) => l.startsWith(prefix));
  return lines[lines.length - 1] ?? '';
}

function csvIssue(text: string, params: readonly unknown[]): DatacheckError | undefined {
  const onLine = /^Invalid Input Error: CSV Error on Line: (\d+)/.exec(text);
  const sniffing = /^Invalid Input Error: Error when sniffing file /.test(text);
  const stateMachine = /^Invalid Input Error: The CSV Parser state machine reached an invalid state/.test(text);
  if (!onLine && !sniffing && !stateMachine) return undefined;
  const file = displayFile(text, params);
  const line = onLine ? Number(onLine[1]) : undefined;
  // The markers follow the quoted row in DuckDB's text, so the last occurrence is DuckDB's own.
  const counts = [...text.matchAll(/\nExpected Number of Columns: (\d+) Found: (\d+)/g)].pop();
  if (counts) {
    return csvErrors.raggedRow(file, line, Number(counts[1]), Number(counts[2]));
  }
  if (text.lastIndexOf('\nInvalid unicode') >= 0) return csvErrors.invalidUtf8(file, line);
  if (text.lastIndexOf('\nValue with unterminated quote found.') >= 0) return csvErrors.unterminatedQuote(file, line);
  return csvErrors.parse(
    file,
    line,
    line !== undefined
      ? 'the row does not parse as CSV with the source’s delimiter and quote'
      : 'the file does not parse as CSV with the source’s delimiter, quote and line endings',
  );
}

/** The `file = ...` setting DuckDB prints, when it is one of the statement's bound paths. */
function displayFile(text: string, params: readonly unknown[]): string {
  const named =
    [...text.matchAll(/\n {2}file = ([^\n]+)\n/g)].pop()?.[1] ??
    /^Invalid Input Error: Error when sniffing file "([^"\n]+)"/.exec(text)?.[1];
  return named && boundPaths(params).includes(named) ? named : 'the CSV file';
}
