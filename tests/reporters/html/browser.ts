import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium-options.js';

export { CHROMIUM } from './chromium-options.js';

/** Screenshots for people to look at, git-ignored. */
export const SCREENSHOTS = path.resolve(__dirname, '../../../reports/screenshots');

/**
 * Launches headless Chromium. A missing browser fails the tests with what to install: skipping
 * would let CI pass without ever opening a report.
 */
export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: the HTML report tests open reports in a real browser. Install it (apt-get install -y chromium) or set DATACHECK_CHROMIUM; see DEVELOPERS.md.`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A report open in a page, with everything it tried to do that a report must not. */
export interface OpenedReport {
  page: Page;
  url: string;
  /** Every request the page made, the document itself included. */
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openReport(
  browser: Browser,
  file: string,
  options: { javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedReport> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const url = pathToFileURL(file).href;
  const opened: OpenedReport = {
    page: await context.newPage(),
    url,
    requests: [],
    dialogs: [],
    consoleErrors: [],
    pageErrors: [],
    close: () => context.close(),
  };
  // Anything but the document itself is refused before it leaves the browser (and recorded).
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  opened.page.on('request', (r) => opened.requests.push(r.url()));
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  opened.page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  opened.page.on('pageerror', (e) => opened.pageErrors.push(e.message));
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
