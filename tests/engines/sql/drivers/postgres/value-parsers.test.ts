import { describe, expect, it } from 'vitest';
import { parseDate, parseTimestamp } from '../../../../../src/engines/sql/drivers/postgres/pg-value-parsers.js';

// Shapes a server only prints in some settings; the server tests (value-normalization) cover the rest.
describe('parsing PostgreSQL date/time text', () => {
  it('reads an offset with seconds (local mean time of old dates in a named zone)', () => {
    expect(parseTimestamp('1883-11-18 12:00:00-04:56:02')).toBe(Date.UTC(1883, 10, 18, 16, 56, 2));
  });

  it('reads an hour-only offset', () => {
    expect(parseTimestamp('2024-01-01 00:00:00+02')).toBe(Date.UTC(2023, 11, 31, 22));
  });

  it('keeps years 0-99 as they are (Date.UTC would move them to the 1900s)', () => {
    expect(new Date(parseDate('0099-06-15')).toISOString()).toBe('0099-06-15T00:00:00.000Z');
  });

  it('reads BC timestamps', () => {
    expect(new Date(parseTimestamp('0044-03-15 12:00:00 BC')).toISOString()).toBe('-000043-03-15T12:00:00.000Z');
  });

  it('text in another DateStyle is NaN, not a wrong date', () => {
    expect(parseDate('01/02/2024')).toBeNaN();
    expect(parseTimestamp('Tue Jan 02 00:00:00 2024')).toBeNaN();
  });
});
