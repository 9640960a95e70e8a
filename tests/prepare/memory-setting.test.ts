import { describe, expect, it } from 'vitest';
import { duckdbMemoryBytes, parseMemory } from '../../src/prepare/memory-setting.js';

const GiB = 2 ** 30;

describe("the config's memory setting", () => {
  it('reads decimal and binary sizes and shares of the machine', () => {
    expect(parseMemory('4GB', 16 * GiB)).toEqual({ bytes: 4e9 });
    expect(parseMemory('512 MiB', 16 * GiB)).toEqual({ bytes: 512 * 2 ** 20 });
    expect(parseMemory('25%', 16 * GiB)).toEqual({ bytes: 4 * GiB });
    expect(parseMemory('1.5gib', 16 * GiB)).toEqual({ bytes: 1.5 * GiB });
    expect(parseMemory(undefined)).toEqual({});
  });

  it('refuses what is not a size, a share outside 0-100% and less than DuckDB can scan in', () => {
    expect(parseMemory('lots').error).toBe('not a size: "lots"');
    expect(parseMemory(4_000_000_000).error).toMatch(/not a size/);
    expect(parseMemory('150%').error).toMatch(/between 0% and 100%/);
    expect(parseMemory('10MB').error).toBe('at least 64MiB, found 10MB');
  });

  it('defaults to half the machine, leaving the rest to Node and the OS', () => {
    expect(duckdbMemoryBytes(undefined, 24 * GiB)).toBe(12 * GiB);
    expect(duckdbMemoryBytes('3GiB', 24 * GiB)).toBe(3 * GiB);
  });
});
