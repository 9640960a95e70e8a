import type { Expr } from '../../model/expr.js';
import type { MetricSpec, PlannedMetric } from '../../model/metric.js';
import type { From, SqlExpr } from './ast.js';
import { and, col, isNull, not } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, compilePredicate } from './compile-expr.js';
import type { Dialect, DialectGap } from './dialect.js';
import { missingColumn } from './metric-values.js';

/*
 * What the plan compiler and the extra queries (compile-extra.ts) both start from: the compile
 * input and the row filters. A module of its own so the two compilers share it without importing
 * each other.
 */

export interface CompileInput {
  dialect: Dialect;
  /** What the queries read: a relation, or a typed view over one (text files). */
  from: From;
  /** Kinds of the columns in the data (from the catalog at run time, the contract at plan time). */
  columns: ColumnKinds;
  metrics: PlannedMetric[];
  nowMs: number;
  /** Text sources: each typed column's raw text, so values that did not parse can be counted. */
  rawColumns?: Map<string, string>;
  /** Referenced datasets readable on the same connection: orphan keys become an anti-join. */
  references?: Map<string, { from: From; columns: ColumnKinds }>;
  /** The columns failing-row samples may show (the contract's); default all. */
  sampleColumns?: readonly string[];
  /** False: the relation has no one row order (SqlConnection.rowOrder), so samples are not numbered. */
  rowNumbers?: boolean;
}

/** A `where` filter combined with more conditions (undefined: every row). */
/** A GROUP BY key that puts -0 with 0, as every other engine and JavaScript's Map do. */
export function groupKey(input: CompileInput, expr: SqlExpr, kind: string | undefined): SqlExpr {
  return input.dialect.signedZeroGroups && kind === 'float' ? { t: 'bin', op: '+', left: expr, right: { t: 'num', value: 0 } } : expr;
}

export function filterOf(where: Expr | undefined, ctx: ExprContext, ...more: SqlExpr[]): SqlExpr | undefined {
  const parts = [...(where ? [compilePredicate(where, ctx)] : []), ...more];
  return parts.length === 0 ? undefined : and(...parts);
}

/**
 * Rows a row-level metric considers: passing `where` and, unless nulls count, a non-null column.
 * When nulls count, a text value that did not parse (typed null, raw text present) is left out:
 * it is the type check's finding alone, as on the Arrow path.
 */
export function consideredFilter(
  spec: Extract<MetricSpec, { kind: 'predicate_failures' }>,
  ctx: ExprContext,
  rawColumns?: Map<string, string>,
): SqlExpr | undefined {
  const keep: SqlExpr[] = [];
  if (spec.column !== undefined && !spec.includeNulls) {
    if (!ctx.columns.has(spec.column)) throw missingColumn(spec.column, ctx);
    keep.push(isNull(col(spec.column, ctx.table), true));
  }
  const raw = spec.column !== undefined && spec.includeNulls ? rawColumns?.get(spec.column) : undefined;
  if (raw !== undefined) keep.push(not(and(isNull(col(spec.column!, ctx.table)), isNull(col(raw, ctx.table), true))));
  return filterOf(spec.where, ctx, ...keep);
}

const GAP_WORDS: Record<DialectGap, string> = {
  window: 'has no window functions',
  correlated_subquery: 'has no correlated subqueries',
  exact_quantile: 'has no exact quantile aggregate',
  row_number: 'has no row numbers',
  float_remainder: 'has no exact floating-point remainder',
};

/** Throws SqlUnsupported (the metric ends `sql.unsupported`) when the dialect lacks what a query needs. */
export function refuseGap(input: CompileInput, gap: DialectGap, what: string): void {
  if (input.dialect.gaps.includes(gap)) throw new SqlUnsupported(`${what} ${input.dialect.name} ${GAP_WORDS[gap]}`);
}

/** The key columns of a compound-key metric, each one the relation must have. */
export function keyColumns(columns: string[], ctx: ExprContext): SqlExpr[] {
  return columns.map((c) => {
    if (!ctx.columns.has(c)) throw missingColumn(c, ctx);
    return col(c);
  });
}
