import type { CompareOp, Expr, ExprFunction, ExprLiteral } from '../model/expr.js';
import { INTERVAL_EXAMPLES, intervalMs } from './interval.js';
import type { Token } from './lexer.js';
import { describeToken, syntaxError, tokenize } from './lexer.js';

/** Functions the language knows, as written by users. */
export const KNOWN_FUNCTIONS: readonly ExprFunction[] = [
  'length',
  'lower',
  'upper',
  'trim',
  'abs',
  'coalesce',
  'matches',
  'now',
  'current_date',
  'is_nan',
  'is_json',
  'is_date_format',
];

/** Words that are never bare column names (quote them: "and"). */
export const RESERVED = new Set(['and', 'or', 'not', 'is', 'null', 'in', 'between', 'true', 'false', 'interval', 'current_date']);

const CMP: Record<string, CompareOp> = { '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * Parses a `where` filter such as `status in ('placed', 'shipped') and amount >= 0`.
 * Precedence, lowest first: or, and, not, comparisons (= != < <= > >= is in between),
 * + -, * / %, unary minus. Keywords are case-insensitive. Throws DatacheckError `expr.syntax`
 * naming the 1-based column, what was expected and what was found.
 */
export function parseExpr(text: string): Expr {
  return new Parser(tokenize(text)).parseAll();
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    if (this.peek().type === 'eof')
      throw syntaxError('expected an expression but found end of input', this.peek().pos, 'an expression', 'end of input');
    const e = this.parseOr();
    const t = this.peek();
    if (t.type !== 'eof') throw this.unexpected(t, 'an operator or end of input');
    return e;
  }

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === 'ident' && !t.quoted && t.value.toLowerCase() === word;
  }
  private isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === 'op' && t.value === op;
  }
  private unexpected(t: Token, expected: string): Error {
    return syntaxError(`expected ${expected} but found ${describeToken(t)}`, t.pos, expected, describeToken(t));
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) throw this.unexpected(this.peek(), `'${op}'`);
    this.i++;
  }
  private expectWord(word: string): void {
    if (!this.isWord(word)) throw this.unexpected(this.peek(), `'${word}'`);
    this.i++;
  }

  private parseOr(): Expr {
    const args = [this.parseAnd()];
    while (this.isWord('or') || this.isOp('||')) {
      this.i++;
      args.push(this.parseAnd());
    }
    return args.length === 1 ? args[0] : { op: 'or', args };
  }

  private parseAnd(): Expr {
    const args = [this.parseNot()];
    while (this.isWord('and') || this.isOp('&&')) {
      this.i++;
      args.push(this.parseNot());
    }
    return args.length === 1 ? args[0] : { op: 'and', args };
  }

  private parseNot(): Expr {
    if (this.isWord('not') || this.isOp('!')) {
      this.i++;
      return { op: 'not', arg: this.parseNot() };
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Expr {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.type === 'op' && CMP[t.value]) {
      this.i++;
      return { op: 'cmp', cmp: CMP[t.value], left, right: this.parseAdditive() };
    }
    if (this.isWord('is')) {
      this.i++;
      const negate = this.isWord('not');
      if (negate) this.i++;
      this.expectWord('null');
      return { op: 'is_null', arg: left, negate };
    }
    const negate = this.isWord('not') && (this.isWord('in', 1) || this.isWord('between', 1));
    if (negate) this.i++;
    if (this.isWord('in')) {
      this.i++;
      return { op: 'in', arg: left, values: this.parseLiteralList(), negate };
    }
    if (this.isWord('between')) {
      this.i++;
      const low = this.parseAdditive();
      this.expectWord('and');
      return { op: 'between', arg: left, low, high: this.parseAdditive(), negate };
    }
    return left;
  }

  private parseLiteralList(): ExprLiteral[] {
    this.expectOp('(');
    const values: ExprLiteral[] = [];
    if (this.isOp(')')) {
      this.i++;
      return values;
    }
    for (;;) {
      values.push(this.parseLiteral());
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      if (!this.isOp(')')) throw this.unexpected(this.peek(), "',' or ')'");
      this.i++;
      return values;
    }
  }

  private parseLiteral(): ExprLiteral {
    const t = this.peek();
    if (t.type === 'number') return (this.i++, t.value);
    if (t.type === 'string') return (this.i++, t.value);
    if (this.isOp('-') && this.peek(1).type === 'number') {
      this.i += 2;
      return -(this.tokens[this.i - 1] as { value: number }).value;
    }
    if (this.isWord('true')) return (this.i++, true);
    if (this.isWord('false')) return (this.i++, false);
    if (this.isWord('null')) return (this.i++, null);
    throw this.unexpected(t, 'a literal (number, string, true, false or null)');
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const arith = (this.next() as { value: string }).value as '+' | '-';
      left = { op: 'arith', arith, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const arith = (this.next() as { value: string }).value as '*' | '/' | '%';
      left = { op: 'arith', arith, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('-')) {
      this.i++;
      // `-5` is a negative literal; `-x` and `-(5)` negate an expression.
      const t = this.peek();
      if (t.type === 'number') return (this.i++, { op: 'lit', value: -t.value });
      return { op: 'neg', arg: this.parseUnary() };
    }
    if (this.isOp('+') && this.peek(1).type === 'number') {
      this.i++;
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.type === 'number' || t.type === 'string') {
      this.i++;
      return { op: 'lit', value: t.value };
    }
    if (t.type === 'op') {
      if (t.value === '(') {
        this.i++;
        const e = this.parseOr();
        this.expectOp(')');
        return e;
      }
      throw this.unexpected(t, 'an expression');
    }
    if (t.type === 'eof') throw this.unexpected(t, 'an expression');
    if (t.quoted) {
      this.i++;
      return { op: 'col', name: t.value };
    }
    const word = t.value.toLowerCase();
    if (word === 'true' || word === 'false') return (this.i++, { op: 'lit', value: word === 'true' });
    if (word === 'null') return (this.i++, { op: 'lit', value: null });
    if (word === 'interval' && this.peek(1).type === 'string') return this.parseInterval();
    if (this.isOp('(', 1)) return this.parseCall(t);
    if (word === 'current_date') return (this.i++, { op: 'call', fn: 'current_date', args: [] });
    if (RESERVED.has(word)) throw this.unexpected(t, 'an expression');
    this.i++;
    return { op: 'col', name: t.value };
  }

  private parseInterval(): Expr {
    this.i++;
    const s = this.next() as Extract<Token, { type: 'string' }>;
    const ms = intervalMs(s.value);
    if (ms === undefined) {
      throw syntaxError(
        `expected an interval like ${INTERVAL_EXAMPLES} but found ${s.text}`,
        s.pos,
        `an interval like ${INTERVAL_EXAMPLES}`,
        s.text,
      );
    }
    return { op: 'interval', ms, text: s.value };
  }

  private parseCall(t: Extract<Token, { type: 'ident' }>): Expr {
    const fn = t.value.toLowerCase() as ExprFunction;
    if (!KNOWN_FUNCTIONS.includes(fn)) {
      throw syntaxError(
        `unknown function '${t.value}' (known: ${KNOWN_FUNCTIONS.join(', ')})`,
        t.pos,
        `one of ${KNOWN_FUNCTIONS.join(', ')}`,
        t.value,
      );
    }
    this.i += 2;
    const args: Expr[] = [];
    if (this.isOp(')')) {
      this.i++;
      return { op: 'call', fn, args };
    }
    for (;;) {
      args.push(this.parseOr());
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      if (!this.isOp(')')) throw this.unexpected(this.peek(), "',' or ')'");
      this.i++;
      return { op: 'call', fn, args };
    }
  }
}
