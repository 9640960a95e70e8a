import type { RunEvent } from '../generated/openlineage.js';
import { redact, safeUrl } from '../redact.js';
import type { EmitResult, Transport } from './transport.js';

export interface HttpTransportOptions {
  /** Base URL of the backend, e.g. `http://localhost:5000` (Marquez). */
  url: string;
  /** Path under `url` (default `api/v1/lineage`, as in the Python and Java clients). */
  endpoint?: string;
  /** Sent as `Authorization: Bearer <apiKey>`, and nowhere else. */
  apiKey?: string;
  /** Per attempt (default 5000 ms, the Python client's 5 s). */
  timeoutMs?: number;
  /** Further attempts after a connection error, a timeout, 429 or 5xx (default 3). */
  retries?: number;
  /** Wait before retry n is backoffMs * 2^(n-1) (default 300 ms: 0.3, 0.6, 1.2 s). */
  backoffMs?: number;
  headers?: Record<string, string>;
  /** Test seams. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_ENDPOINT = 'api/v1/lineage';
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

type Attempt = { ok: true } | { ok: false; retry: boolean; reason: string };

/** POSTs each event as JSON; retries what may pass on a second try, never what will not (4xx). */
export function httpTransport(options: HttpTransportOptions): Transport {
  const resolved = endpointUrl(options.url, options.endpoint ?? DEFAULT_ENDPOINT);
  const target = resolved?.url;
  const shown = target ? safeUrl(target) : '';
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = Math.max(0, options.retries ?? 3);
  const backoffMs = options.backoffMs ?? 300;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers: Record<string, string> = {
    ...options.headers,
    'content-type': 'application/json',
    ...(resolved?.user && { authorization: `Basic ${Buffer.from(`${resolved.user}:${resolved.password ?? ''}`).toString('base64')}` }),
    ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
  };
  // Whatever reaches a message: the key, URL credentials, and the full URL (its query may hold a token).
  const clean = (text: string) =>
    redact(target ? text.split(target).join(shown) : text, [options.apiKey, resolved?.password, headers.authorization]);

  async function attempt(target: string, body: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await doFetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      return { ok: false, retry: true, reason: networkReason(e, timeoutMs) };
    }
    // Read the body either way: it frees the connection, and a 4xx body usually says what was wrong.
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true };
    const detail = text.trim() ? `: ${oneLine(text).slice(0, 200)}` : '';
    const hint = response.status === 401 || response.status === 403 ? ' (check OPENLINEAGE_API_KEY or the transport auth)' : '';
    return {
      ok: false,
      retry: RETRY_STATUS.has(response.status),
      reason: `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${hint}${detail}`,
    };
  }

  return {
    kind: 'http',
    async emit(event: RunEvent): Promise<EmitResult> {
      if (!target) return { ok: false, warning: clean(`the OpenLineage URL '${options.url}' is not an http(s) URL`) };
      const body = JSON.stringify(event);
      for (let n = 0; ; n++) {
        if (n > 0) await sleep(backoffMs * 2 ** (n - 1));
        const result = await attempt(target, body);
        if (result.ok) return { ok: true };
        if (!result.retry || n === retries) {
          const tries = n > 0 ? ` (${n + 1} attempts)` : '';
          return { ok: false, warning: clean(`${shown} ${result.reason}${tries}`) };
        }
      }
    },
  };
}

/**
 * `http://host:5000/` + `/api/v1/lineage` (a query string stays at the end); undefined when the base
 * is not an http(s) URL. `user:password@` is taken out (fetch refuses it) and returned apart.
 */
function endpointUrl(base: string, endpoint: string): { url: string; user?: string; password?: string } | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${endpoint.replace(/^\/+/, '')}`;
  return { url: url.toString(), ...(user && { user }), ...(password && { password }) };
}

function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `did not answer within ${timeoutMs} ms`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'refused the connection (is the server running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'closed the connection';
  return `could not be reached: ${err?.cause?.message ?? err?.message ?? String(e)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
