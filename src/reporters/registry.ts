import type { Reporter } from './reporter.js';
import type { ReporterName } from './reporter-options.js';

/**
 * Reporters by name, loaded only when asked for. A new reporter is one line here (and its own
 * folder or file under src/reporters/) and its options in reporter-options.ts, which types this
 * table: a reporter missing here, or one not listed there, does not compile. Nothing registers
 * itself by import side effects.
 */
export const REPORTERS: Record<ReporterName, () => Promise<Reporter>> = {
  console: async () => (await import('./console.js')).consoleReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  openlineage: async () => (await import('./openlineage/index.js')).openlineageReporter,
  html: async () => (await import('./html/html-reporter.js')).htmlReporter,
};

/** A reporter name the registry has (own keys only: `--reporter toString` is not a reporter). */
export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}
