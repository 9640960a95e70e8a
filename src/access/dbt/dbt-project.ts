import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatacheckError } from '../../model/issue.js';
import { findProfilesFile } from './find-profiles.js';
import { readManifest } from './manifest.js';
import type { Manifest } from './manifest.js';
import { profileConnection } from './profile-connection.js';
import type { DbtConnection } from './profile-connection.js';
import { asMapping, readYamlFile } from './read-yaml.js';
import { renderEnvVars } from './render-env-var.js';

/** How to find the dbt project, as the CLI flags and the config's `dbt` key give it (paths resolved). */
export interface DbtOptions {
  /** The folder holding dbt_project.yml. */
  project: string;
  profilesDir?: string;
  target?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where `~/.dbt` is looked for (tests point it away from the real home). */
  home?: string;
}

/** A dbt project ready to resolve `{ dbt }` sources: its manifest and the connection of its profile's target. */
export interface DbtProject {
  dir: string;
  name: string;
  manifest: Manifest;
  connection: DbtConnection;
  /** The name the run's connection registry knows this target by, e.g. `dbt:jaffle_shop.dev`. */
  connectionName: string;
}

/** dbt_project.yml's name, profile and target-path (env_var() rendered, as dbt does). */
export function readDbtProjectFile(dir: string, env: NodeJS.ProcessEnv): { name: string; profile: string; targetPath: string } {
  const file = path.join(dir, 'dbt_project.yml');
  if (!existsSync(file)) {
    throw new DatacheckError({
      code: 'dbt.no_project',
      message: `no dbt_project.yml in ${dir}`,
      expected: 'the folder of a dbt project: --dbt-project <dir>, or dbt: { project } in datacheck.config.ts',
      found: dir,
    });
  }
  const doc = asMapping(readYamlFile(file, file)) ?? {};
  const text = (key: string) => (typeof doc[key] === 'string' ? renderEnvVars(doc[key] as string, env, `${file}: ${key}`) : undefined);
  const name = text('name');
  if (!name) {
    throw new DatacheckError({
      code: 'dbt.yaml_invalid',
      message: `${file}: has no name`,
      expected: "name: 'my_project'",
      found: 'no name',
    });
  }
  return {
    name,
    profile: text('profile') ?? name,
    targetPath: (env.DBT_TARGET_PATH?.trim() || undefined) ?? text('target-path') ?? 'target',
  };
}

/** Reads the project file, the manifest and the profile; throws a DatacheckError naming what is missing. */
export function loadDbtProject(options: DbtOptions): DbtProject {
  const dir = path.resolve(options.cwd, options.project);
  const project = readDbtProjectFile(dir, options.env);
  const manifest = readManifest(path.join(path.resolve(dir, project.targetPath), 'manifest.json'));
  const file = findProfilesFile({
    ...(options.profilesDir !== undefined && { profilesDir: options.profilesDir }),
    projectDir: dir,
    cwd: options.cwd,
    env: options.env,
    ...(options.home !== undefined && { home: options.home }),
  });
  const connection = profileConnection({
    file,
    profile: project.profile,
    ...(options.target !== undefined && { target: options.target }),
    projectDir: dir,
    env: options.env,
  });
  return { dir, name: project.name, manifest, connection, connectionName: `dbt:${connection.profile}.${connection.target}` };
}
