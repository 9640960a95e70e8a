import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/**
 * Where the official JSON Schemas of the open standards are read from. They are not copied into
 * datacheck: DATACHECK_STANDARD_SCHEMAS names a folder holding `odcs/` and `datacontract-spec/`
 * (the layout of the published schema repositories' files), else the team's shared oracle folder
 * beside the package (`../shared/oracles`, found by walking up) is used.
 */
export function standardSchemaDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.DATACHECK_STANDARD_SCHEMAS) dirs.push(path.resolve(env.DATACHECK_STANDARD_SCHEMAS));
  for (let dir = path.dirname(PACKAGE_ROOT); ; dir = path.dirname(dir)) {
    const oracles = path.join(dir, 'shared', 'oracles');
    if (existsSync(oracles)) dirs.push(oracles);
    if (path.dirname(dir) === dir) break;
  }
  return dirs;
}

/** The first existing `<dir>/<folder>/<file>` of the schema folders, or where it was looked for. */
export function findSchemaFile(folder: string, file: string, env?: NodeJS.ProcessEnv): { file: string } | { lookedIn: string[] } {
  const dirs = standardSchemaDirs(env);
  for (const d of dirs) {
    const candidate = path.join(d, folder, file);
    if (existsSync(candidate)) return { file: candidate };
  }
  return { lookedIn: dirs.map((d) => path.join(d, folder)) };
}
