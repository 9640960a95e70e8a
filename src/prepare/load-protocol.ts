import type { Issue } from '../model/issue.js';

/** What the main thread tells the load worker when starting it. */
export interface LoaderSettings {
  /** jiti's transpile cache folder (already checked to be the user's own), or false for none. */
  cacheDir: string | false;
}

/** One file to load: as contracts/suites, or as the config (its default export). */
export interface LoadRequest {
  file: string;
  as: 'definitions' | 'config';
}

/** An error as it crosses the thread boundary: enough for `--debug` to print its stack. */
export interface SerializedError {
  name: string;
  message: string;
  stack: string;
}

export type LoadReply =
  | {
      file: string;
      ok: true;
      /** The contracts and suites the file exports (arrays flattened), in export order. */
      definitions?: unknown[];
      /** Each export's name and what it is ("a contract", "a function"), for "exports no contract". */
      exports?: Record<string, string>;
      config?: unknown;
    }
  | { file: string; ok: false; issue: Issue; error: SerializedError };
