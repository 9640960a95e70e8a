/**
 * The filter/predicate expression language as plain data (an AST). Users write `where` filters
 * as text (parsed by src/expr/parse-expr.ts); check kinds build predicates with the constructors
 * in src/expr/build.ts. The same AST is evaluated over Arrow batches and (later) rendered to SQL,
 * which is why filters are never JavaScript closures.
 *
 * Semantics follow SQL three-valued logic: comparisons with null yield null; `where` keeps rows
 * whose filter is true; a row fails a predicate only when the predicate is false.
 * Dates and timestamps compare as instants; a string literal compared with a temporal column is
 * read as an ISO date/timestamp.
 */
export type ExprLiteral = string | number | boolean | null;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%';

/** Functions the language knows; every engine must implement each or say it cannot. */
export type ExprFunction =
  | 'length' // string length in characters
  | 'lower'
  | 'upper'
  | 'trim'
  | 'abs'
  | 'coalesce'
  | 'matches' // matches(str, 'regex source'[, 'flags'])  JavaScript regex semantics
  | 'now' // current timestamp
  | 'current_date' // today, UTC midnight
  | 'is_nan'
  | 'is_json' // is_json(str): the text is one JSON value (RFC 8259), its strings well-formed Unicode
  | 'is_date_format'; // is_date_format(str, '%Y-%m-%d'): the text is what strftime writes for a real date

export type Expr =
  | { op: 'col'; name: string }
  | { op: 'lit'; value: ExprLiteral }
  /** `interval '7 days'` and the like, as milliseconds. */
  | { op: 'interval'; ms: number; text: string }
  | { op: 'cmp'; cmp: CompareOp; left: Expr; right: Expr }
  | { op: 'and' | 'or'; args: Expr[] }
  | { op: 'not'; arg: Expr }
  | { op: 'is_null'; arg: Expr; negate: boolean }
  | { op: 'in'; arg: Expr; values: ExprLiteral[]; negate: boolean }
  | { op: 'between'; arg: Expr; low: Expr; high: Expr; negate: boolean }
  | { op: 'arith'; arith: ArithOp; left: Expr; right: Expr }
  | { op: 'neg'; arg: Expr }
  | { op: 'call'; fn: ExprFunction; args: Expr[] };
