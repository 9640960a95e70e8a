import type { Expr } from '../../../model/expr.js';
import { DatacheckError } from '../../../model/issue.js';
import { asBool, asNum, asStr, isNullConst, mapStrings, testStrings, transformStrings, typeError } from './coerce.js';
import { compileRegex } from '../../../expr/regex-cache.js';
import { asciiMatcherFor, matchBytes } from './byte-patterns.js';
import { strftimeRegex } from '../../../expr/strftime-regex.js';
import { isJsonText } from '../../../expr/json-text.js';
import type { Vec } from './vec.js';
import { dictOf } from './vec.js';

export interface FunctionContext {
  /** Instant that now() and current_date read (fixed per run so results are reproducible). */
  nowMs: number;
}

type CallExpr = Extract<Expr, { op: 'call' }>;

/** Built-in functions over whole vectors; string functions work once per dictionary entry. */
export function callFunction(e: CallExpr, args: Vec[], n: number, ctx: FunctionContext): Vec {
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) {
      throw new DatacheckError({
        code: 'expr.arity',
        message: `${e.fn}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'} but got ${args.length}`,
        expected: `${min === max ? min : `${min}-${max}`} arguments`,
        found: String(args.length),
      });
    }
  };
  switch (e.fn) {
    case 'now':
      arity(0);
      return { t: 'const', value: ctx.nowMs, kind: 'timestamp' };
    case 'current_date':
      arity(0);
      return { t: 'const', value: Math.floor(ctx.nowMs / 86_400_000) * 86_400_000, kind: 'date' };
    case 'length': {
      arity(1);
      if (isNullConst(args[0])) return args[0];
      const s = asStr(args[0], n, e);
      const v = new Float64Array(n);
      const valid = new Uint8Array(n);
      mapStrings(s, codePoints, -1, (i, len) => {
        v[i] = len;
        valid[i] = len < 0 ? 0 : 1;
      });
      return { t: 'num', kind: 'number', v, valid };
    }
    case 'lower':
    case 'upper':
    case 'trim': {
      arity(1);
      if (isNullConst(args[0])) return args[0];
      const s = asStr(args[0], n, e);
      const f =
        e.fn === 'lower' ? (x: string) => x.toLowerCase() : e.fn === 'upper' ? (x: string) => x.toUpperCase() : (x: string) => x.trim();
      return transformStrings(s, f);
    }
    case 'abs': {
      arity(1);
      if (isNullConst(args[0])) return args[0];
      const a = asNum(args[0], n, e);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = Math.abs(a.v[i]);
      return { t: 'num', kind: a.kind, v, valid: a.valid };
    }
    case 'is_nan': {
      arity(1);
      if (isNullConst(args[0])) return args[0];
      const a = asNum(args[0], n, e);
      const v = new Uint8Array(n);
      for (let i = 0; i < n; i++) v[i] = a.valid && a.valid[i] === 0 ? 2 : Number.isNaN(a.v[i]) ? 1 : 0;
      return { t: 'bool', v };
    }
    case 'matches': {
      arity(2, 3);
      const [subject, pattern, flags] = args;
      if (pattern.t !== 'const' || typeof pattern.value !== 'string') throw typeError(e, 'a string literal as the pattern', pattern);
      if (flags && (flags.t !== 'const' || typeof flags.value !== 'string')) throw typeError(e, 'a string literal as the flags', flags);
      const re = compileRegex(pattern.value, flags ? (flags.value as string) : '');
      if (isNullConst(subject)) return subject;
      const strings = asStr(subject, n, e);
      const ascii = asciiMatcherFor(pattern.value, flags ? (flags.value as string) : '');
      if (ascii && strings.utf8 && !strings.idx && !strings.dict) return matchBytes(strings.utf8, n, ascii, re);
      return testStrings(strings, (x) => re.test(x));
    }
    case 'is_json':
      arity(1);
      if (isNullConst(args[0])) return args[0];
      return testStrings(asStr(args[0], n, e), isJsonText);
    case 'is_date_format': {
      arity(2);
      const [subject, format] = args;
      if (format.t !== 'const' || typeof format.value !== 'string') throw typeError(e, 'a string literal as the format', format);
      const re = compileRegex(strftimeRegex(format.value));
      if (isNullConst(subject)) return subject;
      return testStrings(asStr(subject, n, e), (x) => re.test(x));
    }
    case 'coalesce':
      if (args.length === 0) arity(1, Infinity);
      return coalesce(e, args, n);
  }
}

function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** First non-null argument per row; all arguments must share a type (nulls aside). */
function coalesce(e: CallExpr, args: Vec[], n: number): Vec {
  const live = args.filter((a) => !isNullConst(a));
  if (live.length === 0) return { t: 'const', value: null };
  const first = live[0];
  if (first.t === 'bool' || (first.t === 'const' && typeof first.value === 'boolean')) {
    const parts = live.map((a) => asBool(a, n, e));
    const v = new Uint8Array(n).fill(2);
    for (let i = 0; i < n; i++)
      for (const p of parts)
        if (p[i] !== 2) {
          v[i] = p[i];
          break;
        }
    return { t: 'bool', v };
  }
  if (first.t === 'str' || (first.t === 'const' && typeof first.value === 'string' && !first.kind)) {
    const parts = live.map((a) => asStr(a, n, e));
    const dict: (string | null)[] = new Array(n).fill(null);
    for (const p of parts) {
      const d = dictOf(p);
      for (let i = 0; i < n; i++) if (dict[i] === null) dict[i] = p.idx ? (p.idx[i] < 0 ? null : d[p.idx[i]]) : d[i];
    }
    return { t: 'str', n, dict, idx: null };
  }
  const parts = live.map((a) => asNum(a, n, e));
  const kind = parts.find((p) => p.kind !== 'number')?.kind ?? 'number';
  const v = new Float64Array(n);
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (const p of parts) {
      if (!p.valid || p.valid[i]) {
        v[i] = p.v[i];
        valid[i] = 1;
        break;
      }
    }
  }
  return { t: 'num', kind, v, valid };
}
