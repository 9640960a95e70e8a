import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import type { RunResult } from '../../../src/model/result.js';
import { datacheck, projectOf, root } from '../../e2e/harness.js';
import { chromiumForFile, launchChromium, openReport, screenshot } from './browser.js';
import type { OpenedReport } from './browser.js';
import { HOSTILE, hostileRun } from './hostile-run.js';

// Reports produced by the real CLI (dist/, built by `npm run build`) and by hand for hostile
// values, opened in headless Chromium: nothing may load, run or complain, and the controls work.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'datacheck-html-'));
const chromium = chromiumForFile();

/** Runs the CLI in `cwd` writing the HTML and JSON reports; returns their paths and the run. */
async function cliReport(cwd: string, name: string, args: string[] = []) {
  const html = path.join(tmp, `${name}.html`);
  const json = path.join(tmp, `${name}.json`);
  // --no-history: the bundled example runs inside the repository, which must not collect a history.
  const r = await datacheck(cwd, [
    '--no-history',
    '--reporter',
    'html',
    '--reporter',
    'json',
    '--output-file',
    `html=${html}`,
    '--output-file',
    `json=${json}`,
    ...args,
  ]);
  expect(r.stderr).toContain('report written to');
  return { html, json, code: r.code, run: JSON.parse(readFileSync(json, 'utf8')) as RunResult };
}

/** The report did nothing a report must not: no request but itself, no dialog, no error, no injected script. */
async function expectInert(r: OpenedReport) {
  expect(r.requests).toEqual([r.url]);
  expect(r.dialogs).toEqual([]);
  expect(r.consoleErrors).toEqual([]);
  expect(r.pageErrors).toEqual([]);
  expect(await r.page.evaluate('window.__pwned')).toBeUndefined();
}

const total = (run: RunResult) => Object.values(run.counts).reduce((a, b) => a + b, 0);
const visibleChecks = (r: OpenedReport) => r.page.locator('tr.check:visible').count();

describe('the HTML report in Chromium', () => {
  it('passing run (the bundled example): summary, every check, profiles with charts, pii masked', async () => {
    const { html, code, run } = await cliReport(root, 'passing');
    expect(code).toBe(0);
    const r = await openReport(chromium(), html);
    try {
      await expectInert(r);
      await expect(r.page.locator('h1').innerText()).resolves.toMatch(/Passed\s+datacheck run passed/);
      expect(await visibleChecks(r)).toBe(total(run));
      expect(await r.page.locator('svg.hist').count()).toBeGreaterThan(0);
      expect(await r.page.locator('table.top').count()).toBeGreaterThan(0);
      // customers.first_name is pii: its profile shows no values, and no name appears anywhere.
      const content = await r.page.content();
      expect(content).toContain('values not shown (pii)');
      for (const name of ['Michael', 'Shawn']) expect(content).not.toContain(name);
      // When and where: the worktree is a git checkout.
      await expect(r.page.locator('.facts').first().innerText()).resolves.toMatch(/Git commit\s+[0-9a-f]{12}/);
      await screenshot(r.page, 'html-passing', false);
    } finally {
      await r.close();
    }
  });

  it('failing run (examples/broken): outcome filters and search change the visible rows and the counts', async () => {
    const { html, run } = await cliReport(path.join(root, 'examples/broken'), 'failing', ['--no-typecheck']);
    expect(run.counts.fail).toBeGreaterThan(0);
    const r = await openReport(chromium(), html);
    try {
      await expectInert(r);
      const n = total(run);
      const status = r.page.locator('#shown');
      await expect(status.innerText()).resolves.toBe(`Showing ${n} of ${n} checks`);
      expect(await visibleChecks(r)).toBe(n);

      const passed = r.page.locator('button[data-filter="pass"]');
      await passed.click();
      await expect(passed.getAttribute('aria-pressed')).resolves.toBe('false');
      expect(await visibleChecks(r)).toBe(n - run.counts.pass);
      expect(await r.page.locator('tr.check[data-outcome="pass"]:visible').count()).toBe(0);
      await expect(status.innerText()).resolves.toBe(`Showing ${n - run.counts.pass} of ${n} checks`);
      await passed.click();
      expect(await visibleChecks(r)).toBe(n);

      const failed = run.datasets.flatMap((d) => d.checks).filter((c) => c.outcome === 'fail');
      const needle = failed[0].title.slice(0, 12).toLowerCase();
      const expected = run.datasets.flatMap((d) => d.checks).filter((c) => JSON.stringify(c).toLowerCase().includes(needle)).length;
      await r.page.fill('#q', needle.toUpperCase());
      const shown = await visibleChecks(r);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(expected);
      for (const text of await r.page.locator('tr.check:visible').allInnerTexts()) expect(text.toLowerCase()).toContain(needle);
      await r.page.fill('#q', 'no check is called this');
      expect(await visibleChecks(r)).toBe(0);
      expect(await r.page.locator('section.dataset:visible').count()).toBe(0);
      await expect(status.innerText()).resolves.toBe(`Showing 0 of ${n} checks`);
      await r.page.fill('#q', '');
      expect(await visibleChecks(r)).toBe(n);
      await screenshot(r.page, 'html-failing');
    } finally {
      await r.close();
    }
  });

  it('is readable with JavaScript off: every check shown, the controls hidden', async () => {
    const { html, run } = await cliReport(path.join(root, 'examples/broken'), 'failing-nojs', ['--no-typecheck']);
    const r = await openReport(chromium(), html, { javaScript: false });
    try {
      await expectInert(r);
      expect(await visibleChecks(r)).toBe(total(run));
      expect(await r.page.locator('.controls').isVisible()).toBe(false);
      expect(await r.page.locator('details.rows[open] table.rows tbody tr:visible').count()).toBeGreaterThan(0);
      await screenshot(r.page, 'html-failing-no-js', false);
    } finally {
      await r.close();
    }
  });

  it('erroring run (a source that cannot be read): the dataset issue and every check as error', async () => {
    const dir = projectOf({
      'contracts/orders.contract.ts': `import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'orders', source: { file: 'data/missing.csv' }, columns: { id: col.int32() } });\n`,
    });
    const { html, code, run } = await cliReport(dir, 'erroring', ['--no-typecheck']);
    expect(code).toBe(2);
    const r = await openReport(chromium(), html, { colorScheme: 'dark' });
    try {
      await expectInert(r);
      await expect(r.page.locator('.ds-issues').innerText()).resolves.toContain('Could not check this dataset');
      expect(await r.page.locator('tr.check[data-outcome="error"]').count()).toBe(total(run));
      await expect(r.page.locator('tr.check .badge').first().innerText()).resolves.toMatch(/✖\s*Error/);
      await screenshot(r.page, 'html-erroring-dark', false);
    } finally {
      await r.close();
    }
  });

  it('hostile values are shown as text: nothing runs, the stylesheet and the document stay whole', async () => {
    const file = path.join(tmp, 'hostile.html');
    writeFileSync(file, renderHtml(hostileRun()));
    const r = await openReport(chromium(), file);
    try {
      await expectInert(r);
      const shown = await r.page.locator('main').innerText();
      for (const v of [
        '<script>window.__pwned=1</script>',
        '</style><script>window.__pwned=1</script>',
        ']]><!-- -->',
        'שלום עולם',
        '\\u202egnp.exe',
        '\\u0007',
      ])
        expect(shown).toContain(v);
      expect(await r.page.locator('script').count()).toBe(1);
      expect(await r.page.locator('img').count()).toBe(0);
      expect(await r.page.locator('footer').count()).toBe(1);
      // The stylesheet still applies (a `</style>` in a value did not end it).
      await expect(r.page.evaluate(`getComputedStyle(document.querySelector('.badge')).borderRadius`)).resolves.toBe('999px');
      // Filters still work over hostile rows.
      await r.page.fill('#q', HOSTILE[0]);
      expect(await visibleChecks(r)).toBeGreaterThan(0);
      await screenshot(r.page, 'html-hostile', false);
    } finally {
      await r.close();
    }
  });

  it('a missing Chromium fails the tests with what to install, never skips them', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      /Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/,
    );
  });

  it('the checks above can fail: an unescaped page is caught running script, opening a dialog and loading', async () => {
    const file = path.join(tmp, 'unsafe.html');
    writeFileSync(
      file,
      `<!DOCTYPE html><p><img src=x onerror="window.__pwned=1"><img src="http://example.invalid/a.png"><script>alert(1)</script>`,
    );
    const r = await openReport(chromium(), file);
    try {
      expect(await r.page.evaluate('window.__pwned')).toBe(1);
      expect(r.dialogs).toEqual(['1']);
      expect(r.requests.length).toBeGreaterThan(1);
    } finally {
      await r.close();
    }
  });
});
