import type { Expr, ExprLiteral } from '../model/expr.js';
import { DatacheckError } from '../model/issue.js';
import { formatExpr } from './format-expr.js';

/**
 * `x in (...)` whose list does not fit the column's type, said without the list or the value: the
 * list can be another dataset's keys (a referential check), possibly personal data and millions
 * long (a 6 MB message before this). Both engines raise this same issue.
 */
export function listTypeError(e: Expr, expected: string, found: ExprLiteral): DatacheckError {
  const subject = e.op === 'in' ? `${formatExpr(e.arg)} ${e.negate ? 'not ' : ''}in (a list of ${e.values.length} values)` : formatExpr(e);
  const foundText =
    found === null ? 'null' : `a ${typeof found === 'number' ? 'number' : typeof found === 'boolean' ? 'boolean' : 'string'} value`;
  return new DatacheckError({
    code: 'expr.type',
    message: `${subject}: expected ${expected} but found ${foundText}`,
    expected,
    found: foundText,
  });
}
