// `npm run bench:html [-- --runs N --datasets D --checks C]`: how the HTML report of a big run
// behaves in a real browser. The report of 50 datasets and 2,000 checks
// (tests/reporters/html/large-run.ts, the run the scale test holds to 3 MB) is rendered, then
// opened in N fresh Chromium pages: the `load` event, the first contentful paint and one filter
// click over every row, each timed inside the page. Best of N: the first page pays for Chromium's
// own warm-up. The TypeScript modules load through jiti (no build needed); playwright natively.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    datasets: { type: 'string', default: '50' },
    checks: { type: 'string', default: '40' },
  },
});
const runs = Number(values.runs);
const datasets = Number(values.datasets);
const checksEach = Number(values.checks);

const jiti = createJiti(import.meta.url);
const { largeRun } = await jiti.import('../tests/reporters/html/large-run.ts');
const { renderHtml } = await jiti.import('../src/reporters/html/html-reporter.ts');
const { CHROMIUM, CHROMIUM_ARGS } = await jiti.import('../tests/reporters/html/chromium-options.ts');

const PAGE_TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
  return { load: nav.loadEventEnd, paint: paint ? paint.startTime : Infinity };
})()`;
// -1 when the click hid nothing: a filter that does not work is not fast.
const FILTER_CLICK = `(() => {
  const t0 = performance.now();
  document.querySelector('button[data-filter="pass"]').click();
  return document.querySelectorAll('tr.check[hidden]').length > 0 ? performance.now() - t0 : -1;
})()`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'datacheck-bench-html-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const run = largeRun(datasets, checksEach);
  const file = path.join(tmp, 'large.html');
  const t0 = performance.now();
  writeFileSync(file, renderHtml(run));
  const renderMs = performance.now() - t0;
  const mb = statSync(file).size / 1024 / 1024;

  const timings = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const t = await page.evaluate(PAGE_TIMINGS);
      const filter = await page.evaluate(FILTER_CLICK);
      if (filter < 0) throw new Error('the filter click hid no row: the report is broken, not slow');
      timings.push({ ...t, filter });
    } finally {
      await context.close();
    }
  }
  const best = (key) => Math.min(...timings.map((t) => t[key]));
  const all = (key) => timings.map((t) => t[key].toFixed(0)).join(', ');
  console.log(
    `html report: ${datasets} datasets, ${(datasets * checksEach).toLocaleString('en-US')} checks, ${mb.toFixed(2)} MB, rendered in ${renderMs.toFixed(0)} ms`,
  );
  console.log(`  load event             ${best('load').toFixed(0)} ms, best of ${runs} (${all('load')})`);
  console.log(`  first contentful paint ${best('paint').toFixed(0)} ms, best of ${runs} (${all('paint')})`);
  console.log(`  filter click, all rows ${best('filter').toFixed(1)} ms, best of ${runs} (${all('filter')})`);
  console.log(`  load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
