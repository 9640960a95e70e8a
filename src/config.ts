/**
 * `datacheck/config`: what datacheck.config.ts imports. The one definition of `defineConfig`;
 * `datacheck` re-exports it. It lives at the package's entry rather than in src/dsl because its
 * input is typed from the reporter registry (reporter names and each reporter's options), which
 * the DSL layer does not import.
 */
import type { ConfigDef } from './model/config.js';
import type { TypedReporterSpec } from './reporters/reporter-options.js';

/** datacheck.config.ts's input: every ConfigDef field, with reporters typed per reporter. */
export type ConfigInput = Omit<ConfigDef, 'kind' | 'reporters'> & {
  /** `'console'`, or `['junit', { outputFile: 'reports/junit.xml', fileAttributes: true }]`: a misspelt name or option does not compile. */
  reporters?: TypedReporterSpec[];
};

/** datacheck.config.ts: `export default defineConfig({ reporters: ['console', 'json'] })`. */
export function defineConfig(config: ConfigInput): ConfigDef {
  return { ...config, kind: 'config' };
}

export type { ConfigDef, ConnectionDef, ConnectionKind, ReporterSpec, TlsOptions } from './model/config.js';
export type { FileReporterOptions, ReporterName, ReporterOptionsByName, TypedReporterSpec } from './reporters/reporter-options.js';
