import type { Reporter } from './reporter.js';

/**
 * Reporters by name, loaded only when asked for. A new reporter is one line here (and its own
 * folder or file under src/reporters/); nothing registers itself by import side effects.
 */
export const REPORTERS: Record<string, () => Promise<Reporter>> = {
  console: async () => (await import('./console.js')).consoleReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  openlineage: async () => (await import('./openlineage/index.js')).openlineageReporter,
  html: async () => (await import('./html/html-reporter.js')).htmlReporter,
};
