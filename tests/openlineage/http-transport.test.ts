import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport, OpenLineageClient } from '../../src/openlineage/index.js';
import type { HttpTransportOptions } from '../../src/openlineage/index.js';
import { sampleEvent } from './sample-event.js';
import { closedPortUrl, lineageServer } from './server.js';

const API_KEY = 'ol-s3cr3t-key-4711';
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(...args: Parameters<typeof lineageServer>) {
  const s = await lineageServer(...args);
  servers.push(s);
  return s;
}
/** Fast retries for tests; the delays asked for are recorded. */
function fast(extra: Partial<HttpTransportOptions> = {}) {
  const delays: number[] = [];
  return { delays, options: { retries: 2, backoffMs: 10, timeoutMs: 2_000, sleep: async (ms: number) => void delays.push(ms), ...extra } };
}

describe('http transport against a real local server', () => {
  it('POSTs the event as JSON to {url}/api/v1/lineage with the bearer key', async () => {
    const s = await server();
    const result = await new OpenLineageClient(httpTransport({ url: `${s.url}/`, apiKey: API_KEY })).emit(sampleEvent());
    expect(result).toEqual({ ok: true });
    expect(s.received).toHaveLength(1);
    const [r] = s.received;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/api/v1/lineage');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(r.body)).toEqual(sampleEvent());
    expect(r.body).not.toContain(API_KEY);
  });

  it('sends no Authorization header without a key, and honours a custom endpoint', async () => {
    const s = await server();
    expect(await httpTransport({ url: s.url, endpoint: '/lineage/events' }).emit(sampleEvent())).toEqual({ ok: true });
    expect(s.received[0].url).toBe('/lineage/events');
    expect(s.received[0].headers.authorization).toBeUndefined();
  });

  it('connection refused: retries with backoff, then a clear warning', async () => {
    const url = await closedPortUrl();
    const { delays, options } = fast();
    const result = await httpTransport({ url, apiKey: API_KEY, ...options }).emit(sampleEvent());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.warning).toBe(`${url}/api/v1/lineage refused the connection (is the server running?) (3 attempts)`);
    expect(delays).toEqual([10, 20]);
  });

  it('HTTP 500 then 201: the retry delivers it', async () => {
    const s = await server((_r, n, res) => res.writeHead(n === 1 ? 500 : 201).end(n === 1 ? 'database is down' : ''));
    const { delays, options } = fast();
    expect(await httpTransport({ url: s.url, apiKey: API_KEY, ...options }).emit(sampleEvent())).toEqual({ ok: true });
    expect(s.received).toHaveLength(2);
    expect(s.received[1].body).toBe(s.received[0].body);
    expect(delays).toEqual([10]);
  });

  it('HTTP 500 every time: gives up after the retries, saying what the server said', async () => {
    const s = await server((_r, _n, res) => res.writeHead(503, 'Service Unavailable').end('maintenance'));
    const result = await httpTransport({ url: s.url, ...fast().options }).emit(sampleEvent());
    expect(s.received).toHaveLength(3);
    expect(result).toEqual({
      ok: false,
      warning: `${s.url}/api/v1/lineage answered HTTP 503 Service Unavailable: maintenance (3 attempts)`,
    });
  });

  it('a server that never answers: times out per attempt, and the whole emit ends', async () => {
    const s = await server(() => undefined); // never responds
    const t0 = Date.now();
    const result = await httpTransport({ url: s.url, ...fast({ timeoutMs: 150, retries: 1 }).options }).emit(sampleEvent());
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(s.received).toHaveLength(2);
    expect(result).toEqual({ ok: false, warning: `${s.url}/api/v1/lineage did not answer within 150 ms (2 attempts)` });
  });

  it('HTTP 401: no retry, a hint about the key, and the key is not in the warning even when the server echoes it', async () => {
    const s = await server((r, _n, res) => res.writeHead(401, 'Unauthorized').end(`invalid token: ${r.headers.authorization}`));
    const { delays, options } = fast();
    const result = await new OpenLineageClient(
      { type: 'http', url: s.url, auth: { type: 'api_key', apiKey: API_KEY } },
      { http: options },
    ).emit(sampleEvent());
    expect(s.received).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.warning).toContain('answered HTTP 401 Unauthorized (check OPENLINEAGE_API_KEY or the transport auth)');
    expect(result.warning).toContain('invalid token: Bearer ***');
    expect(result.warning).not.toContain(API_KEY);
  });

  it('credentials in the URL never reach a warning', async () => {
    const url = await closedPortUrl();
    const withUser = url.replace('http://', 'http://admin:hunter22@');
    const result = await httpTransport({ url: `${withUser}?token=abc123`, ...fast({ retries: 0 }).options }).emit(sampleEvent());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.warning).not.toMatch(/hunter22|abc123/);
  });

  it('a URL that is not http(s) is a warning, not an exception', async () => {
    expect(await httpTransport({ url: 'localhost:5000' }).emit(sampleEvent())).toEqual({
      ok: false,
      warning: "the OpenLineage URL 'localhost:5000' is not an http(s) URL",
    });
  });
});

describe('OpenLineageClient', () => {
  it('turns a transport that throws into a warning, with the key removed', async () => {
    const client = new OpenLineageClient(
      { type: 'http', url: 'http://127.0.0.1:9', auth: { type: 'api_key', apiKey: API_KEY } },
      {
        http: {
          fetch: async () => {
            throw new Error(`boom ${API_KEY}`);
          },
          retries: 0,
        },
      },
    );
    const result = await client.emit(sampleEvent());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.warning).toContain('boom ***');
      expect(result.warning).not.toContain(API_KEY);
    }
    const throwing = new OpenLineageClient({ kind: 'custom', emit: () => Promise.reject(new Error('disk full')) });
    expect(await throwing.emit(sampleEvent())).toEqual({ ok: false, warning: 'the custom transport failed: disk full' });
  });
});
