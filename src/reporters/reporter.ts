import type { RunResult } from '../model/result.js';
import type { ReadFiles } from './protect-inputs.js';

/** Where a reporter writes text meant for the terminal. */
export interface TextOutput {
  write(text: string): unknown;
}

/**
 * What every reporter is given besides the run. `options` holds the reporter's own settings
 * (from `['json', { outputFile }]` in the config or from `--output-file`).
 */
export interface ReporterContext {
  /** Relative output paths resolve against it (the project root). */
  cwd: string;
  stdout: TextOutput;
  /** Colours on: false under NO_COLOR, when stdout is not a terminal, and in tests. */
  color: boolean;
  /** Show every passing check, not just a count per dataset. */
  verbose: boolean;
  options: Record<string, unknown>;
  /** The environment, for reporters that honour CI variables (GITHUB_STEP_SUMMARY); absent means none. */
  env?: Record<string, string | undefined>;
  /** Files the run read: a report is never written over one of them. */
  readFiles?: ReadFiles;
}

/** What a reporter did, so the CLI can tell the user where the files went. */
export interface ReporterOutcome {
  files?: string[];
  /** Problems that did not stop the report (e.g. a lineage endpoint that is down); printed on stderr. */
  warnings?: string[];
}

/**
 * A reporter turns a RunResult into text or files. It reads nothing else: any report can be
 * rendered again later from a saved JSON result (`datacheck report results.json`).
 */
export interface Reporter {
  name: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a reporter that writes nothing returns nothing (console)
  render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome | void> | ReporterOutcome | void;
}
