/**
 * `datacheck/node`: run contracts and suites from a Node.js program and get the structured result,
 * through the same pipeline as `npx datacheck`, without touching the process (no exit code, no
 * output, no working directory assumed). A separate entry from `datacheck` so that contract and
 * suite files, which import `datacheck`, never load the engines.
 */
export { run } from './api/run.js';
export type { RunOptions } from './api/run.js';
export type { ArqueroTableLike, ArrowTableLike, InMemoryData, InMemorySource } from './model/contract.js';
export type { CheckResult, DatasetResult, Outcome, RunOutcome, RunResult } from './model/result.js';
export type { Issue } from './model/issue.js';
