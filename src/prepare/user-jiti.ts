import path from 'node:path';
import { createJiti } from 'jiti';
import type { Jiti } from 'jiti';
import { FROM_DIST as fromDist, PACKAGE_ROOT } from '../package-root.js';

/**
 * The files `import ... from 'datacheck'` must resolve to in user code. The built CLI points at
 * its own dist; running from source (tests) points at src so no build is needed. Either way user
 * files get this very package, not some other copy in their node_modules.
 */
export function packageEntries(): { index: string; config: string; indexTypes: string; configTypes: string } {
  if (fromDist) {
    const dist = path.join(PACKAGE_ROOT, 'dist', 'src');
    return {
      index: path.join(dist, 'index.js'),
      config: path.join(dist, 'config.js'),
      indexTypes: path.join(dist, 'index.d.ts'),
      configTypes: path.join(dist, 'config.d.ts'),
    };
  }
  const src = path.join(PACKAGE_ROOT, 'src');
  return {
    index: path.join(src, 'index.ts'),
    config: path.join(src, 'config.ts'),
    indexTypes: path.join(src, 'index.ts'),
    configTypes: path.join(src, 'config.ts'),
  };
}

/**
 * One jiti per load worker: its module cache makes a contract imported by a suite the very object
 * the contract file exported. `cacheDir` comes from chooseCacheDir (never jiti's shared default).
 */
export function createUserJiti(cacheDir: string | false): Jiti {
  const entries = packageEntries();
  // The DSL reads each declaration's file:line from `new Error().stack`. jiti's transform keeps
  // every line where it was (tests/prepare/load.test.ts holds it to that), so no process-wide
  // source-map support is switched on: it would slow every stack the DSL captures. Inline maps
  // are still emitted for debuggers and `node --enable-source-maps`.
  return createJiti(import.meta.url, {
    alias: { 'datacheck/config': entries.config, datacheck: entries.index },
    sourceMaps: true,
    moduleCache: true,
    interopDefault: false,
    fsCache: cacheDir,
  });
}
