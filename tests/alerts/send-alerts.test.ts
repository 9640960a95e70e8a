import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { alertText } from '../../src/alerts/alert-message.js';
import { sendAlerts } from '../../src/alerts/send-alerts.js';
import type { AlertDef } from '../../src/model/config.js';
import type { RunResult } from '../../src/model/result.js';
import { sampleRun } from '../reporters/sample-run.js';

/** A real local HTTP server answering each request with the next status of `statuses` (`hang`: never). */
async function endpoint(statuses: (number | 'hang')[]) {
  const received: { path: string; body: unknown; type: string | undefined }[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(body), type: req.headers['content-type'] });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
      if (status === 'hang') hanging.push(res);
      else res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/secret-token-123`;
  servers.push(() => {
    for (const r of hanging) r.destroy();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return { url, received };
}
const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((stop) => stop()));
});

const slack: AlertDef = { kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: 'fail' };
const fast = { backoffMs: 10, timeoutMs: 300 };
const failedRun = (): RunResult => ({ ...sampleRun(), outcome: 'failed' });

describe('alerts against a real local HTTP server', () => {
  it('posts the summary and the report path as JSON, once, when the run failed', async () => {
    const server = await endpoint([200]);
    const [d] = await sendAlerts([slack], failedRun(), {
      env: { SLACK_WEBHOOK_URL: server.url },
      report: 'reports/datacheck.html',
      ...fast,
    });
    expect(d).toEqual({ alert: 'slack (SLACK_WEBHOOK_URL)', ok: true });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ path: '/hooks/secret-token-123', type: 'application/json' });
    const { text } = server.received[0].body as { text: string };
    expect(text).toMatch(/^datacheck failed: \d+ failed, \d+ warned, \d+ errors of \d+ checks\n/);
    expect(text).toContain('report: reports/datacheck.html');
  });

  it('retries a 5xx with backoff and delivers on the third attempt', async () => {
    const server = await endpoint([500, 503, 200]);
    const [d] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: server.url }, ...fast });
    expect(d.ok).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('gives up after the attempts on a 5xx, and at once on a 4xx, saying why without the URL', async () => {
    const down = await endpoint([502]);
    const [five] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: down.url }, ...fast });
    expect(five).toEqual({ alert: 'slack (SLACK_WEBHOOK_URL)', ok: false, reason: 'HTTP 502 after 3 attempts' });
    const gone = await endpoint([404]);
    const [four] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: gone.url }, ...fast });
    expect(four.reason).toBe('HTTP 404 (not retried: the endpoint refused the request)');
    expect(gone.received).toHaveLength(1);
  });

  it('times out an endpoint that never answers, and names a refused connection by its code', async () => {
    const silent = await endpoint(['hang']);
    const [slow] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: silent.url }, ...fast, attempts: 2 });
    expect(slow.reason).toBe('timed out after 300 ms after 2 attempts');
    const closed = await endpoint([200]);
    await servers.pop()!();
    const [refused] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: closed.url }, ...fast });
    expect(refused.reason).toBe('network error ECONNREFUSED after 3 attempts');
    for (const d of [slow, refused]) expect(JSON.stringify(d)).not.toContain('secret-token');
  });

  it('sends on: fail only for failed or errored runs, on: warn also for warnings', async () => {
    const server = await endpoint([200]);
    const env = { SLACK_WEBHOOK_URL: server.url };
    const passed: RunResult = { ...sampleRun(), outcome: 'passed', counts: { pass: 3, fail: 0, warn: 1, error: 0, skipped: 0 } };
    expect(await sendAlerts([slack], passed, { env, ...fast })).toEqual([]);
    expect(await sendAlerts([{ ...slack, on: 'warn' }], passed, { env, ...fast })).toHaveLength(1);
    expect(server.received).toHaveLength(1);
  });

  it('reports a missing variable and a value that is not a URL without showing the value', async () => {
    const [unset] = await sendAlerts([slack], failedRun(), { env: {} });
    expect(unset.reason).toBe('the environment variable SLACK_WEBHOOK_URL is not set');
    const [bad] = await sendAlerts([slack], failedRun(), { env: { SLACK_WEBHOOK_URL: 'ftp://x/secret-token' } });
    expect(bad.reason).toBe('SLACK_WEBHOOK_URL does not hold an http(s) URL (its value is not shown)');
  });
});

describe('the alert text', () => {
  it('names the checks that need attention by title, never their observed values or messages', () => {
    const run = failedRun();
    const text = alertText(run, undefined);
    for (const c of run.datasets.flatMap((d) => d.checks).filter((c) => c.outcome !== 'pass' && c.outcome !== 'skipped')) {
      expect(text).toContain(c.title);
      if (typeof c.observed === 'string') expect(text).not.toContain(c.observed);
    }
    expect(text).not.toContain('report:');
  });
});
