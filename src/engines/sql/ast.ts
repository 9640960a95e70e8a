import type { SqlRelation } from './sql-connection.js';

/**
 * A small SQL AST: just what metric queries need. It never holds SQL text written by hand except
 * keywords the compiler itself chooses (`raw`); identifiers are quoted and values bound as
 * parameters by the renderer, so nothing a user wrote is ever spliced into a statement.
 */

/** Functions whose spelling differs between dialects: each dialect renders them by a hook. */
export type SqlFn =
  | 'length' // code points
  | 'lower'
  | 'upper'
  | 'trim'
  | 'abs'
  | 'coalesce'
  | 'is_nan' // x is NaN (false for null-free non-float types)
  | 'epoch_ms' // date/timestamp -> milliseconds since 1970 (a number)
  | 'count_if' // count rows where the condition is true
  | 'count_star'
  | 'count' // non-null values
  | 'count_distinct'
  | 'sum'
  | 'min'
  | 'max'
  | 'avg'
  | 'var_samp'
  | 'quantile_cont' // args: value, literal probability
  | 'approx_count_distinct' // the dialect's distinct-count estimate (Dialect.approximate says which)
  | 'approx_quantile' // args: value, literal probability
  | 'ln'
  | 'floor';

export type SqlType = 'double' | 'varchar' | 'bigint' | 'boolean' | 'date' | 'timestamp';

/** Types only the typed view over text files casts to (DuckDB). */
export type TextCastType =
  | 'TINYINT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'UTINYINT'
  | 'USMALLINT'
  | 'UINTEGER'
  | 'UBIGINT'
  | 'DOUBLE'
  | 'DATE'
  | 'TIMESTAMP'
  | 'TIMESTAMPTZ'
  | `DECIMAL(${number}, ${number})`;

export type SqlExpr =
  | { t: 'col'; name: string; table?: string }
  /** A value bound as a parameter. */
  | { t: 'param'; value: unknown }
  /** A number the compiler chose (a probability, a bin count): validated finite, rendered inline. */
  | { t: 'num'; value: number }
  /** A keyword chosen by the compiler: NULL, TRUE, FALSE, *. Never user text. */
  | { t: 'raw'; sql: 'NULL' | 'TRUE' | 'FALSE' | '*' }
  | { t: 'fn'; fn: SqlFn; args: SqlExpr[]; filter?: SqlExpr }
  | {
      t: 'bin';
      op: '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';
      left: SqlExpr;
      right: SqlExpr;
      binaryCollation?: boolean;
    }
  | { t: 'logic'; op: 'AND' | 'OR'; args: SqlExpr[] }
  | { t: 'not'; arg: SqlExpr }
  | { t: 'is_null'; arg: SqlExpr; negate: boolean }
  | { t: 'in'; arg: SqlExpr; list: SqlExpr[]; negate: boolean }
  /** A text value among many bound, non-null texts (duplicated keys read back): a set lookup. */
  | { t: 'among'; arg: SqlExpr; values: string[] }
  | { t: 'case'; whens: [SqlExpr, SqlExpr][]; else?: SqlExpr }
  | { t: 'cast'; arg: SqlExpr; type: SqlType }
  /** TRY_CAST: null where the text does not convert (DuckDB's typed view over text files). */
  | { t: 'try_cast'; arg: SqlExpr; type: TextCastType }
  /** Regular-expression search (not a full match) with a pattern already translated for SQL engines. */
  | { t: 'regex'; subject: SqlExpr; pattern: string; caseInsensitive: boolean }
  /** The text is one JSON value, as src/expr/json-text.ts defines it (the dialect's `jsonValid`). */
  | { t: 'json_valid'; arg: SqlExpr }
  /** A string value ordered by code point (binary collation where the engine has collations). */
  | { t: 'binary_collate'; arg: SqlExpr }
  | { t: 'exists'; query: Select; negate: boolean }
  /** `(a, b) IN (SELECT ...)`: the row's key is in the set a query returns (uncorrelated). */
  | { t: 'in_select'; args: SqlExpr[]; query: Select }
  /** `row_number() OVER ()`: position in the scan order. */
  | { t: 'row_number' }
  /** `lag(arg) OVER (ORDER BY orderBy)`: the previous row's value. */
  | { t: 'lag'; arg: SqlExpr; orderBy: SqlExpr }
  /** `count(*) OVER (PARTITION BY ...)`: rows sharing a key, without collapsing them. */
  | { t: 'window_count'; partition: SqlExpr[] }
  /** `sum(arg) OVER ()` in a grouped query: a total over every group (the rows of all duplicated keys). */
  | { t: 'window_sum'; arg: SqlExpr };

export interface SelectItem {
  expr: SqlExpr;
  alias: string;
}

export type From = { t: 'relation'; relation: SqlRelation; alias?: string } | { t: 'subquery'; query: Select; alias: string };

export interface Select {
  t: 'select';
  /** Common table expressions before the SELECT: `WITH "name" AS (query), ...`. */
  with?: { name: string; query: Select }[];
  columns: SelectItem[] | '*';
  /** Extra items after `*` (e.g. a row number). */
  extra?: SelectItem[];
  from: From;
  where?: SqlExpr;
  groupBy?: SqlExpr[];
  having?: SqlExpr;
  orderBy?: { expr: SqlExpr; desc?: boolean }[];
  limit?: number;
}

// Constructors keep compiler code short and readable.
export const col = (name: string, table?: string): SqlExpr => ({ t: 'col', name, ...(table !== undefined && { table }) });
export const param = (value: unknown): SqlExpr => ({ t: 'param', value });
export const num = (value: number): SqlExpr => ({ t: 'num', value });
export const fn = (f: SqlFn, args: SqlExpr[], filter?: SqlExpr): SqlExpr => ({ t: 'fn', fn: f, args, ...(filter && { filter }) });
export const and = (...args: SqlExpr[]): SqlExpr => (args.length === 1 ? args[0] : { t: 'logic', op: 'AND', args });
export const or = (...args: SqlExpr[]): SqlExpr => (args.length === 1 ? args[0] : { t: 'logic', op: 'OR', args });
/** NOT, folding `NOT (x IS NULL)` into `x IS NOT NULL` so equal aggregates stay recognisably equal. */
export const not = (arg: SqlExpr): SqlExpr => (arg.t === 'is_null' ? { ...arg, negate: !arg.negate } : { t: 'not', arg });
export const isNull = (arg: SqlExpr, negate = false): SqlExpr => ({ t: 'is_null', arg, negate });
export const bin = (op: Extract<SqlExpr, { t: 'bin' }>['op'], left: SqlExpr, right: SqlExpr): SqlExpr => ({ t: 'bin', op, left, right });
export const TRUE: SqlExpr = { t: 'raw', sql: 'TRUE' };
export const FALSE: SqlExpr = { t: 'raw', sql: 'FALSE' };
export const NULL: SqlExpr = { t: 'raw', sql: 'NULL' };
export const countStar = (filter?: SqlExpr): SqlExpr => (filter ? fn('count_if', [filter]) : fn('count_star', []));
