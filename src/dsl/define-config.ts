import type { ConfigDef } from '../model/config.js';

export type ConfigInput = Omit<ConfigDef, 'kind'>;

/** datacheck.config.ts: `export default defineConfig({ reporters: ['console', 'json'] })`. */
export function defineConfig(config: ConfigInput): ConfigDef {
  return { ...config, kind: 'config' };
}
