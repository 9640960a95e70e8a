import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/model/result.js';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import { check, sampleRun } from '../sample-run.js';
import { chromiumForFile, openReport, screenshot } from './browser.js';

const chromium = chromiumForFile();
const XSS = '<img src=x onerror="alert(1)">';

/** The sample run with a history: a row count that halved, and three earlier runs of the dataset. */
function runWithTrends(): RunResult {
  const run = sampleRun();
  const orders = run.datasets[0];
  orders.checks.unshift(
    check({
      id: 'orders.rows.change',
      kind: 'change',
      title: 'row_count change at most 20% since the last run',
      outcome: 'fail',
      observed: 50,
      metric: { name: `row_count where note = '${XSS}'`, value: 50 },
      history: [
        { runId: 'r1', at: '2024-06-01T00:00:00.000Z', value: 100 },
        { runId: 'r2', at: '2024-06-02T00:00:00.000Z', value: 98 },
        { runId: `r3${XSS}`, at: '2024-06-03T00:00:00.000Z', value: 101 },
      ],
    }),
  );
  orders.trend = [
    { runId: 'r1', startedAt: '2024-06-01T00:00:00.000Z', counts: { pass: 5, fail: 0, warn: 0, error: 0, skipped: 0 } },
    { runId: 'r2', startedAt: '2024-06-02T00:00:00.000Z', counts: { pass: 4, fail: 0, warn: 1, error: 0, skipped: 0 } },
    { runId: 'r3', startedAt: XSS, counts: { pass: 4, fail: 1, warn: 0, error: 0, skipped: 0 } },
  ];
  return run;
}

describe('trends in the HTML report, in Chromium', () => {
  it('draws a sparkline of the tracked metric and a strip of the dataset outcomes, escaped and scriptless', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-trends-')), 'report.html');
    writeFileSync(file, renderHtml(runWithTrends()));
    const report = await openReport(chromium(), file);
    try {
      const spark = report.page.locator('svg.spark');
      await expect(spark.count()).resolves.toBe(1);
      const label = await spark.getAttribute('aria-label');
      expect(label).toBe(`row_count where note = '${XSS}' over the last 4 runs: 100, 98, 101, 50`);
      // Four points, the current run lowest (the largest y) and drawn as the dot.
      const points = (await spark.locator('polyline').getAttribute('points'))!.split(' ').map((p) => p.split(',').map(Number));
      expect(points).toHaveLength(4);
      expect(Math.max(...points.map(([, y]) => y))).toBe(points[3][1]);
      await expect(spark.locator('circle').getAttribute('cy')).resolves.toBe(String(points[3][1]));
      expect(await spark.boundingBox()).toMatchObject({ width: 120, height: 24 });

      const cells = report.page.locator('ol.trend li');
      await expect(cells.count()).resolves.toBe(4);
      expect(await cells.evaluateAll((li) => li.map((l) => l.className))).toEqual(['o-pass', 'o-warn', 'o-fail', 'o-fail']);
      await expect(cells.nth(2).getAttribute('title')).resolves.toBe(`${XSS}: 1 failed, 4 passed`);
      // Each cell is coloured by its outcome (the CSS variable), not by inline style.
      const colours = (await report.page.evaluate(
        `[...document.querySelectorAll('ol.trend li')].map((l) => getComputedStyle(l).backgroundColor)`,
      )) as string[];
      expect(new Set(colours).size).toBe(3);
      expect(colours[2]).toBe(colours[3]);

      expect(report.dialogs).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      expect(report.requests).toEqual([report.url]);
      await expect(report.page.locator('img').count()).resolves.toBe(0);
      await screenshot(report.page, 'trends');
    } finally {
      await report.close();
    }
  });

  it('draws nothing without history (a first run, --no-history)', () => {
    const html = renderHtml(sampleRun());
    expect(html).not.toContain('<svg class="spark"');
    expect(html).not.toContain('<ol class="trend"');
  });
});
