import { describe, expect, it } from 'vitest';
import { capSampleValue, SAMPLE_LIST_MAX_ITEMS, SAMPLE_VALUE_MAX_CHARS } from '../../src/model/sample-value.js';

describe('capSampleValue: a sampled value stays small enough to show', () => {
  it('keeps values within the cap as they are', () => {
    const short = 'x'.repeat(SAMPLE_VALUE_MAX_CHARS);
    expect(capSampleValue(short)).toBe(short);
    const row = { id: 1, name: 'Ann', tags: ['a', 'b'], at: null };
    expect(capSampleValue(row)).toBe(row);
  });

  it('cuts a long string to its first 200 characters and says how long it was', () => {
    expect(SAMPLE_VALUE_MAX_CHARS).toBe(200);
    const capped = capSampleValue('y'.repeat(52_428_800));
    expect(capped).toBe(`${'y'.repeat(200)}… (52,428,800 chars)`);
    // Capping again changes nothing (a report re-rendered from a saved result).
    expect(capSampleValue(capped)).toBe(capped);
  });

  it('never splits a surrogate pair', () => {
    const capped = capSampleValue(`${'a'.repeat(199)}😀${'b'.repeat(100)}`) as string;
    expect(capped).toBe(`${'a'.repeat(199)}… (301 chars)`);
  });

  it('caps strings inside nested values, and long lists', () => {
    const capped = capSampleValue({ s: { deep: ['z'.repeat(1000)] }, list: Array.from({ length: 1000 }, (_, i) => i) }) as {
      s: { deep: string[] };
      list: unknown[];
    };
    expect(capped.s.deep[0]).toBe(`${'z'.repeat(200)}… (1,000 chars)`);
    expect(capped.list).toHaveLength(SAMPLE_LIST_MAX_ITEMS + 1);
    expect(capped.list.at(-1)).toBe('… (1,000 items)');
  });
});
