import type { ConfigDef } from '../model/config.js';
import type { Issue } from '../model/issue.js';
import type { UserCodeLoader } from './isolated-loader.js';
import { createLoader } from './load.js';
import { parseLoadTimeout } from './load-timeout.js';

export interface RunLoader {
  loader: UserCodeLoader;
  /** A bad --load-timeout / DATACHECK_LOAD_TIMEOUT value. */
  issues: Issue[];
  /** The config's `loadTimeout` applies to the files loaded after it, unless the flag or env var set one. */
  useConfig(config: ConfigDef): void;
}

/** The loader a command uses: its timeout from `--load-timeout`, else DATACHECK_LOAD_TIMEOUT, else the config. */
export function loaderForRun(projectRoot: string, flag: string | undefined, env: Record<string, string | undefined>): RunLoader {
  const given =
    flag !== undefined ? parseLoadTimeout(flag, '--load-timeout') : parseLoadTimeout(env.DATACHECK_LOAD_TIMEOUT, 'DATACHECK_LOAD_TIMEOUT');
  const loader = createLoader({ projectRoot, ...(given.ms !== undefined && { timeoutMs: given.ms }) });
  return {
    loader,
    issues: given.issue ? [given.issue] : [],
    useConfig(config) {
      const fromConfig = parseLoadTimeout(config.loadTimeout, 'loadTimeout').ms;
      if (given.ms === undefined && fromConfig !== undefined) loader.setTimeout(fromConfig);
    },
  };
}
