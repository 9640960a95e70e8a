/** `datacheck/config`: what datacheck.config.ts imports. */
export { defineConfig } from './dsl/define-config.js';
export type { ConfigInput } from './dsl/define-config.js';
export type { ConfigDef, ConnectionDef, ReporterSpec } from './model/config.js';
