import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';

const { startupRatio, formatStartupRatio, DUCKDB_OPEN_SCRIPT, timed } = await loadBench('startup-ratio.js');

describe('ratio startup: a warm npx datacheck against node opening DuckDB', () => {
  it('times the command after one warm-up run, alternating with the floor, and divides the best times', async () => {
    // A stand-in for `npx datacheck` that notes each run (no timing is asserted: the machine's load decides it).
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-startup-')), 'runs.txt');
    const script = `require('fs').appendFileSync(${JSON.stringify(log)}, 'run\\n'); setTimeout(() => {}, 200)`;
    const r = await startupRatio({ runs: 2, command: [process.execPath, ['-e', script]] });
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(3); // warm-up + 2 timed
    expect(r.warm).toHaveLength(2);
    expect(r.floor).toHaveLength(2);
    expect(r.ratio).toBeCloseTo(Math.min(...r.warm) / Math.min(...r.floor), 10);
  });

  it('prints both times and the ratio line the bench summary names', () => {
    const lines = formatStartupRatio({ warm: [1200, 1000], floor: [260, 250], ratio: 4 });
    expect(lines).toEqual([
      'startup: warm npx datacheck 1.00 s [1.20 s, 1.00 s], node -e opening DuckDB 0.25 s [0.26 s, 0.25 s]',
      'ratio startup: 4.00',
    ]);
  });

  it("the floor really opens DuckDB: the script's module resolves and runs from the repo", async () => {
    const r = await timed(process.execPath, ['--input-type=module', '-e', DUCKDB_OPEN_SCRIPT]);
    expect(r.code).toBe(0);
  });
});
