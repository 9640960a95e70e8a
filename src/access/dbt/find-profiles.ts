import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatacheckError } from '../../model/issue.js';

export interface ProfilesSearch {
  /** `--profiles-dir` or the config's `dbt.profilesDir`, already resolved. */
  profilesDir?: string;
  projectDir: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The home folder holding `.dbt/` (default: the user's). */
  home?: string;
}

/**
 * profiles.yml by dbt's own rules, first match wins: the `--profiles-dir` flag, `DBT_PROFILES_DIR`,
 * the working directory, the project folder, then `~/.dbt`. A folder given explicitly (flag or
 * variable) must hold the file: falling through to `~/.dbt` would connect somewhere unexpected.
 */
export function findProfilesFile(search: ProfilesSearch): string {
  const explicit: [string, string | undefined][] = [
    ['--profiles-dir', search.profilesDir],
    ['DBT_PROFILES_DIR', search.env.DBT_PROFILES_DIR?.trim() || undefined],
  ];
  for (const [from, dir] of explicit) {
    if (dir === undefined) continue;
    const file = path.join(path.resolve(search.cwd, dir), 'profiles.yml');
    if (existsSync(file)) return file;
    throw new DatacheckError({
      code: 'dbt.profile',
      message: `${from} names ${dir}, which has no profiles.yml`,
      expected: 'a folder holding profiles.yml',
      found: file,
    });
  }
  const home = search.home ?? os.homedir();
  const candidates = [...new Set([search.cwd, search.projectDir, path.join(home, '.dbt')])].map((d) => path.join(d, 'profiles.yml'));
  const found = candidates.find((f) => existsSync(f));
  if (found) return found;
  throw new DatacheckError({
    code: 'dbt.profile',
    message: 'no profiles.yml found for the dbt project',
    expected: `profiles.yml in --profiles-dir, DBT_PROFILES_DIR, or one of ${candidates.join(', ')}`,
    found: 'none',
  });
}
