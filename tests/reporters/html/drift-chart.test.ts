import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriftMeasure } from '../../../src/model/measure.js';
import type { RunResult } from '../../../src/model/result.js';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import { datacheck, root } from '../../e2e/harness.js';
import { chromiumForFile, openReport, screenshot } from './browser.js';
import type { OpenedReport } from './browser.js';

// Drift checks in the HTML report, opened in headless Chromium: each draws its reference and
// current distributions over each other, with the statistic and p-value beside them.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'datacheck-drift-html-'));
const chromium = chromiumForFile();

async function brokenReport() {
  const html = path.join(tmp, 'broken.html');
  const json = path.join(tmp, 'broken.json');
  const cwd = path.join(root, 'examples/broken');
  const r = await datacheck(cwd, [
    '--no-typecheck',
    '--reporter',
    'html',
    '--reporter',
    'json',
    '--output-file',
    `html=${html}`,
    '--output-file',
    `json=${json}`,
  ]);
  expect(r.code).toBe(1);
  return { html, run: JSON.parse(readFileSync(json, 'utf8')) as RunResult };
}

async function expectInert(r: OpenedReport) {
  expect(r.requests).toEqual([r.url]);
  expect(r.dialogs).toEqual([]);
  expect(r.consoleErrors).toEqual([]);
  expect(r.pageErrors).toEqual([]);
  expect(await r.page.evaluate('window.__pwned')).toBeUndefined();
}

const driftChecks = (run: RunResult) => run.datasets.flatMap((d) => d.checks).filter((c) => c.kind === 'drift');

describe('drift charts in the HTML report', () => {
  it('every drift check draws reference and current over the same bins, with statistic and p-value', async () => {
    const { html, run } = await brokenReport();
    const checks = driftChecks(run);
    expect(checks.length).toBe(2);
    const r = await openReport(chromium(), html);
    try {
      await expectInert(r);
      const figures = r.page.locator('figure.drift');
      expect(await figures.count()).toBe(checks.length);
      for (const [i, c] of checks.entries()) {
        const m = c.measure as DriftMeasure;
        const figure = r.page.locator('tr.check', { hasText: c.title }).locator('figure.drift');
        // One outlined reference bar and one filled current bar per bin (an empty bin's bar is 0 high).
        expect(await figure.locator('rect.ref').count(), `check ${i}`).toBe(m.bins!.labels.length);
        expect(await figure.locator('rect.cur').count()).toBe(m.bins!.labels.length);
        await expect(figure.locator('svg').getAttribute('aria-label')).resolves.toContain(`${m.method} drift of ${c.column}`);
        const caption = await figure.locator('figcaption').innerText();
        expect(caption).toContain(`${m.method} ${Number(m.statistic!.toPrecision(6))}`);
        expect(caption).toContain(`p ${Number(m.pValue!.toPrecision(6))}`);
        expect(caption).toContain(m.bins!.labels[0]);
      }
      // Bars are shares of each side's total: the tallest of either reaches the full height.
      const heights = await r.page
        .locator('figure.drift')
        .first()
        .locator('rect')
        .evaluateAll((rs) => rs.map((x) => Number(x.getAttribute('height'))));
      expect(Math.max(...heights)).toBe(60);
      await screenshot(r.page, 'html-drift', false);
    } finally {
      await r.close();
    }
  });

  it('labels and methods from a hand-edited result are shown as text, and numbers that are not numbers are drawn as nothing', async () => {
    const { run } = await brokenReport();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const c = driftChecks(run)[0];
    const m = c.measure as DriftMeasure;
    c.measure = {
      ...m,
      method: hostile as never,
      bins: { ...m.bins!, labels: [hostile, ...m.bins!.labels.slice(1)], current: m.bins!.current.map(() => '1e999x' as never) },
    };
    const file = path.join(tmp, 'hostile.html');
    writeFileSync(file, renderHtml(run));
    const r = await openReport(chromium(), file);
    try {
      await expectInert(r);
      await expect(r.page.locator('figure.drift').first().locator('figcaption').innerText()).resolves.toContain(hostile);
      const current = await r.page
        .locator('figure.drift')
        .first()
        .locator('rect.cur')
        .evaluateAll((rs) => rs.map((x) => x.getAttribute('height')));
      expect(new Set(current)).toEqual(new Set(['0']));
    } finally {
      await r.close();
    }
  });

  it('a drift check without bins (a pii column) shows its statistic and no chart', async () => {
    const { run } = await brokenReport();
    const c = driftChecks(run)[1];
    const { bins: _bins, ...rest } = c.measure as DriftMeasure;
    c.measure = rest;
    const file = path.join(tmp, 'no-bins.html');
    writeFileSync(file, renderHtml(run));
    const r = await openReport(chromium(), file);
    try {
      await expectInert(r);
      expect(await r.page.locator('figure.drift').count()).toBe(1);
      const row = r.page.locator('tr.check', { hasText: c.title });
      await expect(row.locator('.drift-stats').innerText()).resolves.toMatch(
        /^ks 0\.\d+ p \S+ \(exact\) · reference \d+ values, current \d+$/,
      );
    } finally {
      await r.close();
    }
  });
});
