import path from 'node:path';
import type { ConnectionDef } from '../../model/config.js';
import { DatacheckError } from '../../model/issue.js';
import { asMapping, readYamlFile } from './read-yaml.js';
import { renderEnvVarsDeep } from './render-env-var.js';

/** The environment variable a dbt postgres target's URL is handed to the connection machinery in (this process only). */
export const DBT_URL_VARIABLE = 'DATACHECK_DBT_TARGET_URL';

/** A dbt profile's target as a datacheck connection. `env` holds what the connection reads (the URL), never written anywhere. */
export interface DbtConnection {
  profile: string;
  target: string;
  def: ConnectionDef;
  env: Record<string, string>;
}

export interface ProfileChoice {
  file: string;
  profile: string;
  /** `--target` / the config's `dbt.target`. */
  target?: string;
  /** The folder dbt runs in: a relative duckdb `path` resolves against it. */
  projectDir: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Reads profiles.yml and turns the chosen target into a connection: the target is `--target`,
 * then `DBT_TARGET`, then the profile's `target:`. duckdb and postgres adapters; env_var() is
 * rendered first, so a password comes from the environment as in dbt.
 */
export function profileConnection(choice: ProfileChoice): DbtConnection {
  const shown = choice.file;
  const fail = (message: string, expected: string, found: string) =>
    new DatacheckError({
      code: 'dbt.profile',
      message: `${shown}: ${message}`,
      expected,
      found,
      location: { file: shown, line: 0, column: 0 },
    });
  const doc = asMapping(readYamlFile(choice.file, shown)) ?? {};
  const profile = asMapping(doc[choice.profile]);
  if (!profile) {
    const names = Object.keys(doc).filter((k) => k !== 'config');
    throw fail(
      `has no profile '${choice.profile}' (the profile dbt_project.yml names)`,
      names.length ? `one of ${names.join(', ')}` : 'a profile',
      choice.profile,
    );
  }
  const outputs = asMapping(profile.outputs) ?? {};
  const rawTarget = choice.target ?? (choice.env.DBT_TARGET?.trim() || undefined) ?? profile.target;
  const target =
    typeof rawTarget === 'string' ? (renderEnvVarsDeep(rawTarget, choice.env, `${choice.profile}.target`) as string) : undefined;
  if (!target) throw fail(`profile '${choice.profile}' names no target`, 'target: dev, or --target', 'no target');
  const output = asMapping(outputs[target]);
  if (!output) {
    throw fail(`profile '${choice.profile}' has no output '${target}'`, `one of ${Object.keys(outputs).join(', ') || '(none)'}`, target);
  }
  const values = asMapping(renderEnvVarsDeep(output, choice.env, `${shown}: ${choice.profile}.outputs.${target}`)) ?? {};
  const base = { profile: choice.profile, target };
  switch (values.type) {
    case 'duckdb':
      return { ...base, def: { kind: 'duckdb', path: duckdbPath(values, choice.projectDir, fail) }, env: {} };
    case 'postgres':
      return { ...base, def: { kind: 'postgres', urlEnv: DBT_URL_VARIABLE }, env: { [DBT_URL_VARIABLE]: postgresUrl(values, fail) } };
    default:
      throw fail(`output '${target}' uses the adapter '${String(values.type)}'`, 'type: duckdb or type: postgres', String(values.type));
  }
}

type Fail = (message: string, expected: string, found: string) => DatacheckError;

function duckdbPath(values: Record<string, unknown>, projectDir: string, fail: Fail): string {
  const p = values.path;
  if (typeof p !== 'string' || p === '' || p === ':memory:') {
    // An in-memory database holds nothing dbt built; there is nothing to check.
    throw fail('the duckdb output has no database file', "path: 'jaffle_shop.duckdb'", typeof p === 'string' ? p || 'empty' : 'no path');
  }
  return path.resolve(projectDir, p);
}

/** dbt-postgres keys (host, user, password or pass, port, dbname or database, sslmode) as a libpq URL. */
function postgresUrl(values: Record<string, unknown>, fail: Fail): string {
  const text = (k: string) => (values[k] === undefined || values[k] === null ? undefined : String(values[k]));
  const host = text('host');
  const user = text('user');
  const dbname = text('dbname') ?? text('database');
  const missing = [!host && 'host', !user && 'user', !dbname && 'dbname'].filter(Boolean);
  if (missing.length)
    throw fail(`the postgres output lacks ${missing.join(', ')}`, 'host, user, password, port, dbname, schema', `no ${missing.join(', ')}`);
  const password = text('password') ?? text('pass') ?? '';
  const port = text('port') ?? '5432';
  if (!/^\d+$/.test(port)) throw fail('the postgres port is not a number', 'port: 5432', port);
  // Built from encoded parts: URL's own setters leave a '%' as it is, so a password holding '%20' would change.
  const hostPart = host!.includes(':') ? `[${host}]` : host!;
  const sslmode = text('sslmode');
  const query = sslmode ? `?sslmode=${encodeURIComponent(sslmode)}` : '';
  return `postgres://${encodeURIComponent(user!)}:${encodeURIComponent(password)}@${hostPart}:${port}/${encodeURIComponent(dbname!)}${query}`;
}
