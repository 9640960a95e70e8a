import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openDuckdbConnection } from '../../../../src/engines/sql/drivers/duckdb-connection.js';

const SPILLING_QUERY = "SELECT count(DISTINCT 'value-' || range::VARCHAR) AS n FROM range(3000000)";
const spillDirs = () => new Set(readdirSync(os.tmpdir()).filter((d) => d.startsWith('datacheck-duckdb-')));

describe('embedded DuckDB with a memory limit', () => {
  it('holds the limit, spills to a private temp folder instead of the working directory, and removes it at close', async () => {
    const before = spillDirs();
    const conn = await openDuckdbConnection({ memoryLimitBytes: 64 * 2 ** 20, threads: 1 });
    try {
      const [settings] = await conn.query({
        sql: "SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS temp",
        params: [],
      });
      expect(settings.memory).toBe('64.0 MiB');
      const temp = String(settings.temp);
      expect(temp.startsWith(os.tmpdir())).toBe(true);
      expect([...spillDirs()].filter((d) => !before.has(d))).toHaveLength(1);
      // Distinct counting 3M strings needs more than 64 MiB: it completes by spilling (without a
      // temp folder DuckDB fails with "Out of Memory", shown below).
      const [counted] = await conn.query({ sql: SPILLING_QUERY, params: [] });
      expect(counted.n).toBe(3_000_000);
      expect(existsSync(temp)).toBe(true);
    } finally {
      await conn.close();
    }
    expect([...spillDirs()].filter((d) => !before.has(d))).toEqual([]);
  });

  it('the query above does need the spill: with nowhere to spill, DuckDB runs out of memory', async () => {
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: '64MiB', temp_directory: '', threads: '1' });
    try {
      const c = await instance.connect();
      await expect(c.runAndReadAll(SPILLING_QUERY)).rejects.toThrow(/Out of Memory/);
      c.closeSync();
    } finally {
      instance.closeSync();
    }
  });
});
