import type { ConnectionDef } from '../../model/config.js';
import type { FileFormat, SourceDef } from '../../model/contract.js';
import type { Issue } from '../../model/issue.js';
import type { OdcsServer } from './odcs-document.js';

/** Where a contract's datasets are read from: a source per schema object, and the connections they use. */
export interface ServerSources {
  server: OdcsServer;
  sourceOf(objectName: string, physicalName?: string): SourceDef;
  connections: Record<string, ConnectionDef>;
  /** Environment entries the connections read (a PostgreSQL URL assembled from the server and the credentials). */
  env: Record<string, string>;
}

const FORMATS: Record<string, FileFormat> = { csv: 'csv', parquet: 'parquet', json: 'json', ndjson: 'ndjson', jsonl: 'ndjson' };

/** The environment variables PostgreSQL credentials are read from (never from the contract). */
export const POSTGRES_USER_ENV = 'DATACHECK_POSTGRES_USER';
export const POSTGRES_PASSWORD_ENV = 'DATACHECK_POSTGRES_PASSWORD';

function unsupported(file: string, server: OdcsServer, what: string): Issue {
  return {
    code: 'standard.unsupported',
    message: `${file}: server '${server.server}' (${server.type}${server.format ? `, ${server.format}` : ''}): ${what}`,
    location: { file, line: 1, column: 1 },
    expected: 'a local (csv, json, parquet), duckdb or postgres server',
    found: `${server.type}${server.format ? ` ${server.format}` : ''}`,
  };
}

/** Picks the server (`--server name`, else the first) and maps it onto datacheck sources. */
export function sourcesForServer(
  servers: OdcsServer[] | undefined,
  name: string | undefined,
  file: string,
  env: NodeJS.ProcessEnv,
): { ok: true; sources: ServerSources } | { ok: false; issue: Issue } {
  const list = servers ?? [];
  const server = name === undefined ? list[0] : list.find((s) => s.server === name);
  if (!server) {
    return {
      ok: false,
      issue: {
        code: name === undefined ? 'contract.no_source' : 'standard.unknown_server',
        message:
          name === undefined
            ? `${file} declares no server, so there is no data to check`
            : `${file} has no server named '${name}' (--server ${name})`,
        location: { file, line: 1, column: 1 },
        expected: list.length > 0 ? `one of ${list.map((s) => `'${s.server}'`).join(', ')}` : 'a servers entry',
        found: name === undefined ? 'no servers' : `'${name}'`,
      },
    };
  }
  const type = server.type.toLowerCase();
  if (type === 'local') {
    const format = server.format?.toLowerCase() ?? '';
    // ODCS spells NDJSON as format json with delimiter new_line (datacontract-cli's convention).
    const fmt = format === 'json' && server.delimiter === 'new_line' ? 'ndjson' : FORMATS[format];
    if (!fmt || !server.path) return { ok: false, issue: unsupported(file, server, `format '${server.format}' cannot be read`) };
    const path = server.path.replace(/^\.\//, '');
    return {
      ok: true,
      sources: {
        server,
        // JSON files are read whole by datacheck's readers, one row per element; NDJSON one per line.
        sourceOf: () => ({ file: path, format: fmt }),
        connections: {},
        env: {},
      },
    };
  }
  if (type === 'duckdb') {
    const connection = `odcs_${server.server}`;
    const schema = server.schema ?? 'main';
    return {
      ok: true,
      sources: {
        server,
        sourceOf: (object, physical) => ({ table: `${schema}.${physical ?? object}`, connection }),
        connections: { [connection]: { kind: 'duckdb', path: server.database! } },
        env: {},
      },
    };
  }
  if (type === 'postgres' || type === 'postgresql') {
    const connection = `odcs_${server.server}`;
    const urlEnv = `DATACHECK_ODCS_${server.server.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
    const user = env[POSTGRES_USER_ENV];
    const password = env[POSTGRES_PASSWORD_ENV];
    const auth = user ? `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@` : '';
    const url = `postgres://${auth}${server.host}:${server.port}/${encodeURIComponent(server.database ?? '')}`;
    return {
      ok: true,
      sources: {
        server,
        sourceOf: (object, physical) => ({ table: `${server.schema ?? 'public'}.${physical ?? object}`, connection }),
        connections: { [connection]: { kind: 'postgres', urlEnv } },
        env: { [urlEnv]: url },
      },
    };
  }
  return { ok: false, issue: unsupported(file, server, `server type '${server.type}' is not one datacheck reads`) };
}
