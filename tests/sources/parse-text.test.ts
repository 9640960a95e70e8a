import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FAIL,
  daysFromCivil,
  fastDate,
  fastDecimal,
  fastInt,
  fastTimestamp,
  isPlainFloat,
  parseDate,
  parseDecimal,
  parseFloat,
  parseInt,
  parseTimestamp,
} from '../../src/sources/parse-text.js';

// The fast paths must never disagree with the strict parsers: they either give the same value or
// decline (undefined) and leave the text to the strict parser.

describe('strict text parsers', () => {
  it('dates and timestamps use the proleptic Gregorian calendar for every year, 0000-0099 included', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    expect(parseDate('0050-06-15')).toBe(Math.round(new Date('0050-06-15T00:00:00Z').getTime() / 86_400_000));
    expect(parseTimestamp('0001-01-01T00:00:00Z', 's')).toBe(BigInt(new Date('0001-01-01T00:00:00Z').getTime() / 1000));
    expect(parseDate('2023-02-29')).toBe(FAIL);
    expect(parseDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
    expect(parseDate('1900-02-29')).toBe(FAIL);
  });
});

describe('fast paths', () => {
  it('fastInt takes plain digits up to 15 and declines everything else', () => {
    expect(fastInt('0')).toBe(0);
    expect(fastInt('-42')).toBe(-42);
    expect(fastInt('007')).toBe(7);
    expect(fastInt('999999999999999')).toBe(999_999_999_999_999);
    for (const s of ['', '-', '+1', ' 1', '1 ', '1.0', '1e3', '9999999999999999', '0x10', '1_000']) expect(fastInt(s)).toBeUndefined();
  });

  it('fastInt agrees with parseInt (int64) on any integer text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (b) => {
        const s = String(b);
        const fast = fastInt(s);
        if (fast !== undefined) expect(BigInt(fast)).toBe(parseInt(s, 64, true));
      }),
    );
  });

  it('isPlainFloat accepts exactly the spellings where Number() matches the strict float grammar', () => {
    for (const s of ['1', '-1.5', '.5', '5.', '1e5', '1.5E-3', '-0.0', '12e+2']) {
      expect(isPlainFloat(s)).toBe(true);
      expect(Number(s)).toBe(parseFloat(s));
    }
    for (const s of ['', '.', '-', 'e5', '1e', '1e+', '1.2.3', ' 1', '1 ', '0x1', 'NaN', 'Infinity', '1_0', '+1'])
      expect(isPlainFloat(s)).toBe(false);
  });

  it('isPlainFloat agrees with parseFloat on random doubles printed by JS', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const s = String(d);
        if (isPlainFloat(s)) expect(Number(s)).toBe(parseFloat(s));
      }),
    );
  });

  it('fastDecimal checks precision and scale like parseDecimal', () => {
    const cases = ['12.34', '0.1', '123.456', '-99.99', '100.00', '0012.3400', '.5', '5.', '-', '1e2', 'x'];
    for (const s of cases) {
      const fast = fastDecimal(s, 4, 2);
      if (fast !== undefined) expect(fast).toBe(parseDecimal(s, 4, 2));
    }
    expect(fastDecimal('123.456', 4, 2)).toBe(FAIL);
    expect(fastDecimal('1e2', 4, 2)).toBeUndefined();
  });

  it('fastDate and fastTimestamp match the strict parsers on random instants, for every unit they can hold', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom('T', ' '),
        fc.boolean(),
        (d, micros, sep, z) => {
          const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
          const text = `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}.${String(micros).padStart(6, '0')}${z ? 'Z' : ''}`;
          expect(fastDate(iso.slice(0, 10))).toBe(parseDate(iso.slice(0, 10)));
          for (const unit of ['s', 'ms', 'us', 'ns'] as const) {
            const fast = fastTimestamp(text, unit);
            if (fast !== undefined) expect(BigInt(fast)).toBe(parseTimestamp(text, unit));
          }
        },
      ),
    );
  });

  it('fastTimestamp takes date-only, minute and second precision, and declines zones and odd shapes', () => {
    expect(fastTimestamp('2024-01-02', 's')).toBe(Date.UTC(2024, 0, 2) / 1000);
    expect(fastTimestamp('2024-01-02T03:04', 'ms')).toBe(Date.UTC(2024, 0, 2, 3, 4));
    expect(fastTimestamp('2024-01-02 03:04:05.1', 'us')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) * 1000 + 100_000);
    expect(fastTimestamp('2024-01-02 03:04:05.123456789', 'ms')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) + 123);
    expect(fastTimestamp('2024-01-02T03:04:05Z', 'ns')).toBeUndefined(); // beyond 2^53: bigint path
    for (const s of [
      '2024-01-02T03:04:05+01:00',
      '2024-01-02T03:04:05z',
      '2024-01-02T03:04:05,5',
      '2024-1-02',
      '2024-02-30',
      '2024-01-02T24:00:00',
      '2024-01-02T03:60',
      '2024-01-02T03:04:05.',
      '2024-01-02T03:04:05.1234567890',
      ' 2024-01-02',
      '2024-01-02 ',
    ]) {
      expect(fastTimestamp(s, 'us')).toBeUndefined();
    }
  });
});
