import type { CompareOp, Expr, ExprFunction, ExprLiteral } from '../model/expr.js';

/** Small constructors so check kinds build predicates as data, never as concatenated text. */
export const col = (name: string): Expr => ({ op: 'col', name });
export const lit = (value: ExprLiteral): Expr => ({ op: 'lit', value });
export const cmp = (c: CompareOp, left: Expr, right: Expr): Expr => ({ op: 'cmp', cmp: c, left, right });
export const and = (...args: Expr[]): Expr => (args.length === 1 ? args[0] : { op: 'and', args });
export const or = (...args: Expr[]): Expr => (args.length === 1 ? args[0] : { op: 'or', args });
export const not = (arg: Expr): Expr => ({ op: 'not', arg });
export const isNull = (arg: Expr, negate = false): Expr => ({ op: 'is_null', arg, negate });
export const inList = (arg: Expr, values: ExprLiteral[], negate = false): Expr => ({ op: 'in', arg, values, negate });
export const call = (fn: ExprFunction, ...args: Expr[]): Expr => ({ op: 'call', fn, args });
