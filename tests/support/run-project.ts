import type { RunResult } from '../../src/model/result.js';
import { loadConfigFile } from '../../src/prepare/config-file.js';
import { discover } from '../../src/prepare/discover.js';
import { createLoader, loadUserFiles } from '../../src/prepare/load.js';
import { runDatacheck } from '../../src/run/runner.js';

/** The real runner over a project directory (its config, discovered contracts and suites), in process. */
export async function runProject(cwd: string): Promise<RunResult> {
  const loader = createLoader({ projectRoot: cwd });
  const { config } = await loadConfigFile(undefined, cwd, loader);
  const { files } = await discover({ cwd, paths: [] });
  const loaded = await loadUserFiles(files, { cwd, loader });
  await loader.close();
  return runDatacheck({
    cwd,
    contracts: loaded.contracts,
    suites: loaded.suites,
    issues: loaded.issues,
    maxFailingRows: 5,
    ...(config.connections && { connections: config.connections }),
  });
}
