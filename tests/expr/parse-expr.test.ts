import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpr } from '../../src/expr/parse-expr.js';
import { formatExpr } from '../../src/expr/format-expr.js';
import { exprColumns } from '../../src/expr/expr-columns.js';
import type { Expr, ExprLiteral } from '../../src/model/expr.js';
import { isDatacheckError } from '../../src/model/issue.js';

const c = (name: string): Expr => ({ op: 'col', name });
const l = (value: ExprLiteral): Expr => ({ op: 'lit', value });

function syntaxIssue(text: string) {
  try {
    parseExpr(text);
  } catch (e) {
    if (isDatacheckError(e)) return e.issue;
    throw e;
  }
  throw new Error(`expected ${text} not to parse`);
}

describe('parseExpr', () => {
  it('binds or < and < not < comparison < + < * < unary minus', () => {
    expect(parseExpr('a = 1 or b = 2 and not c')).toEqual({
      op: 'or',
      args: [
        { op: 'cmp', cmp: '=', left: c('a'), right: l(1) },
        {
          op: 'and',
          args: [
            { op: 'cmp', cmp: '=', left: c('b'), right: l(2) },
            { op: 'not', arg: c('c') },
          ],
        },
      ],
    });
    expect(parseExpr('x + 2 * -y > 3')).toEqual({
      op: 'cmp',
      cmp: '>',
      left: { op: 'arith', arith: '+', left: c('x'), right: { op: 'arith', arith: '*', left: l(2), right: { op: 'neg', arg: c('y') } } },
      right: l(3),
    });
    expect(parseExpr('a - b - c')).toEqual({
      op: 'arith',
      arith: '-',
      left: { op: 'arith', arith: '-', left: c('a'), right: c('b') },
      right: c('c'),
    });
  });

  it('accepts the operator spellings and flattens chains of and/or', () => {
    expect(parseExpr('a == 1 && b <> 2 && !c')).toEqual(parseExpr('a = 1 and b != 2 and not c'));
    expect(parseExpr('a || b OR c')).toEqual({ op: 'or', args: [c('a'), c('b'), c('c')] });
  });

  it('quotes identifiers with double quotes and strings with single quotes, doubling to escape', () => {
    expect(parseExpr(`"odd ""name""" = 'it''s'`)).toEqual({ op: 'cmp', cmp: '=', left: c('odd "name"'), right: l("it's") });
    expect(parseExpr('"and" is not null')).toEqual({ op: 'is_null', arg: c('and'), negate: true });
  });

  it('parses is null, in, between (with not) and literals', () => {
    expect(parseExpr("status not in ('a', -1.5, true, null)")).toEqual({
      op: 'in',
      arg: c('status'),
      values: ['a', -1.5, true, null],
      negate: true,
    });
    expect(parseExpr('amount between 0 and 10000')).toEqual({ op: 'between', arg: c('amount'), low: l(0), high: l(10000), negate: false });
    expect(parseExpr('x NOT BETWEEN 1 AND 2 AND y IS NULL')).toEqual({
      op: 'and',
      args: [
        { op: 'between', arg: c('x'), low: l(1), high: l(2), negate: true },
        { op: 'is_null', arg: c('y'), negate: false },
      ],
    });
    expect(parseExpr('1.5e3 = .5')).toEqual({ op: 'cmp', cmp: '=', left: l(1500), right: l(0.5) });
  });

  it('parses function calls, current_date with or without parens, and intervals', () => {
    expect(parseExpr("matches(email, '^[^@]+@')")).toEqual({ op: 'call', fn: 'matches', args: [c('email'), l('^[^@]+@')] });
    expect(parseExpr('ordered_at >= current_date - 7')).toEqual(parseExpr('ordered_at >= CURRENT_DATE() - 7'));
    expect(parseExpr("now() - INTERVAL '24 hours'")).toEqual({
      op: 'arith',
      arith: '-',
      left: { op: 'call', fn: 'now', args: [] },
      right: { op: 'interval', ms: 86_400_000, text: '24 hours' },
    });
    expect((parseExpr("interval '2 weeks'") as { ms: number }).ms).toBe(14 * 86_400_000);
    expect((parseExpr("interval '30 minutes'") as { ms: number }).ms).toBe(1_800_000);
    expect((parseExpr("interval '7 days'") as { ms: number }).ms).toBe(7 * 86_400_000);
  });

  it.each([
    ['(a = 1', "expected ')' but found end of input at column 7", "')'", 'end of input'],
    ['a = ', 'expected an expression but found end of input at column 5', 'an expression', 'end of input'],
    ['a = 1 b', "expected an operator or end of input but found 'b' at column 7", 'an operator or end of input', "'b'"],
    ['x in (1, 2', "expected ',' or ')' but found end of input at column 11", "',' or ')'", 'end of input'],
    ["name = 'abc", 'unterminated string starting at column 8', "a closing '", 'end of input'],
    ['a = #', "unexpected character '#' at column 5", 'an expression', "'#'"],
    ['x between 1 or 2', "expected 'and' but found 'or' at column 13", "'and'", "'or'"],
    ['', 'expected an expression but found end of input at column 1', 'an expression', 'end of input'],
    [
      "ts > now() - interval '3 fortnights'",
      "expected an interval like '7 days', '24 hours', '30 minutes', '2 weeks' but found '3 fortnights' at column 23",
      expect.any(String),
      "'3 fortnights'",
    ],
  ])('reports %j with its column', (text, message, expected, found) => {
    const issue = syntaxIssue(text);
    expect(issue.code).toBe('expr.syntax');
    expect(issue.message).toBe(message);
    expect(issue.expected).toEqual(expected);
    expect(issue.found).toBe(found);
  });

  it('names an unknown function and lists the known ones', () => {
    const issue = syntaxIssue('a = 1 and regexp(x)');
    expect(issue.message).toMatch(
      /^unknown function 'regexp' \(known: length, lower, upper, trim, abs, coalesce, matches, now, current_date, is_nan, is_json, is_date_format\) at column 11$/,
    );
  });
});

describe('exprColumns', () => {
  it('lists each referenced column once, in order', () => {
    expect(exprColumns(parseExpr('b > a and lower("x y") = \'q\' or b between a and c'))).toEqual(['b', 'a', 'x y', 'c']);
  });
});

describe('formatExpr', () => {
  it('prints readable text with only the parentheses precedence needs', () => {
    expect(formatExpr(parseExpr("(status IN ('a','b')) AND ((amount >= 0))"))).toBe("status in ('a', 'b') and amount >= 0");
    expect(formatExpr(parseExpr('(a or b) and c'))).toBe('(a or b) and c');
    expect(formatExpr(parseExpr('a - (b - c)'))).toBe('a - (b - c)');
    expect(formatExpr(parseExpr('-(5)'))).toBe('-(5)');
  });

  const name = fc.oneof(
    fc.constantFrom('a', 'b_1', 'and', 'current_date', 'odd "q"', 'x y', 'Z'),
    fc.string({ minLength: 1, maxLength: 6 }),
  );
  const literal: fc.Arbitrary<ExprLiteral> = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
  );
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      name.map((n): Expr => ({ op: 'col', name: n })),
      literal.map((v): Expr => ({ op: 'lit', value: v })),
      fc.constantFrom('7 days', '24 hours', '30 minutes', '2 weeks').map((t): Expr => parseExpr(`interval '${t}'`)),
      fc.record({
        op: fc.constant('cmp' as const),
        cmp: fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const),
        left: tie('expr'),
        right: tie('expr'),
      }),
      fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ op: fc.constant('not' as const), arg: tie('expr') }),
      fc.record({ op: fc.constant('is_null' as const), arg: tie('expr'), negate: fc.boolean() }),
      fc.record({ op: fc.constant('in' as const), arg: tie('expr'), values: fc.array(literal, { maxLength: 3 }), negate: fc.boolean() }),
      fc.record({ op: fc.constant('between' as const), arg: tie('expr'), low: tie('expr'), high: tie('expr'), negate: fc.boolean() }),
      fc.record({
        op: fc.constant('arith' as const),
        arith: fc.constantFrom('+', '-', '*', '/', '%' as const),
        left: tie('expr'),
        right: tie('expr'),
      }),
      fc.record({ op: fc.constant('neg' as const), arg: tie('expr') }),
      fc.record({
        op: fc.constant('call' as const),
        fn: fc.constantFrom('length', 'lower', 'coalesce', 'matches', 'now', 'current_date', 'is_nan' as const),
        args: fc.array(tie('expr'), { maxLength: 2 }),
      }),
    ) as fc.Arbitrary<Expr>,
  }));

  it('round-trips: parseExpr(formatExpr(e)) equals e', () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(parseExpr(formatExpr(e))).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });
});
