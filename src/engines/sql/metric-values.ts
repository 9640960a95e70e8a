import { DatacheckError } from '../../model/issue.js';
import type { SqlExpr } from './ast.js';
import { col, fn, isNull, not } from './ast.js';
import type { ExprContext } from './compile-expr.js';

/** The Arrow engine's issue for a metric on a column the data lacks. */
export function missingColumn(column: string, ctx: ExprContext): DatacheckError {
  const present = [...ctx.columns.keys()];
  return new DatacheckError({
    code: 'metric.missing_column',
    message: `column '${column}' is not in the data (columns: ${present.join(', ')})`,
    expected: `one of ${present.join(', ')}`,
    found: column,
  });
}

function unknownColumn(column: string, ctx: ExprContext): DatacheckError {
  return new DatacheckError({
    code: 'expr.unknown_column',
    message: `unknown column '${column}'`,
    expected: `one of ${[...ctx.columns.keys()].join(', ')}`,
    found: column,
  });
}

function unsupportedType(metric: string, column: string, expected: string, found: string): DatacheckError {
  return new DatacheckError({
    code: 'metric.unsupported_type',
    message: `${metric} of '${column}' needs ${expected} column but found ${found}`,
    expected: `${expected} column`,
    found,
  });
}

/** A value aggregates read, with the conditions that keep only real values (not null, not NaN). */
export interface MetricValue {
  expr: SqlExpr;
  keep: SqlExpr[];
}

/**
 * min/max input: numbers and instants as stored (the connection turns instants into epoch ms),
 * strings in code-point order, NaN left out as the Arrow engine leaves it out.
 */
export function orderedValue(column: string, metric: string, ctx: ExprContext): MetricValue {
  const kind = ctx.columns.get(column);
  if (kind === undefined) throw unknownColumn(column, ctx);
  const c = col(column, ctx.table);
  switch (kind) {
    case 'number':
    case 'date':
    case 'timestamp':
      return { expr: c, keep: [] };
    case 'float':
      return { expr: c, keep: [not(fn('is_nan', [c]))] };
    case 'string':
      return { expr: { t: 'binary_collate', arg: c }, keep: [] };
    default:
      throw unsupportedType(metric, column, 'a number, date, timestamp or string', kind === 'bool' ? 'a boolean' : 'another type');
  }
}

/** A numeric value as a double (instants as epoch ms), non-null and not NaN. */
export function numericValue(column: string, metric: string, ctx: ExprContext): MetricValue {
  const kind = ctx.columns.get(column);
  if (kind === undefined) throw unknownColumn(column, ctx);
  const c = col(column, ctx.table);
  const asDouble = (e: SqlExpr): SqlExpr => ({ t: 'cast', arg: e, type: 'double' });
  switch (kind) {
    case 'number':
      return { expr: asDouble(c), keep: [isNull(c, true)] };
    case 'float':
      return { expr: c, keep: [isNull(c, true), not(fn('is_nan', [c]))] };
    case 'date':
    case 'timestamp':
      return { expr: asDouble(fn('epoch_ms', [c])), keep: [isNull(c, true)] };
    default:
      throw unsupportedType(
        metric,
        column,
        'a numeric, date or timestamp',
        kind === 'string' ? 'a string' : kind === 'bool' ? 'a boolean' : 'another type',
      );
  }
}
