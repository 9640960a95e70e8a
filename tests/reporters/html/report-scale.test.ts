import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import { datacheck, root } from '../../e2e/harness.js';
import { chromiumForFile, openReport, screenshot } from './browser.js';
import { largeRun } from './large-run.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'datacheck-html-scale-'));
const chromium = chromiumForFile();

describe('the HTML report at scale', () => {
  it('50 datasets and 2,000 checks: under 3 MB, loaded and painted in Chromium in under a second, filters stay fast', async () => {
    const run = largeRun(50, 40);
    const file = path.join(tmp, 'large.html');
    const t0 = performance.now();
    writeFileSync(file, renderHtml(run));
    const renderMs = performance.now() - t0;
    const bytes = statSync(file).size;
    expect(bytes).toBeLessThan(3 * 1024 * 1024);

    // Best of three fresh pages: the first pays for Chromium's own warm-up on a shared machine.
    const timings: { load: number; paint: number; filter: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await openReport(chromium(), file);
      try {
        expect(r.consoleErrors).toEqual([]);
        expect(await r.page.locator('tr.check').count()).toBe(2000);
        const t = (await r.page.evaluate(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
          return { load: nav.loadEventEnd, paint: paint ? paint.startTime : Infinity };
        })()`)) as { load: number; paint: number };
        // A filter click over every row, timed inside the page.
        const filter = (await r.page.evaluate(`(() => {
          const t0 = performance.now();
          document.querySelector('button[data-filter="pass"]').click();
          const hidden = document.querySelectorAll('tr.check[hidden]').length;
          return hidden > 0 ? performance.now() - t0 : -1;
        })()`)) as number;
        timings.push({ ...t, filter });
        if (i === 0) await screenshot(r.page, 'html-large', false);
      } finally {
        await r.close();
      }
    }
    const best = {
      load: Math.min(...timings.map((t) => t.load)),
      paint: Math.min(...timings.map((t) => t.paint)),
      filter: Math.min(...timings.map((t) => t.filter)),
    };
    console.log(
      `html report, 2,000 checks: ${(bytes / 1024 / 1024).toFixed(2)} MB, rendered in ${renderMs.toFixed(0)} ms; Chromium load ${best.load.toFixed(0)} ms, first contentful paint ${best.paint.toFixed(0)} ms, filter click ${best.filter.toFixed(1)} ms`,
    );
    expect(best.filter).toBeGreaterThanOrEqual(0);
    expect(best.load).toBeLessThan(1000);
    expect(best.paint).toBeLessThan(1000);
    expect(best.filter).toBeLessThan(100);
  });

  it('`datacheck report saved.json --reporter html` renders the same report the run wrote', async () => {
    const first = path.join(tmp, 'first.html');
    const json = path.join(tmp, 'saved.json');
    const again = path.join(tmp, 'again.html');
    await datacheck(root, ['--reporter', 'html', '--reporter', 'json', '--output-file', `html=${first}`, '--output-file', `json=${json}`]);
    const r = await datacheck(root, ['report', json, '--reporter', 'html', '--output-file', again]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('report written to');
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('writes to stdout with --output-file -', async () => {
    const json = path.join(tmp, 'saved.json');
    const r = await datacheck(root, ['report', json, '--reporter', 'html', '--output-file', '-']);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });
});
