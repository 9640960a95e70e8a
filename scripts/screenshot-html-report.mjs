#!/usr/bin/env node
// Takes the README's screenshot of an HTML report in headless Chromium (the Debian package, as the
// browser tests use it; see DEVELOPERS.md):
//   npm run build && npx datacheck --reporter console --reporter html
//   node scripts/screenshot-html-report.mjs [reports/datacheck.html] [docs/html-report.png]
// The first screen (1280x900, light scheme): the summary a reader sees first; then the column
// profiles of one dataset, the charts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [report = 'reports/datacheck.html', out = 'docs/html-report.png'] = process.argv.slice(2);
const executablePath = process.env.DATACHECK_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set DATACHECK_CHROMIUM)`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await page.goto(pathToFileURL(path.resolve(report)).href, { waitUntil: 'load' });
  await page.screenshot({ path: out });
  console.error(`screenshot written to ${out}`);
  // And the column profiles of the first dataset that has a chart (histograms, top values).
  const profiles = page.locator('section.dataset:has(svg) .profiles').first();
  if (await profiles.count()) {
    const profilesOut = out.replace(/\.png$/, '-profiles.png');
    await profiles.scrollIntoViewIfNeeded();
    await profiles.screenshot({ path: profilesOut });
    console.error(`screenshot written to ${profilesOut}`);
  }
} finally {
  await browser.close();
}
