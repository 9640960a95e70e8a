import type { CompareOp, Expr, ExprLiteral } from '../../model/expr.js';
import { DatacheckError } from '../../model/issue.js';
import { formatExpr } from '../../expr/format-expr.js';
import { listTypeError } from '../../expr/list-type-error.js';
import { parseInstant } from '../../expr/interval.js';
import { compileRegex } from '../../expr/regex-cache.js';
import { arithRule } from '../../expr/arith-rules.js';
import type { OperandKind } from '../../expr/arith-rules.js';
import type { SqlExpr } from './ast.js';
import { FALSE, NULL, TRUE, and, bin, fn, isNull, not, or, param } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import type { Dialect } from './dialect.js';
import { translateRegex } from './regex.js';
import { strftimeRegex } from '../../expr/strftime-regex.js';
import { JS_WHITESPACE } from './js-whitespace.js';

/** A metric or filter the dialect cannot express exactly: reported, never approximated. */
export class SqlUnsupported extends Error {}

/** What a compiled expression holds; dates and timestamps are epoch milliseconds (numbers). */
type Kind = 'number' | 'float' | 'string' | 'bool' | 'date' | 'timestamp' | 'interval' | 'null';
interface Typed {
  sql: SqlExpr;
  kind: Kind;
  /** A literal's value, for the type rules that look at literals (ISO strings beside instants). */
  literal?: ExprLiteral;
}

export interface ExprContext {
  dialect: Dialect;
  columns: ColumnKinds;
  /** The run's instant: now() and current_date are bound values, as in the Arrow engine. */
  nowMs: number;
  /** Table alias to qualify columns with (anti-joins). */
  table?: string;
}

const DAY_MS = 86_400_000;

/** A predicate in SQL with the Arrow engine's meaning (three-valued logic, NaN as JavaScript sees it). */
export function compilePredicate(e: Expr, ctx: ExprContext): SqlExpr {
  const t = compileExpr(e, ctx);
  if (t.kind === 'null') return NULL;
  if (t.kind !== 'bool') throw typeError(e, 'a boolean (a comparison, a logical expression or a boolean column)', t);
  return t.sql;
}

/** A numeric/temporal/string value of a column, as metrics read it (temporal -> epoch ms). */
export function columnValue(name: string, ctx: ExprContext): Typed {
  return compileExpr({ op: 'col', name }, ctx);
}

export function compileExpr(e: Expr, ctx: ExprContext): Typed {
  const sub = (x: Expr) => compileExpr(x, ctx);
  switch (e.op) {
    case 'col':
      return column(e.name, ctx);
    case 'lit':
      return literal(e.value);
    case 'interval':
      return { sql: num(e.ms), kind: 'interval' };
    case 'cmp':
      return compare(e.cmp, sub(e.left), sub(e.right), e, ctx);
    case 'and':
    case 'or': {
      if (e.args.length === 0) return { sql: e.op === 'and' ? TRUE : FALSE, kind: 'bool' };
      const args = e.args.map((a) => boolOf(sub(a), e));
      return { sql: e.op === 'and' ? and(...args) : or(...args), kind: 'bool' };
    }
    case 'not':
      return { sql: not(boolOf(sub(e.arg), e.arg)), kind: 'bool' };
    case 'is_null': {
      // A date/timestamp reads as epoch_ms(col): test the column itself, which is the same and cheaper.
      const arg =
        e.arg.op === 'col' && ctx.columns.has(e.arg.name)
          ? ({ t: 'col', name: e.arg.name, ...(ctx.table !== undefined && { table: ctx.table }) } as SqlExpr)
          : sub(e.arg).sql;
      return { sql: isNull(arg, e.negate), kind: 'bool' };
    }
    case 'in':
      return inList(sub(e.arg), e.values, e.negate, e);
    case 'between': {
      const arg = sub(e.arg);
      const inside = and(compare('>=', arg, sub(e.low), e, ctx).sql, compare('<=', arg, sub(e.high), e, ctx).sql);
      return { sql: e.negate ? not(inside) : inside, kind: 'bool' };
    }
    case 'arith':
      return arith(e.arith, sub(e.left), sub(e.right), e, ctx);
    case 'neg': {
      const a = sub(e.arg);
      if (a.kind === 'null') return a;
      if (!isNumeric(a) || a.kind === 'date' || a.kind === 'timestamp') throw typeError(e, 'a number', a);
      return { sql: bin('-', num(0), asDouble(a.sql)), kind: a.kind };
    }
    case 'call':
      return call(e, ctx);
  }
}

function column(name: string, ctx: ExprContext): Typed {
  const kind = ctx.columns.get(name);
  if (kind === undefined) {
    throw new DatacheckError({
      code: 'expr.unknown_column',
      message: `unknown column '${name}'`,
      expected: `one of ${[...ctx.columns.keys()].join(', ')}`,
      found: name,
    });
  }
  const ref: SqlExpr = { t: 'col', name, ...(ctx.table !== undefined && { table: ctx.table }) };
  if (kind === 'date' || kind === 'timestamp') return { sql: fn('epoch_ms', [ref]), kind };
  if (kind === 'other') {
    throw new DatacheckError({
      code: 'expr.unsupported_type',
      message: `column '${name}' has a type expressions cannot read`,
      expected: 'a number, decimal, boolean, string, date or timestamp column',
    });
  }
  return { sql: ref, kind };
}

function literal(value: ExprLiteral): Typed {
  if (value === null) return { sql: NULL, kind: 'null', literal: null };
  if (typeof value === 'number') return { sql: num(value), kind: 'number', literal: value };
  if (typeof value === 'string') return { sql: { t: 'cast', arg: param(value), type: 'varchar' }, kind: 'string', literal: value };
  return { sql: { t: 'cast', arg: param(value), type: 'boolean' }, kind: 'bool', literal: value };
}

/** A bound number, typed as a double so every engine compares it like JavaScript does. */
function num(x: number): SqlExpr {
  return { t: 'cast', arg: param(x), type: 'double' };
}

const isNumeric = (t: Typed) =>
  t.kind === 'number' || t.kind === 'float' || t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'interval';
const isTemporal = (t: Typed) => t.kind === 'date' || t.kind === 'timestamp';
const asDouble = (e: SqlExpr): SqlExpr => (e.t === 'cast' && e.type === 'double' ? e : { t: 'cast', arg: e, type: 'double' });

/** A string literal beside a date/timestamp is an ISO instant, read here exactly as the Arrow engine reads it. */
function instants(a: Typed, b: Typed): [Typed, Typed] {
  const toInstant = (t: Typed): Typed => ({ sql: num(parseInstant(t.literal as string)), kind: 'timestamp' });
  if (isTemporal(a) && b.kind === 'string' && typeof b.literal === 'string') return [a, toInstant(b)];
  if (isTemporal(b) && a.kind === 'string' && typeof a.literal === 'string') return [toInstant(a), b];
  return [a, b];
}

const SQL_OP: Record<CompareOp, '=' | '<>' | '<' | '<=' | '>' | '>='> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function compare(op: CompareOp, left: Typed, right: Typed, e: Expr, _ctx: ExprContext): Typed {
  [left, right] = instants(left, right);
  if (left.kind === 'null' || right.kind === 'null') return { sql: NULL, kind: 'null' };
  const plain: SqlExpr = { t: 'bin', op: SQL_OP[op], left: left.sql, right: right.sql };
  if (isNumeric(left) && isNumeric(right)) {
    const floats = [left, right].filter((x) => x.kind === 'float').map((x) => x.sql);
    if (floats.length === 0) return { sql: plain, kind: 'bool' };
    // SQL engines call NaN equal to itself and larger than everything; JavaScript says every
    // comparison with NaN is false (and != true). Nulls stay null.
    const nan = or(...floats.map((f) => fn('is_nan', [f])));
    if (left.literal !== undefined || right.literal !== undefined) {
      // Against a literal: AND NOT isnan / OR isnan keep null as null and need no CASE.
      return { sql: op === '!=' ? or(plain, nan) : and(plain, not(nan)), kind: 'bool' };
    }
    const nulls = or(...[left, right].filter((x) => x.literal === undefined).map((x) => isNull(x.sql)));
    return {
      sql: {
        t: 'case',
        whens: [
          [nulls, NULL],
          [nan, op === '!=' ? TRUE : FALSE],
        ],
        else: plain,
      },
      kind: 'bool',
    };
  }
  if (left.kind === 'string' && right.kind === 'string') return { sql: { ...plain, binaryCollation: true } as SqlExpr, kind: 'bool' };
  if (left.kind === 'bool' && right.kind === 'bool') {
    if (op === '=' || op === '!=') return { sql: plain, kind: 'bool' };
    // false < true, as in JavaScript (0 < 1): compare as integers.
    const n = (x: SqlExpr): SqlExpr => ({
      t: 'case',
      whens: [
        [x, num(1)],
        [not(x), num(0)],
      ],
    });
    return { sql: bin(SQL_OP[op], n(left.sql), n(right.sql)), kind: 'bool' };
  }

  throw typeError(e, `operands of the same type on both sides of ${op}, left is ${describe(left)}`, right);
}

function inList(arg: Typed, values: ExprLiteral[], negate: boolean, e: Expr): Typed {
  if (arg.kind === 'null') return { sql: NULL, kind: 'null' };
  const hasNull = values.includes(null);
  const present = values.filter((v) => v !== null);
  const items: SqlExpr[] = present.map((v) => {
    if (arg.kind === 'string') {
      if (typeof v !== 'string') throw listTypeError(e, 'string values in the list', v);
      return literal(v).sql;
    }
    if (isNumeric(arg)) {
      if (typeof v === 'number') return num(v);
      if (typeof v === 'string' && isTemporal(arg)) return num(parseInstant(v));
      throw listTypeError(e, 'number values in the list', v);
    }
    if (arg.kind === 'bool') {
      if (typeof v !== 'boolean') throw listTypeError(e, 'boolean values in the list', v);
      return literal(v).sql;
    }
    throw typeError(e, 'a column or value', arg);
  });
  if (items.length === 0) {
    // x IN () is not SQL: no match, so false (or null when the list held a null), null for a null x.
    const miss = hasNull ? NULL : negate ? TRUE : FALSE;
    return { sql: { t: 'case', whens: [[isNull(arg.sql), NULL]], else: miss }, kind: 'bool' };
  }
  if (hasNull) items.push(NULL);
  const test: SqlExpr = { t: 'in', arg: arg.kind === 'string' ? { t: 'binary_collate', arg: arg.sql } : arg.sql, list: items, negate };
  return { sql: test, kind: 'bool' };
}

function arith(op: '+' | '-' | '*' | '/' | '%', left: Typed, right: Typed, e: Expr, ctx: ExprContext): Typed {
  [left, right] = instants(left, right);
  if (left.kind === 'null' || right.kind === 'null') return { sql: NULL, kind: 'null' };
  if (!isNumeric(left)) throw typeError(e, 'a number, date or timestamp', left);
  if (!isNumeric(right)) throw typeError(e, 'a number, date or timestamp', right);
  const operand = (t: Typed): OperandKind => (t.kind === 'float' ? 'number' : (t.kind as OperandKind));
  if (op === '%') wholeRemainder(left, right, ctx);
  const rule = arithRule(op, operand(left), operand(right));
  if ('expected' in rule) throw typeError(e, rule.expected, rule.blame === 'left' ? left : right);
  const scaled = (x: SqlExpr, scale: number) => (scale === 1 ? asDouble(x) : bin('*', asDouble(x), num(scale)));
  const l = scaled(left.sql, rule.scaleLeft);
  let r = scaled(right.sql, rule.scaleRight);
  // A float operand may be NaN or infinite: the result may be NaN too.
  const kind: Kind = rule.kind === 'number' && (left.kind === 'float' || right.kind === 'float') ? 'float' : rule.kind;
  // Division and modulo by zero give null, as in the Arrow engine.
  if (op === '/' || op === '%') r = nullIfZero(r);
  return { sql: bin(op, l, r), kind };
}

/** A dialect that computes `%` from a quotient is exact only on whole numbers: refuse fractions rather than differ. */
function wholeRemainder(left: Typed, right: Typed, ctx: ExprContext): void {
  if (!ctx.dialect.gaps.includes('float_remainder')) return;
  const fractional = (t: Typed) => t.kind === 'float' || (typeof t.literal === 'number' && !Number.isInteger(t.literal));
  if (fractional(left) || fractional(right)) {
    throw new SqlUnsupported(
      `${ctx.dialect.name} has no exact floating-point remainder; % is pushed down for whole numbers (integer columns and literals) only`,
    );
  }
}

function nullIfZero(x: SqlExpr): SqlExpr {
  return { t: 'case', whens: [[bin('=', x, num(0)), NULL]], else: x };
}

function call(e: Extract<Expr, { op: 'call' }>, ctx: ExprContext): Typed {
  const args = e.args.map((a) => compileExpr(a, ctx));
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) {
      throw new DatacheckError({
        code: 'expr.arity',
        message: `${e.fn}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'} but got ${args.length}`,
      });
    }
  };
  const str = (t: Typed) => {
    if (t.kind !== 'string') throw typeError(e, 'a string', t);
    return t.sql;
  };
  switch (e.fn) {
    case 'now':
      arity(0);
      return { sql: num(ctx.nowMs), kind: 'timestamp' };
    case 'current_date':
      arity(0);
      return { sql: num(Math.floor(ctx.nowMs / DAY_MS) * DAY_MS), kind: 'date' };
    case 'length':
      arity(1);
      return args[0].kind === 'null' ? args[0] : { sql: fn('length', [str(args[0])]), kind: 'number' };
    case 'lower':
    case 'upper':
      arity(1);
      return args[0].kind === 'null' ? args[0] : { sql: fn(e.fn, [str(args[0])]), kind: 'string' };
    case 'trim':
      arity(1);
      return args[0].kind === 'null' ? args[0] : { sql: fn('trim', [str(args[0]), literal(JS_WHITESPACE).sql]), kind: 'string' };
    case 'abs': {
      arity(1);
      const a = args[0];
      if (a.kind === 'null') return a;
      if (!isNumeric(a)) throw typeError(e, 'a number, date or timestamp', a);
      return { sql: fn('abs', [a.sql]), kind: a.kind };
    }
    case 'is_nan': {
      arity(1);
      const a = args[0];
      if (a.kind === 'null') return a;
      if (!isNumeric(a)) throw typeError(e, 'a number, date or timestamp', a);
      if (a.kind === 'float') return { sql: fn('is_nan', [a.sql]), kind: 'bool' };
      return { sql: { t: 'case', whens: [[isNull(a.sql), NULL]], else: FALSE }, kind: 'bool' };
    }
    case 'matches':
      return matches(e, args, ctx);
    case 'is_json':
      arity(1);
      if (args[0].kind === 'null') return args[0];
      if (!ctx.dialect.jsonValid)
        throw new SqlUnsupported(
          `is_json() cannot run in ${ctx.dialect.name}: ${ctx.dialect.noJsonValid ?? 'datacheck knows no exact JSON validity test in it'}`,
        );
      return { sql: { t: 'json_valid', arg: str(args[0]) }, kind: 'bool' };
    case 'is_date_format':
      return dateFormat(e, args, ctx);
    case 'coalesce': {
      if (args.length === 0) arity(1, Infinity);
      const live = args.filter((a) => a.kind !== 'null');
      if (live.length === 0) return { sql: NULL, kind: 'null' };
      const kind = live.find((a) => a.kind === 'float')?.kind ?? live.find((a) => isTemporal(a))?.kind ?? live[0].kind;
      return {
        sql: fn(
          'coalesce',
          live.map((a) => a.sql),
        ),
        kind,
      };
    }
  }
}

function matches(e: Extract<Expr, { op: 'call' }>, args: Typed[], ctx: ExprContext): Typed {
  if (args.length < 2 || args.length > 3)
    throw new DatacheckError({ code: 'expr.arity', message: `matches() takes 2 to 3 arguments but got ${args.length}` });
  const [subject, pattern, flags] = args;
  if (pattern.kind !== 'string' || typeof pattern.literal !== 'string') throw typeError(e, 'a string literal as the pattern', pattern);
  if (flags && (flags.kind !== 'string' || typeof flags.literal !== 'string')) throw typeError(e, 'a string literal as the flags', flags);
  const flagText = (flags?.literal as string | undefined) ?? '';
  compileRegex(pattern.literal, flagText); // the same error as the Arrow engine for an invalid pattern
  if (subject.kind === 'null') return subject;
  if (subject.kind !== 'string') throw typeError(e, 'a string', subject);
  const t = translateRegex(pattern.literal, flagText, ctx.dialect.regexFeatures);
  if (!t.ok)
    throw new SqlUnsupported(`the regular expression /${pattern.literal}/${flagText} cannot run in ${ctx.dialect.name}: ${t.reason}`);
  return { sql: { t: 'regex', subject: subject.sql, pattern: t.pattern, caseInsensitive: t.caseInsensitive }, kind: 'bool' };
}

/** The format becomes one regex (src/expr/strftime-regex.ts), so the calendar test is the Arrow engine's, to the character. */
function dateFormat(e: Extract<Expr, { op: 'call' }>, args: Typed[], ctx: ExprContext): Typed {
  if (args.length !== 2)
    throw new DatacheckError({ code: 'expr.arity', message: `is_date_format() takes 2 arguments but got ${args.length}` });
  const [subject, format] = args;
  if (format.kind !== 'string' || typeof format.literal !== 'string') throw typeError(e, 'a string literal as the format', format);
  const source = strftimeRegex(format.literal);
  if (subject.kind === 'null') return subject;
  if (subject.kind !== 'string') throw typeError(e, 'a string', subject);
  const t = translateRegex(source, '', ctx.dialect.regexFeatures);
  if (!t.ok) throw new SqlUnsupported(`the date format '${format.literal}' cannot run in ${ctx.dialect.name}: ${t.reason}`);
  return { sql: { t: 'regex', subject: subject.sql, pattern: t.pattern, caseInsensitive: false }, kind: 'bool' };
}

function boolOf(t: Typed, e: Expr): SqlExpr {
  if (t.kind === 'null') return NULL;
  if (t.kind !== 'bool') throw typeError(e, 'a boolean (a comparison, a logical expression or a boolean column)', t);
  return t.sql;
}

function describe(t: Typed): string {
  if (t.literal !== undefined) return t.literal === null ? 'null' : `${typeof t.literal} ${JSON.stringify(t.literal)}`;
  return t.kind === 'float' || t.kind === 'number' ? 'a number' : t.kind === 'bool' ? 'a boolean' : `a ${t.kind}`;
}

function typeError(e: Expr, expected: string, found: Typed): DatacheckError {
  return new DatacheckError({
    code: 'expr.type',
    message: `${formatExpr(e)}: expected ${expected} but found ${describe(found)}`,
    expected,
    found: describe(found),
  });
}
