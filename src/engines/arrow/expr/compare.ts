import { BigSet } from '../big-collections.js';
import type { CompareOp, Expr, ExprLiteral } from '../../../model/expr.js';
import { asNum, asStr, instantConst, isNullConst, isNumeric, isStringy, isTemporal, testStrings, typeError } from './coerce.js';
import { matchCandidates, utf8Bytes } from './utf8.js';
import type { BoolVec, ConstVec, Vec } from './vec.js';
import { dictOf } from './vec.js';
import { listTypeError } from '../../../expr/list-type-error.js';
import { parseInstant } from '../../../expr/interval.js';

/**
 * Comparisons under SQL three-valued logic: a null operand gives null. Numbers compare as
 * doubles (int64 beyond 2^53 loses precision); NaN compares false with everything, as in
 * JavaScript. Strings compare by UTF-16 code units.
 */

const TESTS: Record<CompareOp, (a: any, b: any) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** A string literal beside a date/timestamp operand becomes an instant. */
function coerceTemporal(a: Vec, b: Vec): [Vec, Vec] {
  if (isTemporal(a) && b.t === 'const' && typeof b.value === 'string') return [a, instantConst(b)];
  if (isTemporal(b) && a.t === 'const' && typeof a.value === 'string') return [instantConst(a), b];
  return [a, b];
}

export function compareVecs(op: CompareOp, left: Vec, right: Vec, n: number, e: Expr): Vec {
  [left, right] = coerceTemporal(left, right);
  if (isNullConst(left) || isNullConst(right)) return { t: 'const', value: null };
  const test = TESTS[op];
  if (left.t === 'const' && right.t === 'const') {
    if (typeof left.value !== typeof right.value) throw typeError(e, describeSame(left), right);
    return { t: 'const', value: test(left.value, right.value) };
  }
  if (isNumeric(left) && isNumeric(right)) return compareNumbers(op, left, right, n, e);
  if (isStringy(left) && isStringy(right)) {
    if (right.t === 'const') return compareStringConst(op, left, right.value as string, n, e);
    if (left.t === 'const') return compareStringConst(FLIP[op], right, left.value as string, n, e);
    const a = asStr(left, n, e);
    const b = asStr(right, n, e);
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = stringOf(a, i);
      const y = stringOf(b, i);
      v[i] = x === null || y === null ? 2 : test(x, y) ? 1 : 0;
    }
    return { t: 'bool', v };
  }
  if (isBooly(left) && isBooly(right)) {
    const a = left.t === 'bool' ? left.v : null;
    const b = right.t === 'bool' ? right.v : null;
    const ca = left.t === 'const' ? (left.value ? 1 : 0) : 0;
    const cb = right.t === 'const' ? (right.value ? 1 : 0) : 0;
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = a ? a[i] : ca;
      const y = b ? b[i] : cb;
      v[i] = x === 2 || y === 2 ? 2 : test(x, y) ? 1 : 0;
    }
    return { t: 'bool', v };
  }
  throw typeError(e, `operands of the same type on both sides of ${op}, left is ${describeSame(left)}`, right);
}

const describeSame = (v: Vec) =>
  v.t === 'const' ? (v.kind ? `a ${v.kind}` : typeof v.value) : v.t === 'num' ? 'a number' : v.t === 'str' ? 'a string' : 'a boolean';
const isBooly = (v: Vec) => v.t === 'bool' || (v.t === 'const' && typeof v.value === 'boolean');
const stringOf = (s: { dict?: (string | null)[]; idx: Int32Array | null; n: number } & Vec, i: number): string | null => {
  const dict = dictOf(s as any);
  return s.idx ? (s.idx[i] < 0 ? null : dict[s.idx[i]]) : dict[i];
};

function compareNumbers(op: CompareOp, left: Vec, right: Vec, n: number, e: Expr): BoolVec {
  const v = new Uint8Array(n);
  if (right.t === 'const' || left.t === 'const') {
    // Vector against constant: the common case (`amount >= 0`), one tight loop.
    const flip = left.t === 'const';
    const vec = asNum(flip ? right : left, n, e);
    const c = (flip ? (left as ConstVec) : (right as ConstVec)).value as number;
    const o = flip ? FLIP[op] : op;
    const x = vec.v;
    const valid = vec.valid;
    switch (o) {
      case '=':
        for (let i = 0; i < n; i++) v[i] = x[i] === c ? 1 : 0;
        break;
      case '!=':
        for (let i = 0; i < n; i++) v[i] = x[i] !== c ? 1 : 0;
        break;
      case '<':
        for (let i = 0; i < n; i++) v[i] = x[i] < c ? 1 : 0;
        break;
      case '<=':
        for (let i = 0; i < n; i++) v[i] = x[i] <= c ? 1 : 0;
        break;
      case '>':
        for (let i = 0; i < n; i++) v[i] = x[i] > c ? 1 : 0;
        break;
      case '>=':
        for (let i = 0; i < n; i++) v[i] = x[i] >= c ? 1 : 0;
        break;
    }
    if (valid) for (let i = 0; i < n; i++) if (valid[i] === 0) v[i] = 2;
    return { t: 'bool', v };
  }
  const a = asNum(left, n, e);
  const b = asNum(right, n, e);
  const test = TESTS[op];
  for (let i = 0; i < n; i++) {
    v[i] = (a.valid && a.valid[i] === 0) || (b.valid && b.valid[i] === 0) ? 2 : test(a.v[i], b.v[i]) ? 1 : 0;
  }
  return { t: 'bool', v };
}

function compareStringConst(op: CompareOp, left: Vec, c: string, n: number, e: Expr): BoolVec {
  const s = asStr(left, n, e);
  if ((op === '=' || op === '!=') && !s.idx && !s.dict && s.utf8) {
    // Plain Utf8 equality: compare bytes, no string per row.
    const hit = matchCandidates(s.utf8, n, [utf8Bytes(c)]);
    const v = new Uint8Array(n);
    const eq = op === '=' ? 1 : 0;
    for (let i = 0; i < n; i++) v[i] = hit[i] === -2 ? 2 : hit[i] === 0 ? eq : 1 - eq;
    return { t: 'bool', v };
  }
  const test = TESTS[op];
  return testStrings(s, (x) => test(x, c));
}

/** `arg [not] in (values)`: no match gives false, or null when the list holds a null. */
export function inList(arg: Vec, values: ExprLiteral[], negate: boolean, n: number, e: Expr): Vec {
  const hasNull = values.includes(null);
  const list = values.filter((x) => x !== null);
  const miss = hasNull ? 2 : negate ? 1 : 0;
  const hitV = negate ? 0 : 1;
  if (isNullConst(arg)) return { t: 'const', value: null };
  if (arg.t === 'const') {
    const value = isTemporal(arg) ? arg.value : arg.value;
    const found = list.some((x) => (isTemporal(arg) && typeof x === 'string' ? parseInstant(x) : x) === value);
    return { t: 'const', value: found ? !negate : hasNull ? null : negate };
  }
  const v = new Uint8Array(n);
  if (arg.t === 'str') {
    for (const x of list) if (typeof x !== 'string') throw listTypeError(e, 'string values in the list', x);
    const strings = list as string[];
    if (!arg.idx && !arg.dict && arg.utf8) {
      const hit = matchCandidates(arg.utf8, n, strings.map(utf8Bytes));
      for (let i = 0; i < n; i++) v[i] = hit[i] === -2 ? 2 : hit[i] >= 0 ? hitV : miss;
      return { t: 'bool', v };
    }
    const set = new BigSet(strings);
    const r = testStrings(arg, (x) => set.has(x));
    for (let i = 0; i < n; i++) r.v[i] = r.v[i] === 2 ? 2 : r.v[i] === 1 ? hitV : miss;
    return r;
  }
  if (arg.t === 'num') {
    const nums = list.map((x) => {
      if (typeof x === 'number') return x;
      if (typeof x === 'string' && isTemporal(arg)) return parseInstant(x);
      throw listTypeError(e, 'number values in the list', x);
    });
    const set = new BigSet(nums);
    const x = arg.v;
    const valid = arg.valid;
    for (let i = 0; i < n; i++) v[i] = valid && valid[i] === 0 ? 2 : set.has(x[i]) ? hitV : miss;
    return { t: 'bool', v };
  }
  if (arg.t === 'bool') {
    for (let i = 0; i < n; i++) v[i] = arg.v[i] === 2 ? 2 : list.includes(arg.v[i] === 1) ? hitV : miss;
    return { t: 'bool', v };
  }
  throw typeError(e, 'a column or value', arg);
}
