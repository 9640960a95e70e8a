import type { ContractDef, LogicalType, SourceDef } from '../model/contract.js';
import type { PhysicalColumn } from '../model/metric.js';
import type { SelectItem, SqlExpr, TextCastType } from '../engines/sql/ast.js';
import { FALSE, TRUE, col, fn, param } from '../engines/sql/ast.js';
import type { SqlTarget } from '../engines/sql/sql-engine.js';
import type { SqlRelation } from '../engines/sql/sql-connection.js';
import type { ResolvedFile } from '../sources/resolve-files.js';
import { detectFormat } from '../sources/detect-format.js';
import { csvErrors } from '../sources/csv-errors.js';
import { csvReader } from '../sources/csv-source.js';
import { openInput } from '../sources/open-input.js';
import { lineAtOffset, scanText } from '../sources/utf8-check.js';
import { typeText } from '../checks/type-compat.js';
import { JS_WHITESPACE } from '../engines/sql/js-whitespace.js';

type FileSource = Extract<SourceDef, { file: unknown }>;

/**
 * CSV this large goes to DuckDB unless the source says `engine: 'arrow'`. Smaller CSV stays with
 * datacheck's reader, which also reports the source line of each failing row (DuckDB cannot);
 * both count the same values as failing (tests/run/sql-sources.test.ts, the examples).
 */
export const DUCKDB_CSV_MIN_BYTES = 64 * 1024 * 1024;

/** Whether DuckDB reads these CSV files when the source does not choose. */
export function csvGoesToDuckdb(def: FileSource, files: ResolvedFile[]): boolean {
  if (def.engine) return def.engine === 'duckdb';
  return files.reduce((n, f) => n + f.size, 0) >= DUCKDB_CSV_MIN_BYTES;
}

/**
 * The CSV files as DuckDB reads them: every value as text (the typed view applies the contract's
 * parse rules), with the reader's dialect, header and null markers. Built before anything is
 * opened (access/read-plan.ts), so `datacheck plan` shows the very relation the run scans.
 * Undefined when a file mixes line endings, which DuckDB's strict reader refuses and datacheck's
 * reader reads as the README promises: such files go to datacheck's reader.
 */
export async function csvRelation(def: FileSource, files: ResolvedFile[], contract: ContractDef): Promise<SqlRelation | undefined> {
  if ((await scanCsvFiles(files, def.format)).mixedLineEndings) return undefined;
  const csv = def.csv ?? {};
  const tsv = files[0].display.replace(/\.gz$/i, '').toLowerCase().endsWith('.tsv');
  const header = csv.header ?? true;
  const options: Record<string, unknown> = {
    all_varchar: true,
    header,
    delim: csv.delimiter ?? (tsv ? '\t' : ','),
    quote: csv.quote ?? '"',
    escape: csv.quote ?? '"',
    // A quoted "" is the empty string, an empty unquoted field is null (as datacheck's reader says).
    allow_quoted_nulls: false,
    nullstr: ['', ...(def.nullValues ?? [])],
    ...(files.length > 1 && { union_by_name: true }),
  };
  if (files.length === 1) {
    // The columns as datacheck's reader names them, so DuckDB does not sniff: its sniffer rejects a
    // file whose ragged row falls in the sample ("could not detect the dialect") instead of naming the row.
    const names = (
      await csvReader({
        file: files[0],
        gzip: detectFormat(files[0].display, def.format).gzip,
        contract,
        source: def,
        batchSize: 1,
      }).schema()
    ).fields.map((f) => f.name);
    options.auto_detect = false;
    options.columns = Object.fromEntries(names.map((n) => [n, 'VARCHAR']));
  } else if (!header) {
    const names = Object.keys(contract.columns);
    if (names.length > 0) options.names = names;
  }
  return { kind: 'files', format: 'csv', paths: files.map((f) => f.absolute), display: files.map((f) => f.display), options };
}

/**
 * Bytes that are not UTF-8 are an error naming the file and line, as datacheck's reader reports
 * them. DuckDB would report them too, but when a query reads only some of the columns it fails
 * with an internal error that invalidates the database (DuckDB 1.5.6), so the files are checked
 * here first, in one streaming pass (figures in bench/README.md). Returns whether some file mixes
 * line endings.
 */
async function scanCsvFiles(files: ResolvedFile[], format: FileSource['format']): Promise<{ mixedLineEndings: boolean }> {
  let mixedLineEndings = false;
  for (const file of files) {
    const { gzip } = detectFormat(file.display, format);
    const scan = await scanText(openInput(file, gzip));
    if (scan.invalidUtf8At >= 0) throw csvErrors.invalidUtf8(file.display, await lineAtOffset(openInput(file, gzip), scan.invalidUtf8At));
    mixedLineEndings ||= scan.mixedLineEndings;
  }
  return { mixedLineEndings };
}

const TRUE_TEXT = ['true', '1', 'yes', 't', 'y'];
const FALSE_TEXT = ['false', '0', 'no', 'f', 'n'];
// The parse rules of src/sources/parse-text.ts, as RE2 patterns.
const INT_RE = '^[+-]?[0-9]+$';
const FLOAT_RE = '^[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$';
const DATE_RE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const TS_RE =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?)?\\s*(?:Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)?$';
const INT_TYPES: Record<string, TextCastType> = {
  i8: 'TINYINT',
  i16: 'SMALLINT',
  i32: 'INTEGER',
  i64: 'BIGINT',
  u8: 'UTINYINT',
  u16: 'USMALLINT',
  u32: 'UINTEGER',
  u64: 'UBIGINT',
};

/**
 * The columns as the contract types them: each typed column parsed from its text (null where it
 * does not parse, so parse failures are counted as the Arrow path counts them) next to its raw
 * text; columns the contract does not type stay text.
 */
export function typedView(relation: SqlRelation, names: string[], contract: ContractDef): NonNullable<SqlTarget['view']> {
  const items: SelectItem[] = [];
  const rawColumns = new Map<string, string>();
  const columns: PhysicalColumn[] = [];
  names.forEach((name, i) => {
    const type = contract.columns[name]?.type;
    const parsed = type ? parseText(col(name), type) : undefined;
    if (!type || !parsed) {
      items.push({ expr: col(name), alias: name });
      columns.push({ name, arrowType: 'Utf8', logical: { type: 'string' }, nullable: true });
      return;
    }
    const raw = `__dc_raw_${i}`;
    items.push({ expr: parsed, alias: name }, { expr: col(name), alias: raw });
    rawColumns.set(name, raw);
    columns.push({ name, arrowType: typeText(type), logical: type, nullable: true });
  });
  return {
    from: { t: 'subquery', alias: 'typed', query: { t: 'select', columns: items, from: { t: 'relation', relation } } },
    rawColumns,
    columns,
  };
}

// Leading or trailing JavaScript whitespace. Values are parsed as written first; only a value that
// does not match and is padded is trimmed and tried again (trim with a character set costs ~4 s per
// 5M values in DuckDB, the pattern test a fraction of that).
const PADDED = `^[${JS_WHITESPACE}]|[${JS_WHITESPACE}]$`;
const TS_NAIVE_RE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,6})?)?)?$';

const matches = (subject: SqlExpr, pattern: string): SqlExpr => ({ t: 'regex', subject, pattern, caseInsensitive: false });

/** `parse` on the text as written, else on the trimmed text when the value is padded; null when neither parses. */
function asWrittenOrTrimmed(raw: SqlExpr, parse: (text: SqlExpr) => SqlExpr): SqlExpr {
  const trimmed = fn('trim', [raw, param(JS_WHITESPACE)]);
  return { t: 'case', whens: [[matches(raw, PADDED), parse(trimmed)]], else: parse(raw) };
}

function parseText(raw: SqlExpr, type: LogicalType): SqlExpr | undefined {
  const when = (pattern: string, cast: TextCastType) =>
    asWrittenOrTrimmed(raw, (text) => ({ t: 'case', whens: [[matches(text, pattern), { t: 'try_cast', arg: text, type: cast }]] }));
  switch (type.type) {
    case 'string':
      return undefined;
    case 'int':
      return when(INT_RE, INT_TYPES[(type.signed ? 'i' : 'u') + type.bits]);
    case 'float':
      return asWrittenOrTrimmed(raw, (text) => {
        const lower = fn('lower', [text]);
        const special = (words: string[], value: string): [SqlExpr, SqlExpr] => [
          { t: 'in', arg: lower, list: words.map(param), negate: false },
          { t: 'try_cast', arg: param(value), type: 'DOUBLE' },
        ];
        return {
          t: 'case',
          whens: [
            [matches(text, FLOAT_RE), { t: 'try_cast', arg: text, type: 'DOUBLE' }],
            special(['nan'], 'NaN'),
            special(['inf', 'infinity', '+inf', '+infinity'], 'Infinity'),
            special(['-inf', '-infinity'], '-Infinity'),
          ],
        };
      });
    case 'decimal': {
      // Digits beyond the scale fail (DuckDB would round them): at most p - s integer and s fraction digits.
      const intDigits = type.precision - type.scale;
      const pattern = `^[+-]?0*[0-9]{0,${intDigits}}(?:\\.[0-9]{0,${type.scale}}0*)?$`;
      const cast: TextCastType = `DECIMAL(${Math.min(type.precision, 38)}, ${type.scale})`;
      return asWrittenOrTrimmed(raw, (text) => ({
        t: 'case',
        whens: [[matches(text, pattern), { t: 'cast', arg: { t: 'try_cast', arg: text, type: cast }, type: 'double' }]],
      }));
    }
    case 'bool':
      return asWrittenOrTrimmed(raw, (text) => {
        const lower = fn('lower', [text]);
        return {
          t: 'case',
          whens: [
            [{ t: 'in', arg: lower, list: TRUE_TEXT.map(param), negate: false }, TRUE],
            [{ t: 'in', arg: lower, list: FALSE_TEXT.map(param), negate: false }, FALSE],
          ],
        };
      });
    case 'date':
      return when(DATE_RE, 'DATE');
    case 'timestamp':
      // Without a zone the text is UTC: a plain TIMESTAMP cast (TIMESTAMPTZ costs twice as much).
      return asWrittenOrTrimmed(raw, (text) => ({
        t: 'case',
        whens: [
          [matches(text, TS_NAIVE_RE), { t: 'try_cast', arg: text, type: 'TIMESTAMP' }],
          [matches(text, TS_RE), { t: 'cast', arg: { t: 'try_cast', arg: text, type: 'TIMESTAMPTZ' }, type: 'timestamp' }],
        ],
      }));
    default:
      return undefined;
  }
}
