import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledExample, datacheck } from './harness.js';

// A real local endpoint that always fails, so every delivery ends in the warning.
let url = '';
let requests = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    requests++;
    res.writeHead(500).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-webhook-token`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The bundled example with an alert in its config and a fixture that fails a check. */
function failingProjectWithAlert(): string {
  const dir = bundledExample();
  const config = path.join(dir, 'datacheck.config.ts');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(
      'connections: {',
      "alerts: [{ kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: 'fail' }],\n  connections: {",
    ),
  );
  const orders = path.join(dir, 'fixtures/jaffle_shop/orders.csv');
  writeFileSync(orders, readFileSync(orders, 'utf8').split('\n').slice(0, 51).join('\n'));
  return dir;
}

describe('alerts from the CLI', () => {
  it('warns when an alert cannot be delivered, keeps the exit code, and never prints the URL', async () => {
    const dir = failingProjectWithAlert();
    const before = requests;
    const r = await datacheck(dir, ['--no-history'], { SLACK_WEBHOOK_URL: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('datacheck: warning: alert slack (SLACK_WEBHOOK_URL) not delivered: HTTP 500 after 3 attempts');
    expect(requests - before).toBe(3);
    expect(r.stdout + r.stderr).not.toContain('secret-webhook-token');
    expect(r.stdout + r.stderr).not.toContain(url);
  });

  it('exits 2 with --alerts-required', async () => {
    const r = await datacheck(failingProjectWithAlert(), ['--no-history', '--alerts-required'], { SLACK_WEBHOOK_URL: url });
    expect(r.code).toBe(2);
  });
});
