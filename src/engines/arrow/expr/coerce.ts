import type { Expr } from '../../../model/expr.js';
import { DatacheckError } from '../../../model/issue.js';
import { formatExpr } from '../../../expr/format-expr.js';
import { parseInstant } from '../../../expr/interval.js';
import type { BoolVec, ConstVec, NumKind, NumVec, StrVec, Vec } from './vec.js';
import { dictOf } from './vec.js';

/** Shared conversions between vector shapes, and the type error every operator reports. */

export function typeError(e: Expr, expected: string, found: Vec): DatacheckError {
  return new DatacheckError({
    code: 'expr.type',
    message: `${formatExpr(e)}: expected ${expected} but found ${describeVec(found)}`,
    expected,
    found: describeVec(found),
  });
}

export function describeVec(v: Vec): string {
  switch (v.t) {
    case 'num':
      return v.kind === 'number' ? 'a number' : `a ${v.kind}`;
    case 'str':
      return 'a string';
    case 'bool':
      return 'a boolean';
    case 'const':
      if (v.kind === 'interval') return 'an interval';
      if (v.kind) return `a ${v.kind}`;
      return v.value === null ? 'null' : `${typeof v.value} ${JSON.stringify(v.value)}`;
  }
}

export const isNumeric = (v: Vec): boolean => v.t === 'num' || (v.t === 'const' && typeof v.value === 'number');
export const isStringy = (v: Vec): boolean => v.t === 'str' || (v.t === 'const' && typeof v.value === 'string' && !v.kind);
export const isNullConst = (v: Vec): boolean => v.t === 'const' && v.value === null;
export const kindOf = (v: Vec): NumKind | undefined =>
  v.t === 'num' ? v.kind : v.t === 'const' ? (v.kind ?? (typeof v.value === 'number' ? 'number' : undefined)) : undefined;
export const isTemporal = (v: Vec): boolean => kindOf(v) === 'date' || kindOf(v) === 'timestamp';

/** A string literal next to a date/timestamp operand is read as an ISO instant. */
export function instantConst(v: ConstVec): ConstVec {
  return { t: 'const', value: parseInstant(v.value as string), kind: 'timestamp' };
}

/** Numbers of any operand (broadcasting constants), with per-row validity. */
export function asNum(v: Vec, n: number, e: Expr): NumVec {
  if (v.t === 'num') return v;
  if (v.t === 'const') {
    if (v.value === null) return { t: 'num', kind: 'number', v: new Float64Array(n), valid: new Uint8Array(n) };
    if (typeof v.value === 'number') return { t: 'num', kind: v.kind ?? 'number', v: new Float64Array(n).fill(v.value), valid: null };
  }
  throw typeError(e, 'a number, date or timestamp', v);
}

export function asBool(v: Vec, n: number, e: Expr): Uint8Array {
  if (v.t === 'bool') return v.v;
  if (v.t === 'const') {
    if (v.value === null) return new Uint8Array(n).fill(2);
    if (typeof v.value === 'boolean') return new Uint8Array(n).fill(v.value ? 1 : 0);
  }
  throw typeError(e, 'a boolean (a comparison, a logical expression or a boolean column)', v);
}

export function asStr(v: Vec, n: number, e: Expr): StrVec {
  if (v.t === 'str') return v;
  if (v.t === 'const' && (v.value === null || (typeof v.value === 'string' && !v.kind))) {
    return { t: 'str', n, dict: [v.value as string | null], idx: new Int32Array(n).fill(v.value === null ? -1 : 0) };
  }
  throw typeError(e, 'a string', v);
}

/** Applies `f` once per distinct dictionary entry (or per row for plain strings) and maps it back. */
export function mapStrings<T>(s: StrVec, f: (x: string) => T, nullValue: T, out: (i: number, value: T) => void): void {
  const dict = dictOf(s);
  if (s.idx) {
    const per = dict.map((x) => (x === null ? nullValue : f(x)));
    const idx = s.idx;
    for (let i = 0; i < s.n; i++) out(i, idx[i] < 0 ? nullValue : per[idx[i]]);
  } else {
    for (let i = 0; i < s.n; i++) {
      const x = dict[i];
      out(i, x === null ? nullValue : f(x));
    }
  }
}

/** A tri-state boolean vector from a per-string test (null strings give null). */
export function testStrings(s: StrVec, f: (x: string) => boolean): BoolVec {
  const v = new Uint8Array(s.n);
  const dict = dictOf(s);
  if (s.idx) {
    const per = new Uint8Array(dict.length);
    for (let k = 0; k < dict.length; k++) per[k] = dict[k] === null ? 2 : f(dict[k] as string) ? 1 : 0;
    const idx = s.idx;
    for (let i = 0; i < s.n; i++) v[i] = idx[i] < 0 ? 2 : per[idx[i]];
  } else {
    for (let i = 0; i < s.n; i++) {
      const x = dict[i];
      v[i] = x === null ? 2 : f(x) ? 1 : 0;
    }
  }
  return { t: 'bool', v };
}

/** String vector from transformed entries (keeps the dictionary shape so work stays per entry). */
export function transformStrings(s: StrVec, f: (x: string) => string): StrVec {
  const dict = dictOf(s).map((x) => (x === null ? null : f(x)));
  return { t: 'str', n: s.n, dict, idx: s.idx };
}
