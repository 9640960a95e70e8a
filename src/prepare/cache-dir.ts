import { lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface CacheDirChoice {
  /** Where jiti may keep transpiled user files, or false: transpile every run, trust no folder. */
  dir: string | false;
  /** Why no cache folder is used, for `--debug`. */
  refused?: string;
}

/**
 * jiti's cache holds JavaScript it runs without re-checking where it came from (only a hash of
 * the source it is told it caches). Its default folder, `$TMPDIR/jiti`, is shared by every local
 * user: whoever creates it first can plant code that runs as the next user of datacheck. So the
 * cache lives inside the project (`node_modules/.cache/datacheck/jiti`, writable only by whoever
 * can already change the project's dependencies), and a folder on that path that another user
 * owns, or that others may write to, is not used at all: loading is then cacheless. The
 * type-check's result cache (`typecheck`) sits beside it under the same rule: a planted entry
 * there could hide type errors.
 */
export function chooseCacheDir(projectRoot: string, name: 'jiti' | 'typecheck' = 'jiti'): CacheDirChoice {
  const nodeModules = path.join(projectRoot, 'node_modules');
  if (!isDirectory(nodeModules)) return { dir: false, refused: `${nodeModules} does not exist` };
  const chain = [
    path.join(nodeModules, '.cache'),
    path.join(nodeModules, '.cache', 'datacheck'),
    path.join(nodeModules, '.cache', 'datacheck', name),
  ];
  try {
    mkdirSync(chain[2], { recursive: true, mode: 0o700 });
  } catch (e) {
    return { dir: false, refused: `cannot create ${chain[2]}: ${(e as Error).message}` };
  }
  for (const dir of chain) {
    const problem = unsafeBecause(dir);
    if (problem) return { dir: false, refused: `${dir} ${problem}` };
  }
  return { dir: chain[2] };
}

/** Why another local user could put files in this folder, or undefined when only we can. */
export function unsafeBecause(dir: string): string | undefined {
  const s = lstatSync(dir);
  if (s.isSymbolicLink()) return 'is a symbolic link';
  if (!s.isDirectory()) return 'is not a folder';
  const uid = process.getuid?.();
  // Windows has no uids: its per-user temp folders are what keeps users apart there.
  if (uid !== undefined && s.uid !== uid) return `is owned by uid ${s.uid}, not by the current user (uid ${uid})`;
  if ((s.mode & 0o022) !== 0) return `is writable by ${s.mode & 0o002 ? 'every user' : 'its group'} (mode ${(s.mode & 0o777).toString(8)})`;
  return undefined;
}

function isDirectory(p: string): boolean {
  try {
    return lstatSync(p).isDirectory() || lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
