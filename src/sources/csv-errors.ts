import type { DatacheckError } from '../model/issue.js';
import { sourceError } from './source-error.js';

/**
 * The CSV problems both engines report, built in one place so datacheck's reader and DuckDB give
 * the same code, message, expected and found for the same file. None of them quotes row text.
 */
export const csvErrors = {
  raggedRow(file: string, line: number | undefined, expected: number, found: number | undefined, hint?: string): DatacheckError {
    return sourceError('csv.ragged_row', file, `row has ${found ?? 'a different number of'} fields, expected ${expected}`, {
      line,
      expected: `${expected} fields`,
      found: `${found ?? '?'} fields`,
      ...(hint && { hint }),
    });
  },
  unterminatedQuote(file: string, line: number | undefined): DatacheckError {
    return sourceError('csv.unterminated_quote', file, 'a quoted field is never closed (unterminated quote)', {
      line,
      expected: 'a closing quote',
      found: 'end of file',
      hint: 'the record starting on this line opens a quote that no later quote closes',
    });
  },
  /** Any other malformed CSV: `problem` says what, in words (never the row text). */
  parse(file: string, line: number | undefined, problem: string): DatacheckError {
    return sourceError('csv.parse', file, problem, {
      line,
      expected: 'CSV with the delimiter and quote of the source (`csv` options)',
      found: 'text that does not parse that way',
      hint: 'check the `csv.delimiter` and `csv.quote` options; a quote inside a field is written twice ("")',
    });
  },
  invalidUtf8(file: string, line: number | undefined): DatacheckError {
    return sourceError('csv.invalid_utf8', file, 'the text is not valid UTF-8 (an invalid byte sequence)', {
      line,
      expected: 'UTF-8 text',
      found: 'a byte sequence that is not UTF-8',
      hint: 'convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)',
    });
  },
};
