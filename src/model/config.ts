import type { Severity } from './check.js';

export type ReporterName = 'console' | 'json' | 'junit' | 'markdown';

/** A reporter by name, or `[name, options]` like vitest's config. */
export type ReporterSpec = ReporterName | string | [string, Record<string, unknown>];

export interface ConnectionDef {
  kind: 'postgres' | 'duckdb';
  /** Name of the environment variable holding the connection URL (credentials never live in files). */
  urlEnv?: string;
  /** DuckDB database file. */
  path?: string;
}

/** datacheck.config.ts, as plain data. Every field is optional; CLI flags override it. */
export interface ConfigDef {
  kind: 'config';
  /** Globs of contract and suite files, relative to the config file. */
  include?: string[];
  exclude?: string[];
  reporters?: ReporterSpec[];
  /** Failing rows kept per check (default 10). */
  maxFailingRows?: number;
  /** `warn`: warnings fail the run too (exit 1). Default `error`. */
  failOn?: Severity;
  connections?: Record<string, ConnectionDef>;
  /** Type-check contract and suite files with TypeScript before running (default true). */
  typecheck?: boolean;
}
