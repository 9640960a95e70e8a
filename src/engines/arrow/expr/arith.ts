import type { ArithOp, Expr } from '../../../model/expr.js';
import { asNum, instantConst, isNullConst, isTemporal, kindOf, typeError } from './coerce.js';
import type { Vec } from './vec.js';
import { arithRule } from '../../../expr/arith-rules.js';

/**
 * Arithmetic on numbers and instants. Dates/timestamps are epoch ms: `temporal ± interval` shifts
 * by the interval, `temporal ± n` shifts by n days (so `current_date - 7` is a week ago),
 * `temporal - temporal` is a number of ms. Division or modulo by zero gives null (as DuckDB does).
 */
export function arithVecs(op: ArithOp, left: Vec, right: Vec, n: number, e: Expr): Vec {
  if (isTemporal(left) && right.t === 'const' && typeof right.value === 'string') right = instantConst(right);
  if (isTemporal(right) && left.t === 'const' && typeof left.value === 'string') left = instantConst(left);
  if (isNullConst(left) || isNullConst(right)) return { t: 'const', value: null };
  const lk = kindOf(left);
  const rk = kindOf(right);
  if (lk === undefined) throw typeError(e, 'a number, date or timestamp', left);
  if (rk === undefined) throw typeError(e, 'a number, date or timestamp', right);
  const rule = arithRule(op, lk, rk);
  if ('expected' in rule) throw typeError(e, rule.expected, rule.blame === 'left' ? left : right);
  const { kind, scaleLeft, scaleRight } = rule;
  if (left.t === 'const' && right.t === 'const') {
    const r = apply(op, (left.value as number) * scaleLeft, (right.value as number) * scaleRight);
    return Number.isNaN(r) && (op === '/' || op === '%') && right.value === 0
      ? { t: 'const', value: null }
      : { t: 'const', value: r, kind: kind === 'number' ? undefined : kind };
  }
  const a = asNum(left, n, e);
  const b = asNum(right, n, e);
  const v = new Float64Array(n);
  let valid: Uint8Array | null = a.valid || b.valid ? new Uint8Array(n).fill(1) : null;
  if (valid) for (let i = 0; i < n; i++) if ((a.valid && !a.valid[i]) || (b.valid && !b.valid[i])) valid[i] = 0;
  const x = a.v;
  const y = b.v;
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) v[i] = x[i] * scaleLeft + y[i] * scaleRight;
      break;
    case '-':
      for (let i = 0; i < n; i++) v[i] = x[i] * scaleLeft - y[i] * scaleRight;
      break;
    case '*':
      for (let i = 0; i < n; i++) v[i] = x[i] * y[i];
      break;
    case '/':
    case '%':
      for (let i = 0; i < n; i++) {
        if (y[i] === 0) {
          valid ??= new Uint8Array(n).fill(1);
          valid[i] = 0;
        } else v[i] = op === '/' ? x[i] / y[i] : x[i] % y[i];
      }
      break;
  }
  return { t: 'num', kind, v, valid };
}

function apply(op: ArithOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? NaN : a / b;
    case '%':
      return b === 0 ? NaN : a % b;
  }
}

export function negate(arg: Vec, n: number, e: Expr): Vec {
  if (isNullConst(arg)) return arg;
  if (arg.t === 'const' && typeof arg.value === 'number') return { t: 'const', value: -arg.value, kind: arg.kind };
  const a = asNum(arg, n, e);
  if (a.kind === 'date' || a.kind === 'timestamp') throw typeError(e, 'a number', a);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = -a.v[i];
  return { t: 'num', kind: a.kind, v, valid: a.valid };
}
