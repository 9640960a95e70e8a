import { JS_WHITESPACE } from './js-whitespace.js';

/**
 * Translates a JavaScript regular expression into a pattern SQL engines read with the very same
 * meaning, or says why it cannot. Shorthands whose meaning differs between engines (`\s`, `\w`,
 * `\d`, `.`) are spelled out as explicit character sets, escapes become the literal characters
 * (the pattern is a bound parameter, so any character is safe), and features some engines lack
 * (lookaround, backreferences, multiline mode) are refused rather than approximated.
 */

export interface RegexFeatures {
  /** `(?:...)` is understood; else groups become capturing, which does not change a match test. */
  nonCapturing: boolean;
  /** `*?`, `+?`, `??`, `{n,m}?` are understood. */
  lazy: boolean;
  /** `\b`/`\B` mean the ASCII word boundary of JavaScript (RE2 does; POSIX and Java do not). */
  wordBoundary: boolean;
  /** How to write "any character, newlines included". */
  anyChar: string;
  /**
   * Case-insensitive matching folds ASCII letters only (ClickHouse 18.16's `match`: /ÜNÏ/i misses
   * 'ünï'). Then `i` is refused where JavaScript would fold more: a non-ASCII character in the
   * pattern, or the `u` flag (whose case folding also maps k to the Kelvin sign, s to ſ).
   */
  caseFoldsAsciiOnly?: boolean;
}

export type RegexTranslation = { ok: true; pattern: string; caseInsensitive: boolean } | { ok: false; reason: string };

const CLASS_OF: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: JS_WHITESPACE };
const NOT_NEWLINE = '[^\n\r\u2028\u2029]';
const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };
const META = new Set([...'\\^$.|?*+()[]{}/-']);

const escapeChar = (c: string) => (META.has(c) ? `\\${c}` : c);
const unsupported = (reason: string): RegexTranslation => ({ ok: false, reason });

export function translateRegex(source: string, flags: string, features: RegexFeatures): RegexTranslation {
  for (const f of flags) {
    if (f === 'm') return unsupported("the 'm' flag (line anchors) has no exact SQL equivalent");
    if (f === 'v') return unsupported("the 'v' flag is not supported in SQL");
    if (!'isugyd'.includes(f)) return unsupported(`unknown flag '${f}'`);
  }
  if (features.caseFoldsAsciiOnly && flags.includes('i')) {
    if (flags.includes('u')) return unsupported("the 'i' flag with 'u' folds Unicode case, and this engine folds ASCII letters only");
    if (/[^\x00-\x7f]|\\u|\\x[89a-fA-F]/.test(source))
      return unsupported("the 'i' flag on non-ASCII letters: this engine folds the case of ASCII letters only");
  }
  const dotAll = flags.includes('s');
  const unicode = flags.includes('u');
  let out = '';
  let i = 0;
  const fail = (reason: string): RegexTranslation => unsupported(`${reason} (at position ${i} of /${source}/)`);
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const esc = readEscape(source, i, unicode);
      if ('reason' in esc) return fail(esc.reason);
      if (esc.kind === 'boundary') {
        if (!features.wordBoundary) return fail('a word boundary (\\b) means something else in this SQL engine');
        out += esc.text;
      } else if (esc.kind === 'class') out += `[${esc.negate ? '^' : ''}${CLASS_OF[esc.name]}]`;
      else out += escapeChar(esc.char);
      i = esc.end;
    } else if (c === '[') {
      const cls = readClass(source, i, unicode, features);
      if ('reason' in cls) return fail(cls.reason);
      out += cls.text;
      i = cls.end;
    } else if (c === '(') {
      if (source.startsWith('(?:', i)) {
        out += features.nonCapturing ? '(?:' : '(';
        i += 3;
      } else if (/^\(\?<[A-Za-z_$][\w$]*>/.test(source.slice(i))) {
        out += '(';
        i = source.indexOf('>', i) + 1;
      } else if (source.startsWith('(?', i)) {
        return fail('lookahead and lookbehind are not supported in SQL');
      } else {
        out += '(';
        i++;
      }
    } else if (c === '.') {
      out += dotAll ? features.anyChar : NOT_NEWLINE;
      i++;
    } else if (c === '{') {
      const q = /^\{\d+(,\d*)?\}/.exec(source.slice(i));
      if (q) {
        out += q[0];
        i += q[0].length;
        if (source[i] === '?') {
          if (!features.lazy) return fail('lazy quantifiers are not supported in this SQL engine');
          out += '?';
          i++;
        }
      } else {
        out += '\\{';
        i++;
      }
    } else if (c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      if (source[i] === '?') {
        if (!features.lazy) return fail('lazy quantifiers are not supported in this SQL engine');
        out += '?';
        i++;
      }
    } else if (c === '^' || c === '$' || c === '|' || c === ')') {
      out += c;
      i++;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return { ok: true, pattern: out, caseInsensitive: flags.includes('i') };
}

type Escape =
  | { kind: 'char'; char: string; end: number }
  | { kind: 'class'; name: 'd' | 'w' | 's'; negate: boolean; end: number }
  | { kind: 'boundary'; text: string; end: number }
  | { reason: string };

function readEscape(s: string, i: number, unicode: boolean): Escape {
  const c = s[i + 1];
  if (c === undefined) return { reason: 'a trailing backslash' };
  const end = i + 2;
  const lower = c.toLowerCase();
  if ('dws'.includes(lower)) return { kind: 'class', name: lower as 'd' | 'w' | 's', negate: c !== lower, end };
  if (c === 'b' || c === 'B') return { kind: 'boundary', text: `\\${c}`, end };
  if (SIMPLE_ESCAPES[c]) return { kind: 'char', char: SIMPLE_ESCAPES[c], end };
  if (/[1-9]/.test(c) || c === 'k') return { reason: 'backreferences are not supported in SQL' };
  if (c === '0') return /[0-9]/.test(s[end] ?? '') ? { reason: 'octal escapes are not supported' } : { kind: 'char', char: '\0', end };
  if (c === 'x') {
    const h = /^[0-9a-fA-F]{2}/.exec(s.slice(end));
    return h ? { kind: 'char', char: String.fromCharCode(parseInt(h[0], 16)), end: end + 2 } : { kind: 'char', char: 'x', end };
  }
  if (c === 'u') {
    const braces = unicode ? /^\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(end)) : null;
    if (braces) return { kind: 'char', char: String.fromCodePoint(parseInt(braces[1], 16)), end: end + braces[0].length };
    const h = /^[0-9a-fA-F]{4}/.exec(s.slice(end));
    if (!h) return { kind: 'char', char: 'u', end };
    const unit = parseInt(h[0], 16);
    if (unit >= 0xd800 && unit <= 0xdfff) return { reason: 'surrogate escapes are not supported in SQL' };
    return { kind: 'char', char: String.fromCharCode(unit), end: end + 4 };
  }
  if (c === 'c' || c === 'p' || c === 'P') return { reason: `\\${c} escapes are not supported in SQL` };
  // Any other escaped character stands for itself (\. \/ \- \$ ...).
  const cp = s.codePointAt(i + 1)!;
  return { kind: 'char', char: String.fromCodePoint(cp), end: i + 1 + (cp > 0xffff ? 2 : 1) };
}

/** A bracket class: members spelled out; `[\s\S]` and friends become "any character". */
function readClass(
  s: string,
  start: number,
  unicode: boolean,
  features: RegexFeatures,
): { text: string; end: number } | { reason: string } {
  let i = start + 1;
  const negate = s[i] === '^';
  if (negate) i++;
  let body = '';
  const shorthands: string[] = [];
  while (i < s.length && s[i] !== ']') {
    const c = s[i];
    if (c === '\\') {
      const esc = readEscape(s, i, unicode);
      if ('reason' in esc) return esc;
      if (esc.kind === 'class') {
        if (esc.negate) shorthands.push(esc.name.toUpperCase());
        else {
          body += CLASS_OF[esc.name];
          shorthands.push(esc.name);
        }
      } else if (esc.kind === 'boundary')
        body += '\b'; // [\b] is a backspace
      else body += classChar(esc.char);
      i = esc.end;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      body += c === '-' ? '-' : classChar(ch);
      i += ch.length;
    }
  }
  if (i >= s.length) return { reason: 'an unterminated character class' };
  const end = i + 1;
  const negated = shorthands.filter((x) => x === x.toUpperCase());
  if (negated.length > 0) {
    // Only the "anything" idioms ([\s\S], [\d\D], [\w\W]) are expressible everywhere.
    const any = negated.some((n) => shorthands.includes(n.toLowerCase()));
    if (any && !negate) return { text: features.anyChar, end };
    return { reason: 'a negated shorthand (\\S, \\D, \\W) inside a character class is not supported in SQL' };
  }
  if (body === '') return negate ? { text: features.anyChar, end } : { reason: 'an empty character class never matches' };
  return { text: `[${negate ? '^' : ''}${body}]`, end };
}

/** Characters special inside a bracket expression are escaped; a range dash stays as written. */
function classChar(c: string): string {
  return c === ']' || c === '\\' || c === '^' || c === '[' || c === '-' ? `\\${c}` : c;
}
