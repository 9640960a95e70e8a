import path from 'node:path';
import type { DbtOptions } from './dbt-project.js';
import type { ConfigDef } from '../../model/config.js';

export interface DbtFlags {
  dbtProject?: string;
  profilesDir?: string;
  target?: string;
}

/**
 * Where `{ dbt }` sources resolve, from the flags, then the config's `dbt` key (paths relative
 * to the config file), then the working directory as the project. `datacheck` and `datacheck plan`
 * both take it from here, so plan shows the relation and connection the run uses.
 */
export function dbtOptions(
  flags: DbtFlags,
  config: ConfigDef,
  configFile: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
): DbtOptions {
  const configDir = configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd;
  const fromConfig = (p: string | undefined) => (p === undefined ? undefined : path.resolve(configDir, p));
  const profilesDir = flags.profilesDir !== undefined ? path.resolve(cwd, flags.profilesDir) : fromConfig(config.dbt?.profilesDir);
  const target = flags.target ?? config.dbt?.target;
  return {
    project: flags.dbtProject !== undefined ? path.resolve(cwd, flags.dbtProject) : (fromConfig(config.dbt?.project) ?? cwd),
    ...(profilesDir !== undefined && { profilesDir }),
    ...(target !== undefined && { target }),
    cwd,
    env,
  };
}
