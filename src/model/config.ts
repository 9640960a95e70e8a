import type { Severity } from './check.js';

/**
 * A reporter by name, or `[name, options]` like vitest's config, as the run reads it: names are
 * checked against the reporter registry when the run starts. `defineConfig` types them per
 * reporter (src/reporters/reporter-options.ts), so a config written with it is checked at compile time.
 */
export type ReporterSpec = string | [string, Record<string, unknown>];

export interface ConnectionDef {
  /** Spelt out, not an alias, so a type error in a config shows the choices. */
  kind: 'postgres' | 'duckdb' | 'clickhouse';
  /**
   * Name of the environment variable holding the connection URL (credentials never live in files,
   * so a literal `url` key is rejected). PostgreSQL: `postgres://user:password@host:port/database`,
   * libpq URL parameters such as `?sslmode=verify-full` included. ClickHouse (HTTP interface):
   * `http://user:password@host:8123/database`, or https.
   */
  urlEnv?: string;
  /** DuckDB database file. */
  path?: string;
  /**
   * PostgreSQL TLS, when not given by `sslmode` in the URL (setting both is an error). `true`: TLS
   * with the server certificate verified against the system CAs; an object to adjust that.
   */
  ssl?: boolean | TlsOptions;
  /**
   * PostgreSQL and ClickHouse: the server cancels any one query running longer than this (default
   * 300000, 5 minutes; ClickHouse's max_execution_time counts whole seconds).
   */
  statementTimeoutMs?: number;
  /** PostgreSQL: give up connecting after this long (default 15000). */
  connectTimeoutMs?: number;
}

/** The databases datacheck connects to. Every kind has an opener (src/run/connections.ts defaultOpeners, typed from this). */
export type ConnectionKind = ConnectionDef['kind'];

/** TLS settings for a PostgreSQL connection. Relative file paths resolve from the working directory. */
export interface TlsOptions {
  /** Verify the server certificate (default true). `false` encrypts but accepts any server: testing only. */
  rejectUnauthorized?: boolean;
  /** PEM file with the CA certificate(s) the server certificate must chain to, e.g. a cloud provider's bundle. */
  caFile?: string;
  /** PEM client certificate and key, for servers that authenticate clients by certificate. */
  certFile?: string;
  keyFile?: string;
  /** Host name to verify the certificate against, when it differs from the URL's host (e.g. a tunnel). */
  servername?: string;
}

/**
 * Where `source: { dbt: 'orders' }` is resolved: a dbt project's `target/manifest.json` names the
 * relation, its `profiles.yml` the connection. Paths are relative to the config file's folder.
 */
export interface DbtSettings {
  /** The folder holding dbt_project.yml (default: the working directory). `--dbt-project` overrides it. */
  project?: string;
  /** The folder holding profiles.yml, as dbt's `--profiles-dir` (default: dbt's search, see the README). */
  profilesDir?: string;
  /** The profile's target (default: `DBT_TARGET`, then the profile's own `target:`). `--target` overrides it. */
  target?: string;
}

/**
 * Where the metric history is kept. Default: the DuckDB file `.datacheck/history.duckdb` under the
 * project root. With `connection`, a schema in that PostgreSQL connection (shared by CI machines).
 */
export interface HistoryConfig {
  /** DuckDB file, relative to the project root (default `.datacheck/history.duckdb`). */
  path?: string;
  /** A PostgreSQL connection of `connections`: the history lives in `schema` there. */
  connection?: string;
  /** The PostgreSQL schema (default `datacheck_history`); created with its table on first use. */
  schema?: string;
}

/** A message sent after the run: a Slack or Teams incoming webhook, or any endpoint taking JSON. */
export interface AlertDef {
  kind: 'slack' | 'teams' | 'webhook';
  /** The environment variable holding the webhook URL (a secret: never in the config, never printed). */
  urlEnv: string;
  /** `fail`: when the run failed or could not be done; `warn`: also when a check warned. */
  on: 'fail' | 'warn';
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
  /** The dbt project `{ dbt: '...' }` sources resolve through. */
  dbt?: DbtSettings;
  /** Type-check contract and suite files with TypeScript before running (default true). */
  typecheck?: boolean;
  /**
   * Column distributions (histograms, top values) for the HTML report's charts: `full` computes
   * them, `basic` only nulls and min/max. Default: `full` when the html reporter runs, else `basic`
   * (they cost extra scans, which a CI gate that prints a console summary should not pay).
   */
  profile?: 'basic' | 'full';
  /** How long one contract, suite or config file may take to load: milliseconds or '500ms', '30s', '2m' (default '30s'). */
  loadTimeout?: number | `${number}${'ms' | 's' | 'm'}`;
  /**
   * How much memory embedded DuckDB may use before it spills to a temp directory: '4GB', '512MiB'
   * or a share of the machine, '50%' (the default).
   */
  memory?: string;
  /** The metric history change and anomaly checks read (see HistoryConfig); `false`: none is kept. */
  history?: false | HistoryConfig;
  /** Sent after the run; a delivery failure is a warning unless --alerts-required. */
  alerts?: AlertDef[];
}
