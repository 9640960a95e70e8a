import type { RunInput } from '../run/runner.js';
import type { RunResult } from '../model/result.js';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches outside itself; bin/ passes the real process, tests pass fakes. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Aborted when the process is told to stop (bin/datacheck.js: SIGINT, SIGTERM; the reason is the
   * signal's name): the run cancels its running queries and the command ends with 130 or 143.
   */
  signal?: AbortSignal;
  /** Test seam: the runner to call (default: src/run/runner.ts). */
  run?: (input: RunInput) => Promise<RunResult>;
}

export function processIo(signal?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...(signal && { signal }) };
}

/**
 * Colour only for a person at a terminal: never under NO_COLOR (no-color.org: set and not empty),
 * forced by FORCE_COLOR, otherwise only when stdout is a TTY (so CI logs and pipes stay clean).
 */
export function wantsColor(io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  const { NO_COLOR, FORCE_COLOR, TERM } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return Boolean(io.stdout.isTTY) && TERM !== 'dumb';
}
