import type { ConnectionDef } from '../../../../model/config.js';
import { DatacheckError } from '../../../../model/issue.js';
import { connectionRedactor, type Redactor } from './redact.js';

/** Where a PostgreSQL connection goes, read from the environment; the URL is the only secret holder. */
export interface PostgresTarget {
  url: string;
  /** Host and port as in the URL (credential-free), for lineage and messages. */
  host: string;
  port: number;
  /** URL parameters that configure TLS (sslmode, sslrootcert, ...), to detect a second TLS setting. */
  tlsParams: string[];
  redact: Redactor;
}

const TLS_PARAMS = ['ssl', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert'];
const KNOWN_KEYS = new Set(['kind', 'urlEnv', 'ssl', 'statementTimeoutMs', 'connectTimeoutMs']);
/** Keys that would put a secret into a committed file; refused with the reason, not as a mere typo. */
const SECRET_KEYS = new Set(['url', 'uri', 'connectionstring', 'password', 'user', 'username', 'dsn']);

/**
 * Reads the URL from the environment variable the connection names. A URL written into the
 * config is refused: config files are committed, and credentials must not be.
 * Messages never echo the URL's value, only the variable's name.
 */
export function resolvePostgresTarget(name: string, def: ConnectionDef, env: NodeJS.ProcessEnv): PostgresTarget {
  const configError = (message: string, expected: string, found: string, hint?: string) =>
    new DatacheckError({
      code: 'connection.config',
      message: `connection '${name}': ${message}`,
      expected,
      found,
      ...(hint ? { hint } : {}),
    });

  if (def.kind !== 'postgres') {
    throw configError(`kind '${String(def.kind)}' is not a PostgreSQL connection`, "kind: 'postgres'", String(def.kind));
  }
  const keys = Object.entries(def)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  const secretKeys = keys.filter((k) => SECRET_KEYS.has(k.toLowerCase()));
  if (secretKeys.length > 0) {
    throw configError(
      `a connection URL or credentials may not be written in the config (${secretKeys.join(', ')})`,
      `urlEnv: the name of an environment variable holding the URL, e.g. { kind: 'postgres', urlEnv: 'WAREHOUSE_URL' }`,
      `${secretKeys.join(', ')} (values not shown)`,
      'config files are committed to version control and URLs carry passwords; set the URL in the environment (a CI secret) and name the variable with urlEnv',
    );
  }
  const unknown = keys.filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) {
    throw configError(
      `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
      `only ${[...KNOWN_KEYS].join(', ')}`,
      unknown.join(', '),
    );
  }
  if (!def.urlEnv) {
    throw configError('no urlEnv given', `urlEnv: the name of an environment variable holding a postgres:// URL`, 'no urlEnv');
  }
  const url = env[def.urlEnv]?.trim();
  if (!url) {
    throw configError(
      `the environment variable ${def.urlEnv} is ${env[def.urlEnv] === undefined ? 'not set' : 'empty'}`,
      `${def.urlEnv}=postgres://user:password@host:5432/database`,
      env[def.urlEnv] === undefined ? `${def.urlEnv} unset` : `${def.urlEnv} empty`,
      `export ${def.urlEnv} before running datacheck (in CI, from a secret)`,
    );
  }

  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  // libpq style: postgres:///db?host=/var/run/postgresql (a unix socket directory)
  const host = parsed ? decodeURIComponent(parsed.hostname).replace(/^\[(.+)\]$/, '$1') || (parsed.searchParams.get('host') ?? '') : '';
  const redact = connectionRedactor(url, [rawPassword(url), parsed?.password, parsed?.searchParams.get('password') ?? undefined]);
  if (!parsed || !/^postgres(ql)?:$/.test(parsed.protocol) || !host) {
    throw configError(
      `${def.urlEnv} does not hold a PostgreSQL URL`,
      'postgres://user:password@host:port/database (or postgresql://...)',
      parsed ? `a URL with scheme ${parsed.protocol}${host ? '' : ' and no host'}` : 'text that is not a URL (its value is not shown)',
    );
  }
  return {
    url,
    host,
    port: Number(parsed.port || parsed.searchParams.get('port') || 5432),
    tlsParams: TLS_PARAMS.filter((p) => parsed.searchParams.has(p)),
    redact,
  };
}

/** The password exactly as written in the URL (percent-encoded or not), even when the URL does not parse. */
function rawPassword(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#]*:(.*)@[^@]*$/is.exec(url);
  return m?.[1];
}
