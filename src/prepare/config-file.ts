import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigDef } from '../model/config.js';
import type { Issue, SourceLocation } from '../model/issue.js';
import type { IssueCode } from '../model/issue-codes.js';
import type { UserCodeLoader } from './isolated-loader.js';
import { parseLoadTimeout } from './load-timeout.js';
import { parseMemory } from './memory-setting.js';

export const CONFIG_NAMES = ['datacheck.config.ts', 'datacheck.config.mts', 'datacheck.config.js', 'datacheck.config.mjs'];

const KNOWN_KEYS = new Set([
  'kind',
  'include',
  'exclude',
  'reporters',
  'maxFailingRows',
  'failOn',
  'connections',
  'dbt',
  'typecheck',
  'profile',
  'loadTimeout',
  'memory',
  'history',
  'alerts',
]);

export interface LoadedConfig {
  config: ConfigDef;
  /** Absolute path of the config file, when there was one. */
  file?: string;
  issues: Issue[];
  error?: unknown;
}

/**
 * Finds and loads datacheck.config.ts: the file `--config` names (it must exist), else the
 * default name in the project root (optional). A config that is not what defineConfig returns
 * is an issue, not a crash; the run then goes on with defaults so the reports still get written.
 */
export async function loadConfigFile(explicit: string | undefined, cwd: string, loader: UserCodeLoader): Promise<LoadedConfig> {
  const empty: ConfigDef = { kind: 'config' };
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : CONFIG_NAMES.map((n) => path.join(cwd, n)).find((f) => existsSync(f));
  if (!file) return { config: empty, issues: [] };
  if (!existsSync(file)) {
    return {
      config: empty,
      issues: [
        {
          code: 'config.not_found',
          message: `config file ${explicit} does not exist`,
          expected: 'a datacheck.config.ts file',
          found: `nothing at ${file}`,
        },
      ],
    };
  }
  const imported = await loader.load({ file, as: 'config' });
  if (!imported.ok)
    return { config: empty, file, issues: [imported.issue], error: Object.assign(new Error(imported.error.message), imported.error) };
  const value = imported.config;
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    ((value as { kind?: unknown }).kind ?? 'config') !== 'config'
  ) {
    return {
      config: empty,
      file,
      issues: [
        {
          code: 'config.invalid',
          message: `${path.basename(file)} must default-export a config`,
          location: { file, line: 1, column: 1 },
          expected: "export default defineConfig({ ... }) (import { defineConfig } from 'datacheck/config')",
          found: value === undefined ? 'no default export' : describe(value),
        },
      ],
    };
  }
  const issues = validateConfig(value as Record<string, unknown>, file);
  // An invalid option is reported and then left out, so nothing downstream sees a bad value.
  const config = { ...(value as Record<string, unknown>) };
  for (const issue of issues) if (issue.code === 'config.invalid' && issue.key) delete config[issue.key];
  return { config: { ...(config as unknown as ConfigDef), kind: 'config' }, file, issues: issues.map(({ key: _key, ...issue }) => issue) };
}

function validateConfig(config: Record<string, unknown>, file: string): (Issue & { key?: string })[] {
  const issues: (Issue & { key?: string })[] = [];
  const text = safeRead(file);
  const bad = (key: string, expected: string, code: IssueCode = 'config.invalid') =>
    issues.push({
      code,
      key,
      message: `config option '${key}' is not valid`,
      location: locate(text, key, file),
      expected,
      found: describe(config[key]),
    });

  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) {
      issues.push({
        code: 'config.unknown_key',
        message: `unknown config option '${key}'`,
        location: locate(text, key, file),
        expected: `one of ${[...KNOWN_KEYS].filter((k) => k !== 'kind').join(', ')}`,
        found: key,
      });
    }
  }
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (config.include !== undefined && !strings(config.include)) bad('include', "an array of globs, e.g. ['contracts/**/*.contract.ts']");
  if (config.exclude !== undefined && !strings(config.exclude)) bad('exclude', 'an array of globs');
  const m = config.maxFailingRows;
  if (m !== undefined && !(typeof m === 'number' && Number.isInteger(m) && m >= 0)) bad('maxFailingRows', 'a non-negative integer');
  if (config.failOn !== undefined && config.failOn !== 'error' && config.failOn !== 'warn') bad('failOn', "'error' or 'warn'");
  if (config.typecheck !== undefined && typeof config.typecheck !== 'boolean') bad('typecheck', 'true or false');
  if (config.profile !== undefined && config.profile !== 'basic' && config.profile !== 'full') bad('profile', "'basic' or 'full'");
  if (config.loadTimeout !== undefined && parseLoadTimeout(config.loadTimeout, 'loadTimeout').issue)
    bad('loadTimeout', "a positive duration: milliseconds (30000) or '500ms', '30s', '2m'");
  if (parseMemory(config.memory).error) bad('memory', "a size of at least 64MiB, e.g. '4GB', '512MiB', or a share of the machine, '50%'");
  const dbt = config.dbt as Record<string, unknown> | undefined;
  if (
    dbt !== undefined &&
    !(
      typeof dbt === 'object' &&
      dbt !== null &&
      Object.entries(dbt).every(([k, v]) => ['project', 'profilesDir', 'target'].includes(k) && (v === undefined || typeof v === 'string'))
    )
  )
    bad('dbt', "{ project?: 'path/to/dbt/project', profilesDir?: 'path', target?: 'dev' } (strings)");
  if (config.history !== undefined && !validHistory(config.history)) {
    bad(
      'history',
      "false, or { path: '.datacheck/history.duckdb' }, or { connection: '<a postgres connection>', schema: 'datacheck_history' }",
    );
  }
  if (config.alerts !== undefined && !(Array.isArray(config.alerts) && config.alerts.every(validAlert))) {
    bad(
      'alerts',
      "an array of { kind: 'slack' | 'teams' | 'webhook', urlEnv: 'SLACK_WEBHOOK_URL', on: 'fail' | 'warn' } (the URL itself never in the config)",
    );
  }
  const reporters = config.reporters;
  const spec = (r: unknown) =>
    typeof r === 'string' || (Array.isArray(r) && typeof r[0] === 'string' && (r[1] === undefined || typeof r[1] === 'object'));
  if (reporters !== undefined && !(Array.isArray(reporters) && reporters.every(spec))) {
    bad('reporters', "an array of reporter names or [name, options], e.g. ['console', ['json', { outputFile: 'reports/datacheck.json' }]]");
  }
  return issues;
}

function validAlert(a: unknown): boolean {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const o = a as Record<string, unknown>;
  return (
    Object.keys(o).every((k) => k === 'kind' || k === 'urlEnv' || k === 'on') &&
    ['slack', 'teams', 'webhook'].includes(o.kind as string) &&
    typeof o.urlEnv === 'string' &&
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(o.urlEnv) &&
    (o.on === 'fail' || o.on === 'warn')
  );
}

function validHistory(h: unknown): boolean {
  if (h === false) return true;
  if (typeof h !== 'object' || h === null || Array.isArray(h)) return false;
  const o = h as Record<string, unknown>;
  const text = (k: string) => o[k] === undefined || (typeof o[k] === 'string' && (o[k] as string).trim() !== '');
  const known = Object.keys(o).every((k) => k === 'path' || k === 'connection' || k === 'schema');
  return known && text('path') && text('connection') && text('schema') && !(o.path !== undefined && o.connection !== undefined);
}

/** The line where `key:` is written, so the issue points at it (line 1 when it cannot be found). */
function locate(text: string, key: string, file: string): SourceLocation {
  const lines = text.split('\n');
  const re = new RegExp(`(^|[\\s{,'"])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { file, line: i + 1, column: m.index + m[1].length + 1 };
  }
  return { file, line: 1, column: 1 };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
