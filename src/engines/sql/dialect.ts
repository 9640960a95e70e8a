import type { SqlFn, SqlType } from './ast.js';
import type { Approximation } from '../../model/metric.js';
import type { DialectName } from './dialects/dialect-names.js';
import type { RegexFeatures } from './regex.js';
import type { SqlRelation } from './sql-connection.js';

/** What a dialect can say it cannot do, so the compiler reports `sql.unsupported` instead of guessing. */
export type DialectGap =
  | 'exact_quantile'
  | 'row_number'
  | 'float_remainder'
  /** No window functions (`count(*) OVER (...)`): duplicate samples, top-value distinct counts. */
  | 'window'
  /** No correlated subquery (`NOT EXISTS (... WHERE r.k = t.k)`): referential anti-joins. */
  | 'correlated_subquery';

/**
 * The differences between SQL engines, as small hooks. Everything else (SELECT, CASE, IN, IS
 * NULL, arithmetic) is rendered the same way for all of them by render.ts.
 */
export interface Dialect {
  name: DialectName;
  /** Quotes an identifier, escaping embedded quote characters. */
  quoteIdent(id: string): string;
  /** Placeholder of the i-th (1-based) bound parameter. */
  param(i: number): string;
  /**
   * For engines without server-side parameters (ClickHouse 18.16): the dialect's one escaping
   * function, which renders every value as a literal. The query then has no params.
   */
  literal?(value: unknown): string;
  /** `arg [NOT] IN (list)` (list items rendered, NULL as `NULL`), where the engine's IN is not SQL's. */
  inList?(arg: string, list: string[], negate: boolean): string;
  /** `arg` among many bound values, where the engine's IN over a long list is slower (`values` already rendered). */
  among?(arg: string, values: string[]): string;
  /**
   * The keyword of `key IN (SELECT ...)`, where plain IN is not one set for the whole table
   * (ClickHouse: GLOBAL IN, so a Distributed table's shards all test against one key set).
   */
  inSelect?: string;
  /** AND / OR of rendered conditions, where the engine's are not SQL's three-valued (Kleene) logic. */
  logic?(op: 'AND' | 'OR', args: string[]): string;
  /** Logical negation, where `NOT x` misbehaves (three-valued like NOT: NULL stays NULL). */
  not?(arg: string): string;
  /** TRUE and FALSE where the engine has no such keywords (ClickHouse 18.16: 1 and 0). */
  booleans?: { TRUE: string; FALSE: string };
  /** `agg(x) FILTER (WHERE c)` is available; else filters become CASE inside the aggregate. */
  filterClause: boolean;
  /** Functions spelled differently from the default (`args` already rendered). */
  fns: Partial<Record<SqlFn, (args: string[]) => string>>;
  /** `count of rows where c`, when the dialect has no FILTER clause but a count_if function. */
  countIf?(cond: string): string;
  /** quantile_cont with a filter already folded in (value is null where the filter is false). */
  quantile?(value: string, p: string): string;
  castType: Record<SqlType, string>;
  /** A regex search (not a full match); the hook binds the pattern (and flags) itself. */
  regex(subject: string, pattern: string, caseInsensitive: boolean, bind: (v: unknown) => string): string;
  regexFeatures: RegexFeatures;
  /**
   * The text is one JSON value exactly as src/expr/json-text.ts defines it (null stays null); the
   * hook binds what it needs. Absent: `noJsonValid` says why the dialect cannot test it exactly.
   */
  jsonValid?(subject: string, bind: (v: unknown) => string): string;
  noJsonValid?: string;
  /** `left % right` with JavaScript's meaning (sign of the dividend), where `%` itself differs. */
  remainder?(left: string, right: string): string;
  /** count(DISTINCT) counts every NaN apart (ClickHouse's uniqExact): the compiler counts NaN once itself. */
  nanDistinctEach?: boolean;
  /**
   * GROUP BY puts -0 and 0 in different groups (ClickHouse compares float keys by their bits):
   * float keys are grouped as `x + 0`, which is 0 for both (IEEE: -0 + 0 = +0).
   */
  signedZeroGroups?: boolean;
  /** Booleans are stored as UInt8 0/1 (ClickHouse before Bool): such a column declared boolean is read as one. */
  uint8Booleans?: boolean;
  /** Decimal columns may hold NaN (PostgreSQL numeric): the compiler treats them as floats. */
  decimalNaN?: boolean;
  /** An expression compared and ordered by code point. */
  binaryCollate(expr: string): string;
  /** A relation the dialect reads itself (file scans); tables and queries are generic. */
  relation?(rel: SqlRelation, bind: (v: unknown) => string): string | undefined;
  gaps: DialectGap[];
  /**
   * The engine's own estimates behind `approx_count_distinct` and `approx_quantile`, and what they
   * promise. Absent: the engine has none, and approximate metrics are computed exactly (error 0).
   */
  approximate?: { distinct: Approximation; quantile: Approximation };
  /**
   * The engine returns a filtered scan in scan order (DuckDB preserves insertion order), so a
   * sample needs no ORDER BY and its LIMIT stops the scan at the first failing rows.
   */
  preservesScanOrder?: boolean;
  /**
   * The scan order is the data's own order (DuckDB: file order, insertion order of a table), so
   * increasing/decreasing can be judged in it. Not PostgreSQL's heap order, which an UPDATE or a
   * VACUUM FULL changes, though samples may use it (preservesScanOrder).
   */
  dataRowOrder?: boolean;
  /** `row_number()` over the scan order, where the dialect insists on an ORDER BY. */
  rowNumber?: string;
}

/** Doubles the quote character inside `q...q`: the SQL standard's escape. */
export function quoteWith(q: string): (id: string) => string {
  return (id) => `${q}${id.split(q).join(q + q)}${q}`;
}
