import type { ConnectionDef } from '../../../../model/config.js';
import { DatacheckError } from '../../../../model/issue.js';
import { connectionRedactor, type Redactor } from '../postgres/redact.js';

interface Target {
  origin: string;
  username: string;
  password: string;
  database: string;
  /** `clickhouse://host:port`: credential-free, for messages and lineage. */
  namespace: string;
  redact: Redactor;
}

export function configError(name: string, message: string, found?: string): DatacheckError {
  return new DatacheckError({
    code: 'connection.config',
    message: `connection '${name}' (clickhouse): ${message}`,
    ...(found && { found }),
  });
}

/** The URL from the environment, split into what the client takes; the database is the path. */
export function clickhouseTarget(name: string, def: ConnectionDef, env: NodeJS.ProcessEnv): Target {
  if (!def.urlEnv) throw configError(name, 'has no urlEnv: name the environment variable that holds http://user:password@host:8123/db');
  const raw = env[def.urlEnv];
  if (!raw) throw configError(name, `the environment variable ${def.urlEnv} is not set`);
  const redact = connectionRedactor(raw, [safeUrl(raw)?.password]);
  const url = safeUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw configError(name, `${def.urlEnv} is not an http:// or https:// URL`, 'a value that is not (not shown: it may hold a password)');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, '')) || 'default';
  const port = url.port || (url.protocol === 'https:' ? '8443' : '8123');
  return {
    origin: `${url.protocol}//${url.host}`,
    username: decodeURIComponent(url.username) || 'default',
    password: decodeURIComponent(url.password),
    database,
    namespace: `clickhouse://${url.hostname}:${port}`,
    redact,
  };
}

function safeUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
