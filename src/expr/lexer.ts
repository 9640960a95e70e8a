import { DatacheckError } from '../model/issue.js';

/** Tokens of the filter language. `pos` is the 0-based character index of the token's start. */
export type Token =
  | { type: 'ident'; value: string; quoted: boolean; pos: number; text: string }
  | { type: 'number'; value: number; pos: number; text: string }
  | { type: 'string'; value: string; pos: number; text: string }
  | { type: 'op'; value: string; pos: number; text: string }
  | { type: 'eof'; pos: number; text: string };

const OPS = ['<=', '>=', '<>', '!=', '==', '&&', '||', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '!'];

export function syntaxError(message: string, pos: number, expected: string, found: string): DatacheckError {
  return new DatacheckError({
    code: 'expr.syntax',
    message: `${message} at column ${pos + 1}`,
    expected,
    found,
    location: { file: '<filter>', line: 1, column: pos + 1 },
  });
}

/** Describes a token for error messages: `end of input`, `')'`, `identifier foo`. */
export function describeToken(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'end of input';
    case 'ident':
      return t.quoted ? `identifier ${t.text}` : `'${t.text}'`;
    case 'number':
      return `number ${t.text}`;
    case 'string':
      return `string ${t.text}`;
    case 'op':
      return `'${t.value}'`;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      const word = text.slice(start, i);
      tokens.push({ type: 'ident', value: word, quoted: false, pos: start, text: word });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      if (i < text.length && /[A-Za-z_]/.test(text[i])) {
        throw syntaxError(`unexpected character '${text[i]}' after number ${m[0]}`, i, 'an operator or end of input', `'${text[i]}'`);
      }
      tokens.push({ type: 'number', value: Number(m[0]), pos: start, text: m[0] });
      continue;
    }
    if (c === "'" || c === '"') {
      // Quotes inside are doubled: 'it''s', "odd ""name""".
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          const what = c === "'" ? 'string' : 'quoted identifier';
          throw syntaxError(`unterminated ${what} starting`, start, `a closing ${c}`, 'end of input');
        }
        if (text[i] === c) {
          if (text[i + 1] === c) {
            value += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      const raw = text.slice(start, i);
      if (c === "'") tokens.push({ type: 'string', value, pos: start, text: raw });
      else {
        if (value === '') throw syntaxError('empty quoted identifier', start, 'a column name', '""');
        tokens.push({ type: 'ident', value, quoted: true, pos: start, text: raw });
      }
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw syntaxError(`unexpected character '${c}'`, i, 'an expression', `'${c}'`);
    i += op.length;
    tokens.push({ type: 'op', value: op, pos: start, text: op });
  }
  tokens.push({ type: 'eof', pos: text.length, text: '' });
  return tokens;
}
