import path from 'node:path';
import type { SqlConnection } from '../engines/sql/sql-connection.js';
import type { ConnectionDef, ConnectionKind } from '../model/config.js';
import { DatacheckError } from '../model/issue.js';
import { interruptedError } from '../engines/sql/interrupted.js';

/** DuckDB's native module loads only when a run reads something through DuckDB. */
async function openDuckdb(options: { path?: string; memoryLimitBytes?: number } = {}): Promise<SqlConnection> {
  const { openDuckdbConnection } = await import('../engines/sql/drivers/duckdb-connection.js');
  return openDuckdbConnection(options);
}

/** Opens one named connection of the config. Credentials come from `env`, never from files. */
export type ConnectionOpener = (name: string, def: ConnectionDef, env: NodeJS.ProcessEnv) => Promise<SqlConnection>;

/** Openers by connection kind; a kind without one gives a `connection.unsupported` issue. */
export type ConnectionOpeners = Partial<Record<ConnectionDef['kind'], ConnectionOpener>>;

/** pg loads only when a run has a PostgreSQL connection. */
const openPostgres: ConnectionOpener = async (name, def, env) =>
  (await import('../engines/sql/drivers/postgres/pg-connection.js')).openPostgresConnection(name, def, env);

/** @clickhouse/client loads only when a run has a ClickHouse connection. */
const openClickhouse: ConnectionOpener = async (name, def, env) =>
  (await import('../engines/sql/drivers/clickhouse/clickhouse-connection.js')).openClickhouseConnection(name, def, env);

/**
 * The openers datacheck ships: one for every connection kind (a kind without one does not compile).
 * `memoryLimitBytes` bounds each embedded DuckDB (the config's `memory`).
 */
export function defaultOpeners(baseDir: string, memoryLimitBytes?: number): Record<ConnectionKind, ConnectionOpener> {
  return {
    postgres: openPostgres,
    clickhouse: openClickhouse,
    duckdb: (name, def) => {
      if (!def.path) {
        return Promise.reject(
          new DatacheckError({
            code: 'connection.invalid',
            message: `connection '${name}' (duckdb) has no path`,
            expected: "{ kind: 'duckdb', path: 'warehouse.duckdb' }",
          }),
        );
      }
      return openDuckdb({ path: path.resolve(baseDir, def.path), ...(memoryLimitBytes && { memoryLimitBytes }) });
    },
  };
}

/**
 * Opens each named connection once per run, lazily, plus one in-memory DuckDB for scanning files,
 * and closes them all at the end of the run.
 */
export class ConnectionRegistry {
  private readonly open = new Map<string, Promise<SqlConnection>>();
  private interrupted = false;

  constructor(
    private readonly defs: Record<string, ConnectionDef>,
    private readonly openers: ConnectionOpeners,
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** The memory limit of the run's own DuckDB (file scans), as for the duckdb connections. */
    private readonly memoryLimitBytes?: number,
  ) {}

  /** The connection named in a source; throws a DatacheckError the runner reports on the dataset. */
  get(name: string): Promise<SqlConnection> {
    if (this.interrupted) return Promise.reject(interruptedError(`connection '${name}'`));
    let c = this.open.get(name);
    if (!c) {
      c = this.connect(name);
      this.open.set(name, c);
    }
    return c;
  }

  /** The run's in-memory DuckDB that scans Parquet (and opted-in CSV/JSON) files. */
  files(): Promise<SqlConnection> {
    if (this.interrupted) return Promise.reject(interruptedError('the file scanner (DuckDB)'));
    let c = this.open.get('\0files');
    if (!c) {
      c = openDuckdb(this.memoryLimitBytes ? { memoryLimitBytes: this.memoryLimitBytes } : {});
      this.open.set('\0files', c);
    }
    return c;
  }

  private async connect(name: string): Promise<SqlConnection> {
    const def = this.defs[name];
    if (!def) {
      throw new DatacheckError({
        code: 'connection.unknown',
        message: `no connection named '${name}' in the config`,
        expected: Object.keys(this.defs).length
          ? `one of ${Object.keys(this.defs).join(', ')}`
          : 'a `connections` entry in datacheck.config.ts',
        found: name,
      });
    }
    const opener = this.openers[def.kind];
    if (!opener) {
      throw new DatacheckError({
        code: 'connection.unsupported',
        message: `connection '${name}' is of kind '${def.kind}', which this build of datacheck cannot open`,
        found: def.kind,
        expected: Object.keys(this.openers).join(', '),
      });
    }
    return opener(name, def, this.env);
  }

  /**
   * The run was stopped: cancels what every open connection is running and opens no more.
   * Resolves with the number of statements that were running.
   */
  async interrupt(): Promise<number> {
    this.interrupted = true;
    const counts = await Promise.all([...this.open.values()].map((p) => p.then((c) => c.cancel()).catch(() => 0)));
    return counts.reduce((a, b) => a + b, 0);
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((p) => p.then((c) => c.close()).catch(() => undefined)));
  }
}
