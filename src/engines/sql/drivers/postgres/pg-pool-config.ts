import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import type pg from 'pg';
import type { ConnectionDef } from '../../../../model/config.js';
import { DatacheckError } from '../../../../model/issue.js';
import type { PostgresTarget } from './connection-target.js';
import { datacheckPgTypes } from './pg-value-parsers.js';

export const DEFAULT_STATEMENT_TIMEOUT_MS = 300_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
/** Enough for a runner that checks a few datasets at once, small enough to be a polite client. */
const MAX_CLIENTS = 4;

export interface PoolSettings {
  config: pg.PoolConfig;
  statementTimeoutMs: number;
}

/** pg Pool options for a connection: the URL, TLS from the config, timeouts, and our value parsers. */
export function poolSettings(name: string, def: ConnectionDef, target: PostgresTarget): PoolSettings {
  const statementTimeoutMs = positiveInt(name, 'statementTimeoutMs', def.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  const connectTimeoutMs = positiveInt(name, 'connectTimeoutMs', def.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  const config: pg.PoolConfig = {
    connectionString: target.url,
    application_name: 'datacheck',
    max: MAX_CLIENTS,
    connectionTimeoutMillis: connectTimeoutMs,
    // The server cancels at the statement timeout; this client-side limit only catches a server
    // or network that stopped answering altogether.
    query_timeout: statementTimeoutMs + 30_000,
    // Idle connections must not keep a finished CLI run alive if a caller forgets close().
    allowExitOnIdle: true,
    types: datacheckPgTypes,
  };
  if (def.ssl !== undefined) {
    if (target.tlsParams.length > 0) {
      throw new DatacheckError({
        code: 'connection.config',
        message: `connection '${name}': TLS is set twice, by ${target.tlsParams.join(', ')} in the URL and by ssl in the config`,
        expected: 'TLS settings in one place',
        found: `${target.tlsParams.join(', ')} in the URL, and ssl in the config`,
        hint: 'pg lets the URL win silently; remove one so the settings in effect are the ones you read',
      });
    }
    config.ssl = tlsOptions(name, def.ssl);
  }
  return { config, statementTimeoutMs };
}

function tlsOptions(name: string, ssl: NonNullable<ConnectionDef['ssl']>): boolean | ConnectionOptions {
  if (typeof ssl === 'boolean') return ssl;
  const file = (key: 'caFile' | 'certFile' | 'keyFile') => {
    const p = ssl[key];
    if (p === undefined) return undefined;
    try {
      return readFileSync(path.resolve(p), 'utf8');
    } catch (e) {
      throw new DatacheckError({
        code: 'connection.config',
        message: `connection '${name}': cannot read ssl.${key} ${p}: ${(e as Error).message}`,
        expected: 'a readable PEM file',
        found: p,
      });
    }
  };
  const options: ConnectionOptions = { rejectUnauthorized: ssl.rejectUnauthorized ?? true };
  const ca = file('caFile');
  const cert = file('certFile');
  const key = file('keyFile');
  if (ca) options.ca = ca;
  if (cert) options.cert = cert;
  if (key) options.key = key;
  if (ssl.servername) options.servername = ssl.servername;
  return options;
}

function positiveInt(name: string, key: string, value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new DatacheckError({
    code: 'connection.config',
    message: `connection '${name}': ${key} must be a positive whole number of milliseconds`,
    expected: 'a positive integer, e.g. 60000',
    found: String(value),
  });
}
