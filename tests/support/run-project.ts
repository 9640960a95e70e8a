import { run } from '../../src/api/run.js';
import type { RunResult } from '../../src/model/result.js';

/**
 * The real runner over a project directory, in process: its config (connections, `include`, the dbt
 * project), discovery and loading, through `run()` from `datacheck/node`, so a test sees what
 * `npx datacheck` sees there. (A hand-assembled runner here once ignored the config's dbt project
 * and `include`, and the bundled example's reconciliation with its dbt relation ended in error.)
 */
export async function runProject(cwd: string): Promise<RunResult> {
  return run({ cwd, paths: [], maxFailingRows: 5, typecheck: false });
}
