import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/** Transport settings in the shape the Python and Java clients read from openlineage.yml. */
export type TransportConfig =
  | {
      type: 'http';
      url: string;
      /** Default `api/v1/lineage`. */
      endpoint?: string;
      auth?: { type: 'api_key'; apiKey: string };
      /** Seconds per attempt (default 5), as in the Python client. */
      timeout?: number;
      /** Further attempts after connection errors, timeouts, 429 and 5xx (default 3). */
      retries?: number;
      /** Seconds before the first retry, doubled each time (default 0.3). */
      backoff?: number;
    }
  /** `log_file_path` (Python) or `location` (Java): one JSON event per line, appended. */
  | { type: 'file'; log_file_path?: string; location?: string }
  | { type: 'console' }
  | { type: 'noop' };

export interface OpenLineageConfig {
  transport: TransportConfig;
  /** Job namespace: explicit, else the file's `job.namespace`, else OPENLINEAGE_NAMESPACE, else `default`. */
  namespace: string;
  /** Job name, when the file or the caller sets one. */
  jobName?: string;
  /** Where the transport came from, for messages: `openlineage.yml`, `OPENLINEAGE_URL`, ... */
  origin: string;
}

export interface ResolveConfigOptions {
  env?: Record<string, string | undefined>;
  /** Where `./openlineage.yml` and relative file paths are looked up (default process.cwd()). */
  cwd?: string;
  /** For `~/.openlineage/openlineage.yml` (default os.homedir()). */
  home?: string;
  /** Settings given in code: they win over the file and the environment. */
  transport?: TransportConfig;
  namespace?: string;
  jobName?: string;
}

export type ResolvedConfig = { ok: true; config: OpenLineageConfig } | { ok: false; warning: string };

const TYPES = ['http', 'file', 'console', 'noop'];

/**
 * Finds the transport like the official clients: settings in code, else the openlineage.yml that
 * OPENLINEAGE_CONFIG names (or ./openlineage.yml, or ~/.openlineage/openlineage.yml), else
 * OPENLINEAGE_URL (+ OPENLINEAGE_ENDPOINT, OPENLINEAGE_API_KEY), else the console.
 * OPENLINEAGE_DISABLED=true sends nothing. An http transport without auth takes
 * OPENLINEAGE_API_KEY, so the key can stay out of files. Never throws; the key is never in a warning.
 */
export function resolveConfig(options: ResolveConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = readConfigFile(env, cwd, options.home ?? os.homedir());
  if (!file.ok) return file;
  const fromFile = file.value;

  let transport: unknown;
  let origin: string;
  if (/^(1|true|yes)$/i.test(env.OPENLINEAGE_DISABLED ?? '')) [transport, origin] = [{ type: 'noop' }, 'OPENLINEAGE_DISABLED'];
  else if (options.transport) [transport, origin] = [options.transport, 'the reporter options'];
  else if (fromFile?.content.transport !== undefined) [transport, origin] = [fromFile.content.transport, fromFile.file];
  else if (env.OPENLINEAGE_URL) {
    transport = { type: 'http', url: env.OPENLINEAGE_URL, ...(env.OPENLINEAGE_ENDPOINT && { endpoint: env.OPENLINEAGE_ENDPOINT }) };
    origin = 'OPENLINEAGE_URL';
  } else [transport, origin] = [{ type: 'console' }, 'the default (no OPENLINEAGE_URL or openlineage.yml)'];

  const checked = checkTransport(transport, origin);
  if (!checked.ok) return checked;
  let config = checked.value;
  if (config.type === 'http' && !config.auth && env.OPENLINEAGE_API_KEY)
    config = { ...config, auth: { type: 'api_key', apiKey: env.OPENLINEAGE_API_KEY } };
  if (config.type === 'file') {
    config = { type: 'file', log_file_path: path.resolve(cwd, (config.log_file_path ?? config.location)!) };
  }
  const job = fromFile?.content.job as { namespace?: unknown; name?: unknown } | undefined;
  const namespace =
    options.namespace ?? (typeof job?.namespace === 'string' ? job.namespace : undefined) ?? (env.OPENLINEAGE_NAMESPACE || 'default');
  const jobName = options.jobName ?? (typeof job?.name === 'string' ? job.name : undefined);
  return { ok: true, config: { transport: config, namespace, ...(jobName && { jobName }), origin } };
}

type FileResult = { ok: true; value?: { file: string; content: Record<string, unknown> } } | { ok: false; warning: string };

function readConfigFile(env: Record<string, string | undefined>, cwd: string, home: string): FileResult {
  const explicit = env.OPENLINEAGE_CONFIG;
  const candidates = explicit
    ? [path.resolve(cwd, explicit)]
    : [path.join(cwd, 'openlineage.yml'), path.join(home, '.openlineage', 'openlineage.yml')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return explicit ? { ok: false, warning: `OPENLINEAGE_CONFIG names ${explicit}, which does not exist` } : { ok: true };
  let content: unknown;
  try {
    content = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    // Only the position: the parser's own message quotes the line, which may hold the API key.
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return { ok: false, warning: `${file}${pos ? `:${pos.line}:${pos.col}` : ''} is not valid YAML` };
  }
  if (content === null || content === undefined) return { ok: true };
  if (typeof content !== 'object' || Array.isArray(content))
    return { ok: false, warning: `${file} must be a YAML mapping with a 'transport' key` };
  return { ok: true, value: { file, content: content as Record<string, unknown> } };
}

type Checked = { ok: true; value: TransportConfig } | { ok: false; warning: string };

/** Shape checks with messages that name the setting; values of `auth` are never echoed. */
function checkTransport(value: unknown, origin: string): Checked {
  const bad = (what: string): Checked => ({ ok: false, warning: `the OpenLineage transport from ${origin} is not valid: ${what}` });
  if (typeof value !== 'object' || value === null) return bad('expected a mapping like { type: http, url: http://localhost:5000 }');
  const t = value as Record<string, unknown>;
  if (!TYPES.includes(t.type as string))
    return bad(`type must be one of ${TYPES.join(', ')}, found ${JSON.stringify(t.type) ?? 'nothing'}`);
  if (t.type === 'http') {
    if (typeof t.url !== 'string' || !/^https?:\/\//i.test(t.url)) return bad('http needs url: http(s)://host:port');
    if (t.endpoint !== undefined && typeof t.endpoint !== 'string') return bad('endpoint must be a path such as api/v1/lineage');
    for (const key of ['timeout', 'retries', 'backoff'] as const) {
      const n = t[key];
      if (n !== undefined && !(typeof n === 'number' && Number.isFinite(n) && n >= 0)) return bad(`${key} must be a non-negative number`);
    }
    const auth = t.auth as Record<string, unknown> | undefined;
    if (auth !== undefined && (typeof auth !== 'object' || auth === null || auth.type !== 'api_key' || typeof auth.apiKey !== 'string')) {
      return bad('auth must be { type: api_key, apiKey: <key> }');
    }
  }
  if (t.type === 'file' && typeof t.log_file_path !== 'string' && typeof t.location !== 'string')
    return bad('file needs log_file_path: <path>');
  return { ok: true, value: t as TransportConfig };
}
