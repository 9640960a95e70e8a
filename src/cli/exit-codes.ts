import type { Severity } from '../model/check.js';
import type { RunResult } from '../model/result.js';

/**
 * The process exit codes, kept apart so CI can tell "the data is wrong" from "we could not look":
 * 0 every check passed (warnings allowed), 1 a check failed (or warned, with --fail-on warn),
 * 2 the run could not be done (bad usage, bad files, unreadable data, a check that errored).
 */
export const EXIT = { passed: 0, failed: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The signals that stop a run, and the exit code a shell gives a process they ended (128 + n). */
export type StopSignal = 'SIGINT' | 'SIGTERM';
export const EXIT_ON_SIGNAL: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export function exitCodeFor(run: Pick<RunResult, 'outcome' | 'counts'>, failOn: Severity = 'error'): ExitCode {
  if (run.outcome === 'error') return EXIT.error;
  if (run.outcome === 'failed') return EXIT.failed;
  if (failOn === 'warn' && run.counts.warn > 0) return EXIT.failed;
  return EXIT.passed;
}
