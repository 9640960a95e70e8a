import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { duckdbHistoryStore } from '../../src/history/duckdb-store.js';
import type { RunResult } from '../../src/model/result.js';
import { bundledExample, datacheck } from './harness.js';

const changeCheck = (run: RunResult) => run.datasets.find((d) => d.name === 'orders')!.checks.find((c) => c.kind === 'change')!;

describe('the metric history of the bundled example', () => {
  it('notes the first run, passes an unchanged second, and fails the run whose orders halved', async () => {
    const dir = bundledExample();
    const json = path.join(dir, 'out.json');
    const first = await datacheck(dir, ['--reporter', 'console', '--reporter', 'json', '--output-file', `json=${json}`]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('row_count change at most 20% since the last run (not judged)');
    expect(first.stdout).toContain('the history of row_count has no earlier run yet');
    expect(changeCheck(JSON.parse(readFileSync(json, 'utf8')))).toMatchObject({
      outcome: 'pass',
      metric: { name: 'row_count', value: 99 },
    });

    expect((await datacheck(dir, [])).code).toBe(0);

    const orders = path.join(dir, 'fixtures/jaffle_shop/orders.csv');
    writeFileSync(orders, readFileSync(orders, 'utf8').split('\n').slice(0, 51).join('\n'));
    const html = path.join(dir, 'out.html');
    const third = await datacheck(dir, [
      '--reporter',
      'json',
      '--reporter',
      'html',
      '--output-file',
      `json=${json}`,
      '--output-file',
      `html=${html}`,
    ]);
    expect(third.code).toBe(1);
    const failed = changeCheck(JSON.parse(readFileSync(json, 'utf8')));
    expect(failed.outcome).toBe('fail');
    expect(failed.message).toBe('50, was 99 (-49.4949%), expected at most 20% since the last run');
    expect(failed.measure).toMatchObject({ type: 'change', value: 50, baseline: 99, relative: true, magnitude: true });

    // The HTML report charts the row count over the three runs, and the dataset's outcomes.
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('aria-label="row_count over the last 3 runs: 99, 99, 50"');
    expect(report).toContain('aria-label="outcomes of the last 3 runs"');
    // `datacheck history` shows the three runs of the check, as a chart and as JSON.
    const text = await datacheck(dir, ['history', 'orders', '--check', failed.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`orders  ${failed.id}  row_count\n  ██▁  \n`);
    expect(text.stdout).toMatch(/✗ 50\n$/);
    const asJson = JSON.parse((await datacheck(dir, ['history', '--check', failed.id, '--json'])).stdout);
    expect(asJson.series[0].points.map((p: { value: number; outcome: string }) => [p.outcome, p.value])).toEqual([
      ['pass', 99],
      ['pass', 99],
      ['fail', 50],
    ]);
  });

  it('keeps both runs when two run at once on one history file', async () => {
    const dir = bundledExample();
    const [a, b] = await Promise.all([datacheck(dir, []), datacheck(dir, [])]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, '']);
    const rows = await duckdbHistoryStore(path.join(dir, '.datacheck/history.duckdb'), 'history').recent({ dataset: 'orders', runs: 10 });
    expect(new Set(rows.map((r) => r.runId)).size).toBe(2);
  });

  it('reads and writes nothing with --no-history, and says so', async () => {
    const dir = bundledExample();
    const r = await datacheck(dir, ['--no-history']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not compared: the metric history is off (--no-history)');
    expect(() => readFileSync(path.join(dir, '.datacheck/history.duckdb'))).toThrow();
  });
});
