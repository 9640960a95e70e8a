import { describe, expect, it } from 'vitest';
import { translateRegex } from '../../../src/engines/sql/regex.js';
import { DIALECTS } from '../../../src/engines/sql/dialects/index.js';

const re2 = DIALECTS.duckdb.regexFeatures;
const t = (source: string, flags = '') => translateRegex(source, flags, re2);

describe('JavaScript regexes translated for SQL engines', () => {
  it('spells out shorthands whose meaning differs between engines', () => {
    expect(t('^\\d+$')).toEqual({ ok: true, pattern: '^[0-9]+$', caseInsensitive: false });
    expect(t('\\w')).toMatchObject({ pattern: '[0-9A-Za-z_]' });
    // JavaScript's \s includes \v, NBSP, the Unicode spaces and BOM; RE2's does not.
    expect(t('\\s').ok && (t('\\s') as { pattern: string }).pattern).toContain('\u00a0');
    expect(t('[^@\\s]+')).toMatchObject({ pattern: expect.stringMatching(/^\[\^@\t\n/) });
  });

  it('refuses case-insensitive matching an engine cannot fold as JavaScript does (ClickHouse folds ASCII only)', () => {
    const ch = DIALECTS.clickhouse.regexFeatures;
    expect(translateRegex('ÜNÏ', 'i', ch)).toEqual({ ok: false, reason: expect.stringMatching(/folds the case of ASCII letters only/) });
    expect(translateRegex('\\u00dc', 'i', ch)).toMatchObject({ ok: false });
    expect(translateRegex('k', 'iu', ch)).toMatchObject({ ok: false, reason: expect.stringMatching(/'u' folds Unicode case/) });
    expect(translateRegex('B+?', 'i', ch)).toMatchObject({ ok: true, caseInsensitive: true });
    expect(translateRegex('ÜNÏ', '', ch)).toMatchObject({ ok: true });
    expect(t('ÜNÏ', 'i')).toMatchObject({ ok: true });
  });

  it("keeps JavaScript's dot: no line terminators, unless the s flag", () => {
    expect(t('a.b')).toMatchObject({ pattern: 'a[^\n\r\u2028\u2029]b' });
    expect(t('a.b', 's')).toMatchObject({ pattern: 'a(?s:.)b' });
    expect(translateRegex('a.b', 's', DIALECTS.postgres.regexFeatures)).toMatchObject({ pattern: 'a(?:.|\\n)b' });
  });

  it('turns escapes into the characters they stand for, and escapes metacharacters', () => {
    expect(t('\\u00e9\\x41\\.\\/')).toMatchObject({ pattern: 'éA\\.\\/' });
    expect(t('a{,2}')).toMatchObject({ pattern: 'a\\{,2\\}' });
    expect(t('(?<year>\\d{4})')).toMatchObject({ pattern: '([0-9]{4})' });
    expect(t('[\\s\\S]')).toMatchObject({ pattern: '(?s:.)' });
  });

  it('carries the i flag as a mode and refuses what SQL engines cannot do exactly', () => {
    expect(t('abc', 'i')).toMatchObject({ ok: true, caseInsensitive: true });
    expect(t('(?=a)b')).toMatchObject({ ok: false, reason: expect.stringContaining('lookahead') });
    expect(t('(a)\\1')).toMatchObject({ ok: false, reason: expect.stringContaining('backreference') });
    expect(t('^a$', 'm')).toMatchObject({ ok: false });
    expect(t('[^\\d\\s]')).toMatchObject({ ok: true });
    expect(t('[a\\D]')).toMatchObject({ ok: false });
    expect(translateRegex('\\bword', '', DIALECTS.postgres.regexFeatures)).toMatchObject({ ok: false });
    expect(translateRegex('a+?', '', DIALECTS.snowflake.regexFeatures)).toMatchObject({ ok: false });
  });
});
