// How the HTML tests (browser.ts) and the report benchmark (bench/html-report.mjs) start Chromium.
// No imports: the benchmark loads this file through jiti, which cannot load playwright-core itself.

/** Real Chromium, the Debian package (see DEVELOPERS.md); DATACHECK_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.DATACHECK_CHROMIUM ?? '/usr/bin/chromium';

/** `--no-sandbox`: CI containers run as root, where Chromium's sandbox cannot start. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
