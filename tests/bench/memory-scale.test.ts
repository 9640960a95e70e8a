import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';

const { memoryScale, formatScale, SCALE_INPUTS } = await loadBench('memory-scale.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-bench-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peak RSS per input at 1x and Nx the table (bench --scale)', () => {
  it('says flat for a peak within 25% of the 1x one and names the inputs whose peak grows', () => {
    const MiB = 2 ** 20;
    const lines = formatScale({
      rows: 1000,
      scale: 4,
      small: { parquet: 200 * MiB, csv: 300 * MiB },
      large: { parquet: 240 * MiB, csv: 900 * MiB },
    });
    expect(lines).toEqual([
      'peak RSS by input, full suite: 1,000 rows (1x) and 4,000 rows (4x)',
      '  parquet         200 MiB    240 MiB  x1.20  flat',
      '  csv             300 MiB    900 MiB  x3.00  grows with the data',
    ]);
  });

  it('runs the real CLI on every serverless input at both sizes of a small generated table', async () => {
    expect(existsSync(new URL('../../dist/src/cli/main.js', import.meta.url)), 'run `npm run build` first').toBe(true);
    const r = await memoryScale({ dir, rows: 10_000, scale: 2, batchRows: 4_096 });
    expect(Object.keys(r.small)).toEqual(SCALE_INPUTS);
    expect(Object.keys(r.large)).toEqual(SCALE_INPUTS);
    for (const name of SCALE_INPUTS) {
      expect(r.small[name], name).toBeGreaterThan(30 * 2 ** 20); // a Node process with DuckDB loaded
      expect(r.large[name], name).toBeGreaterThan(30 * 2 ** 20);
    }
    expect(r.lines[0]).toBe('peak RSS by input, full suite: 10,000 rows (1x) and 20,000 rows (2x)');
    expect(r.lines).toHaveLength(1 + SCALE_INPUTS.length);
    // The streaming suite is the same contract without its unique key: a run of its own.
    const streaming = await memoryScale({ dir, rows: 10_000, scale: 2, batchRows: 4_096, suite: 'streaming', inputs: ['parquet'] });
    expect(streaming.lines[0]).toBe('peak RSS by input, streaming suite: 10,000 rows (1x) and 20,000 rows (2x)');
  }, 300_000);
});
