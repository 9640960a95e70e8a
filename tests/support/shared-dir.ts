import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * The team's shared folder (oracles, public datasets), which lives outside the repository so
 * nothing in it is ever copied in: `<clone>/../shared` in CI, further up from a git worktree.
 * Found by walking up from the repository, or named by DATACHECK_SHARED. Missing means the test
 * fails, saying where it looked: never a silent skip.
 */
export const SHARED_DIR: string = (() => {
  const fromEnv = process.env.DATACHECK_SHARED;
  if (fromEnv) return fromEnv;
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'shared', 'oracles'))) return path.join(dir, 'shared');
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`the shared folder (oracles, datasets) was not found beside ${repoRoot} or its parents: set DATACHECK_SHARED`);
})();

/** A path inside the shared folder, e.g. sharedPath('oracles', 'junit', 'x.xsd'). */
export const sharedPath = (...parts: string[]): string => path.join(SHARED_DIR, ...parts);
