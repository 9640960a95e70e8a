import { DatacheckError } from '../../model/issue.js';

// `{{ env_var('NAME') }}`, `{{ env_var("NAME", "default") }}`, optionally piped through the casts dbt
// documents for profiles (`| int`, `| as_number`, `| as_bool`, `| as_text`, `| string`, `| as_native`).
const ENV_VAR = /\{\{\s*env_var\(\s*(['"])([^'"]+)\1\s*(?:,\s*(['"])(.*?)\3\s*)?\)\s*((?:\|\s*[a-z_]+\s*)*)\}\}/g;
const CASTS = new Set(['int', 'as_number', 'as_bool', 'as_text', 'string', 'as_native', 'trim']);

/**
 * Renders the one piece of Jinja a profiles.yml (or dbt_project.yml) value commonly holds:
 * `env_var('X', 'default')`. Like dbt, an unset variable without a default is an error; any other
 * Jinja is refused by name rather than passed on as literal text (a password of "{{ ... }}" would
 * fail to connect with a misleading error). `where` names the file and key for the message.
 */
export function renderEnvVars(value: string, env: NodeJS.ProcessEnv, where: string): string {
  const rendered = value.replace(ENV_VAR, (_m, _q, name: string, _q2, fallback: string | undefined, filters: string) => {
    for (const f of filters
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!CASTS.has(f)) throw profileError(where, `the Jinja filter '${f}' is not supported`, `one of ${[...CASTS].join(', ')}`, f);
    }
    const v = env[name];
    if (v !== undefined) return v;
    if (fallback !== undefined) return fallback;
    throw profileError(
      where,
      `env_var('${name}') is not set and has no default`,
      `${name} in the environment, or env_var('${name}', 'default')`,
      `${name} unset`,
    );
  });
  if (/\{\{|\{%/.test(rendered)) {
    throw profileError(
      where,
      'holds Jinja other than env_var()',
      "a plain value or {{ env_var('NAME', 'default') }}",
      'other Jinja (not shown)',
    );
  }
  return rendered;
}

/** Renders every string inside a YAML value (mappings and lists included). */
export function renderEnvVarsDeep(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') return renderEnvVars(value, env, where);
  if (Array.isArray(value)) return value.map((v, i) => renderEnvVarsDeep(v, env, `${where}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderEnvVarsDeep(v, env, `${where}.${k}`)]));
  return value;
}

function profileError(where: string, message: string, expected: string, found: string): DatacheckError {
  return new DatacheckError({ code: 'dbt.profile', message: `${where}: ${message}`, expected, found });
}
