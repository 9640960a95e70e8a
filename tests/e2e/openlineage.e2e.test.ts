import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import type { RunEvent } from '../../src/openlineage/index.js';
import { closedPortUrl, lineageServer } from '../openlineage/server.js';
import { specValidator } from '../openlineage/spec.js';
import { bin, root } from './harness.js';

const KEY = 'ol-e2e-s3cr3t-key-0815';
const spec = specValidator();
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * The built CLI, run asynchronously: harness.ts's spawnSync would block this process, and with it
 * the lineage server the CLI is talking to. No OPENLINEAGE_* setting leaks in from the shell.
 */
function datacheck(
  args: string[],
  env: Record<string, string>,
  cwd = root,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('OPENLINEAGE') && k !== 'NO_COLOR' && k !== 'FORCE_COLOR'),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--no-typecheck', ...args], { cwd, env: { ...base, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const jsonOut = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-ol-e2e-')), 'result.json');

describe('datacheck --reporter openlineage (built CLI, bundled example)', () => {
  it('sends START and COMPLETE to OPENLINEAGE_URL with the bearer key; events valid against the spec', async () => {
    const s = await lineageServer();
    servers.push(s);
    const out = jsonOut();
    const r = await datacheck(['-r', 'console', '-r', 'json', '-r', 'openlineage', '-o', `json=${out}`], {
      OPENLINEAGE_URL: s.url,
      OPENLINEAGE_API_KEY: KEY,
      OPENLINEAGE_NAMESPACE: 'jaffle',
    });
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8')) as RunResult;
    const events = s.events() as unknown as RunEvent[];
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(events.every((e) => e.run.runId === run.runId && e.job.namespace === 'jaffle')).toBe(true);
    expect(s.received.every((q) => q.url === '/api/v1/lineage' && q.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    for (const e of events) expect(spec.validateEvent(e)).toEqual([]);
    expect(events[1].inputs).toHaveLength(run.datasets.length);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    expect(r.stderr).not.toContain('warning');
  });

  it('an endpoint that is down: a warning, the other reports written, exit code unchanged', async () => {
    const out = jsonOut();
    const r = await datacheck(['-r', 'console', '-r', 'json', '-r', 'openlineage', '-o', `json=${out}`], {
      OPENLINEAGE_URL: await closedPortUrl(),
      OPENLINEAGE_API_KEY: KEY,
    });
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toContain('payments');
    expect(r.stderr).toMatch(
      /warning: OpenLineage START event not sent \(nor the 1 after it\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/lineage refused the connection/,
    );
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('a failing run keeps exit 1 when the endpoint is down, and COMPLETEs when it is up', async () => {
    const broken = path.join(root, 'examples/broken');
    const down = await datacheck(['-r', 'openlineage'], { OPENLINEAGE_URL: await closedPortUrl() }, broken);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('warning: OpenLineage START event not sent');
    const s = await lineageServer();
    servers.push(s);
    const up = await datacheck(['-r', 'openlineage'], { OPENLINEAGE_URL: s.url }, broken);
    expect(up.code).toBe(1);
    expect((s.events() as unknown as RunEvent[]).map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
  });

  it('HTTP 401: a warning naming the key setting, exit code unchanged, the key not shown', async () => {
    const s = await lineageServer((q, _n, res) => res.writeHead(401, 'Unauthorized').end(`bad token ${q.headers.authorization}`));
    servers.push(s);
    const r = await datacheck(['-r', 'openlineage'], { OPENLINEAGE_URL: s.url, OPENLINEAGE_API_KEY: KEY });
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(1);
    expect(r.stderr).toContain('answered HTTP 401 Unauthorized (check OPENLINEAGE_API_KEY or the transport auth)');
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('--openlineage-required: an endpoint that is down makes it exit 2, the other reports still written', async () => {
    const out = jsonOut();
    const r = await datacheck(['-r', 'json', '-o', `json=${out}`, '--openlineage-required'], {
      OPENLINEAGE_URL: await closedPortUrl(),
      OPENLINEAGE_API_KEY: KEY,
    });
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toContain('error: the openlineage reporter failed: OpenLineage START event not sent');
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('datacheck report re-sends a saved result to a file, with the same run id', async () => {
    const out = jsonOut();
    await datacheck(['-r', 'json', '-o', `json=${out}`], {});
    const events = path.join(path.dirname(out), 'events.jsonl');
    const r = await datacheck(['report', out, '-r', 'openlineage', '-o', `openlineage=${events}`], {});
    expect(r.code).toBe(0);
    const sent = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    const run = JSON.parse(readFileSync(out, 'utf8')) as RunResult;
    expect(sent.map((e) => [e.eventType, e.run.runId, e.eventTime])).toEqual([
      ['START', run.runId, run.startedAt],
      ['COMPLETE', run.runId, run.finishedAt],
    ]);
  });
});

describe('datacheck/openlineage, the standalone client', () => {
  it('is importable from the built package on its own and builds a valid event', () => {
    const script = `
      import { facet, runEvent, OpenLineageClient } from 'datacheck/openlineage';
      const producer = 'https://example.com/my-pipeline/v1';
      const event = runEvent({
        eventType: 'COMPLETE', eventTime: new Date(0), runId: '019ab0c4-6a80-7c3e-9d2b-4f1e2a3b4c5d', producer,
        job: { namespace: 'ns', name: 'job' },
        inputs: [{ namespace: 'file', name: '/d.csv', inputFacets: {
          dataQualityAssertions: facet('DataQualityAssertionsDatasetFacet', producer, { assertions: [{ assertion: 'not_null', column: 'id', success: true }] }) } }],
      });
      const result = await new OpenLineageClient({ type: 'console' }).emit(event);
      if (!result.ok) process.exit(3);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(spec.validateEvent(JSON.parse(r.stdout))).toEqual([]);
  });
});
