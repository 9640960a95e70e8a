import { describe, expect, it } from 'vitest';
import { Utf8, makeData, makeVector } from 'apache-arrow';
import { parseExpr } from '../../../../src/expr/parse-expr.js';
import { evaluatePredicate } from '../../../../src/engines/arrow/expr/evaluate.js';
import { asciiMatcherFor } from '../../../../src/engines/arrow/expr/byte-patterns.js';
import { FORMAT_PATTERNS } from '../../../../src/checks/formats.js';
import { batchOf } from '../helpers.js';

/** A plain Utf8 column from raw byte strings (so invalid UTF-8 can be stored too); null stays null. */
function utf8Column(rows: (Uint8Array | null)[]) {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => {
    offsets[i + 1] = offsets[i] + (r?.length ?? 0);
  });
  const bytes = new Uint8Array(offsets[rows.length]);
  rows.forEach((r, i) => r && bytes.set(r, offsets[i]));
  const bitmap = new Uint8Array(Math.ceil(rows.length / 8));
  rows.forEach((r, i) => {
    if (r) bitmap[i >> 3] |= 1 << (i & 7);
  });
  const nullCount = rows.filter((r) => r === null).length;
  return makeVector(makeData({ type: new Utf8(), length: rows.length, valueOffsets: offsets, data: bytes, nullBitmap: bitmap, nullCount }));
}

const EMAIL = FORMAT_PATTERNS.email;
const text = (s: string) => Buffer.from(s, 'utf8');

/** Edge cases of `^[^@\s]+@[^@\s]+\.[^@\s]+$`: where the `@` and the dot sit, every kind of `\s`. */
const tricky = [
  'a@b.c',
  'first.last@example.co.uk',
  '@b.c',
  'a@.c',
  'a@b.',
  'a@b',
  'a@@b.c',
  'a@b@c.d',
  'a.b@c',
  'a@b..c',
  'a@.b.c',
  'a@b.c.',
  'a b@c.d',
  'a@b.c ',
  ' a@b.c',
  'a\t@b.c',
  'a@b.c\n',
  'a@b.c\r',
  'a\u000b@b.c',
  'a\f@b.c',
  'a\u001c@b.c', // not whitespace in JS regexes
  'a\u0000@b.c',
  '',
  '.',
  '@',
  'a@b.cd',
  'ü@b.c',
  'a@bü.c',
  'a@b.c\u00a0',
  'a\u2028@b.c',
  'a@b\u3000.c',
  'a@b.c\ufeff',
  'a\u200b@b.c', // zero-width space is not \s
  'a@b.c\u1680',
  '😀@b.c',
  'a@😀.😀',
];

describe('byte matchers for format patterns', () => {
  it('agree with the JavaScript regex on every edge of the e-mail pattern, ASCII or not', () => {
    const re = new RegExp(EMAIL);
    const column = utf8Column([...tricky.map(text), null]);
    const got = Array.from(evaluatePredicate(parseExpr(`matches(email, '${EMAIL}')`), batchOf({ email: column })));
    expect(got).toEqual([...tricky.map((s) => (re.test(s) ? 1 : 0)), 2]);
    // The cases are not all one answer: both outcomes occur, among ASCII and non-ASCII rows.
    expect(new Set(got.slice(0, 26))).toEqual(new Set([0, 1]));
    expect(new Set(got.slice(26, -1))).toEqual(new Set([0, 1]));
  });

  it('read invalid UTF-8 as the decoder does (a replacement character is neither @ nor space)', () => {
    const rows = [
      [0x61, 0xff, 0x40, 0x62, 0x2e, 0x63], // a\xff@b.c
      [0x61, 0x40, 0x62, 0xc2, 0x2e, 0x63], // a lead byte without its continuation before the dot
      [0x61, 0x40, 0x62, 0x2e, 0xc2, 0xa0], // U+00A0 as the last "character": no match
      [0x61, 0x40, 0x62, 0x2e, 0xe2, 0xc2, 0xa0], // broken sequence, then a valid U+00A0
      [0x61, 0x40, 0x62, 0x2e, 0xe2, 0x80], // truncated sequence at the end
    ].map((r) => Uint8Array.from(r));
    const re = new RegExp(EMAIL);
    const got = Array.from(evaluatePredicate(parseExpr(`matches(email, '${EMAIL}')`), batchOf({ email: utf8Column(rows) })));
    expect(got).toEqual(rows.map((r) => (re.test(Buffer.from(r).toString('utf8')) ? 1 : 0)));
    expect(got).toEqual([1, 1, 0, 0, 1]);
  });

  it('apply only where a flag cannot change the meaning (m makes ^ and $ match at line breaks)', () => {
    expect(asciiMatcherFor(EMAIL, '')).toBeDefined();
    expect(asciiMatcherFor(EMAIL, 'iu')).toBeDefined();
    expect(asciiMatcherFor(EMAIL, 'm')).toBeUndefined();
    expect(asciiMatcherFor('^[^@]+@[^@]+$', '')).toBeUndefined();
    // With m, the regex itself answers: 'a@b.c\nx' matches up to the line break.
    const column = utf8Column([text('a@b.c\nx')]);
    expect(Array.from(evaluatePredicate(parseExpr(`matches(email, '${EMAIL}', 'm')`), batchOf({ email: column })))).toEqual([1]);
  });
});
