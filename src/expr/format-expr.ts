import type { Expr, ExprLiteral } from '../model/expr.js';
import { RESERVED } from './parse-expr.js';

/**
 * Prints an expression as filter text that parses back to the same AST (parentheses only where
 * precedence needs them), e.g. for reports: `status in ('placed', 'shipped') and amount >= 0`.
 */
export function formatExpr(e: Expr): string {
  return print(e, 0);
}

// Binding strength, as in the parser: or < and < not < predicates < + - < * / % < unary < atoms.
const PREC = { or: 1, and: 2, not: 3, pred: 4, add: 5, mul: 6, unary: 7, atom: 8 };

function precOf(e: Expr): number {
  switch (e.op) {
    case 'or':
      return e.args.length === 1 ? precOf(e.args[0]) : e.args.length === 0 ? PREC.atom : PREC.or;
    case 'and':
      return e.args.length === 1 ? precOf(e.args[0]) : e.args.length === 0 ? PREC.atom : PREC.and;
    case 'not':
      return PREC.not;
    case 'cmp':
    case 'is_null':
    case 'in':
    case 'between':
      return PREC.pred;
    case 'arith':
      return e.arith === '+' || e.arith === '-' ? PREC.add : PREC.mul;
    case 'neg':
      return PREC.unary;
    default:
      return PREC.atom;
  }
}

function print(e: Expr, min: number): string {
  const text = printBare(e);
  return precOf(e) < min ? `(${text})` : text;
}

function printBare(e: Expr): string {
  switch (e.op) {
    case 'col':
      return formatIdent(e.name);
    case 'lit':
      return formatLiteral(e.value);
    case 'interval':
      return `interval ${quote(e.text)}`;
    case 'cmp':
      return `${print(e.left, PREC.add)} ${e.cmp} ${print(e.right, PREC.add)}`;
    case 'and':
    case 'or':
      if (e.args.length === 0) return e.op === 'and' ? 'true' : 'false';
      return e.args.map((a) => print(a, precOf(e) + 1)).join(` ${e.op} `);
    case 'not':
      return `not ${print(e.arg, PREC.not)}`;
    case 'is_null':
      return `${print(e.arg, PREC.add)} is ${e.negate ? 'not ' : ''}null`;
    case 'in':
      return `${print(e.arg, PREC.add)} ${e.negate ? 'not ' : ''}in (${e.values.map(formatLiteral).join(', ')})`;
    case 'between':
      return `${print(e.arg, PREC.add)} ${e.negate ? 'not ' : ''}between ${print(e.low, PREC.add)} and ${print(e.high, PREC.add)}`;
    case 'arith': {
      const p = precOf(e);
      return `${print(e.left, p)} ${e.arith} ${print(e.right, p + 1)}`;
    }
    case 'neg': {
      // A literal right after '-' would be read back as a negative literal, so parenthesize it.
      const inner = e.arg.op === 'lit' && typeof e.arg.value === 'number' ? `(${printBare(e.arg)})` : print(e.arg, PREC.unary);
      return `-${inner.startsWith('-') ? ' ' : ''}${inner}`;
    }
    case 'call':
      if (e.fn === 'current_date' && e.args.length === 0) return 'current_date';
      return `${e.fn}(${e.args.map((a) => print(a, 0)).join(', ')})`;
  }
}

export function formatLiteral(v: ExprLiteral): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return String(v);
}

export function formatIdent(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase()) ? name : `"${name.replace(/"/g, '""')}"`;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
