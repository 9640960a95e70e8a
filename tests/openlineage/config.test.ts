import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleTransport, createTransport, fileTransport, resolveConfig } from '../../src/openlineage/index.js';
import { sampleEvent } from './sample-event.js';

const KEY = 'ol-s3cr3t-key-4711';
const dir = () => mkdtempSync(path.join(os.tmpdir(), 'datacheck-ol-'));
/** No real home directory: a developer's ~/.openlineage must not change the tests. */
const isolated = (cwd: string) => ({ cwd, home: path.join(cwd, 'no-home') });

describe('resolveConfig', () => {
  it('falls back to the console with no URL and no file; namespace from OPENLINEAGE_NAMESPACE, else default', () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, ...isolated(cwd) })).toMatchObject({
      ok: true,
      config: { transport: { type: 'console' }, namespace: 'default' },
    });
    expect(resolveConfig({ env: { OPENLINEAGE_NAMESPACE: 'analytics' }, ...isolated(cwd) })).toMatchObject({
      ok: true,
      config: { namespace: 'analytics' },
    });
  });

  it('OPENLINEAGE_URL (+ endpoint, api key) chooses http', () => {
    const r = resolveConfig({
      env: { OPENLINEAGE_URL: 'http://localhost:5000', OPENLINEAGE_ENDPOINT: 'api/v2/lineage', OPENLINEAGE_API_KEY: KEY },
      ...isolated(dir()),
    });
    expect(r).toEqual({
      ok: true,
      config: {
        transport: { type: 'http', url: 'http://localhost:5000', endpoint: 'api/v2/lineage', auth: { type: 'api_key', apiKey: KEY } },
        namespace: 'default',
        origin: 'OPENLINEAGE_URL',
      },
    });
  });

  it('reads openlineage.yml (cwd, OPENLINEAGE_CONFIG, ~/.openlineage) and it wins over OPENLINEAGE_URL', () => {
    const cwd = dir();
    writeFileSync(
      path.join(cwd, 'openlineage.yml'),
      'transport:\n  type: http\n  url: http://marquez:5000\n  timeout: 2\njob:\n  namespace: shop\n  name: nightly\n',
    );
    const r = resolveConfig({ env: { OPENLINEAGE_URL: 'http://other:1', OPENLINEAGE_API_KEY: KEY }, ...isolated(cwd) });
    expect(r).toMatchObject({
      ok: true,
      config: {
        transport: { type: 'http', url: 'http://marquez:5000', timeout: 2, auth: { apiKey: KEY } },
        namespace: 'shop',
        jobName: 'nightly',
      },
    });

    const elsewhere = path.join(dir(), 'ol.yml');
    writeFileSync(elsewhere, 'transport:\n  type: file\n  log_file_path: events.jsonl\n');
    expect(resolveConfig({ env: { OPENLINEAGE_CONFIG: elsewhere }, ...isolated(cwd) })).toMatchObject({
      ok: true,
      config: { transport: { type: 'file', log_file_path: path.join(cwd, 'events.jsonl') } },
    });

    const home = dir();
    mkdirSync(path.join(home, '.openlineage'));
    writeFileSync(path.join(home, '.openlineage', 'openlineage.yml'), 'transport:\n  type: console\n');
    expect(resolveConfig({ env: { OPENLINEAGE_URL: 'http://x:1' }, cwd: dir(), home })).toMatchObject({
      ok: true,
      config: { transport: { type: 'console' } },
    });
  });

  it('settings in code win over everything but OPENLINEAGE_DISABLED', () => {
    const cwd = dir();
    const transport = { type: 'file' as const, location: 'out/ol.jsonl' };
    expect(
      resolveConfig({ env: { OPENLINEAGE_URL: 'http://x:1' }, ...isolated(cwd), transport, namespace: 'ns', jobName: 'j' }),
    ).toMatchObject({
      ok: true,
      config: { transport: { type: 'file', log_file_path: path.join(cwd, 'out/ol.jsonl') }, namespace: 'ns', jobName: 'j' },
    });
    expect(resolveConfig({ env: { OPENLINEAGE_DISABLED: 'true' }, ...isolated(cwd), transport })).toMatchObject({
      ok: true,
      config: { transport: { type: 'noop' } },
    });
  });

  it('bad settings are warnings that never show the key', () => {
    const cwd = dir();
    writeFileSync(
      path.join(cwd, 'openlineage.yml'),
      `transport:\n  type: http\n  url: http://x:1\n  auth: { type: api_key, apiKey: ${KEY}\n`,
    );
    const broken = resolveConfig({ env: {}, ...isolated(cwd) });
    expect(broken).toEqual({ ok: false, warning: expect.stringMatching(/openlineage\.yml:\d+:\d+ is not valid YAML$/) });
    writeFileSync(
      path.join(cwd, 'openlineage.yml'),
      `transport:\n  type: http\n  url: http://x:1\n  auth: { type: bearer, token: ${KEY} }\n`,
    );
    const wrongAuth = resolveConfig({ env: {}, ...isolated(cwd) });
    expect(wrongAuth).toMatchObject({ ok: false, warning: expect.stringContaining('auth must be { type: api_key, apiKey: <key> }') });
    expect(JSON.stringify([broken, wrongAuth])).not.toContain(KEY);
    writeFileSync(path.join(cwd, 'openlineage.yml'), 'transport:\n  type: kafka\n');
    expect(resolveConfig({ env: {}, ...isolated(cwd) })).toMatchObject({
      ok: false,
      warning: expect.stringContaining('type must be one of http, file, console, noop, found "kafka"'),
    });
    expect(resolveConfig({ env: { OPENLINEAGE_CONFIG: 'missing.yml' }, ...isolated(cwd) })).toEqual({
      ok: false,
      warning: 'OPENLINEAGE_CONFIG names missing.yml, which does not exist',
    });
  });
});

describe('file and console transports', () => {
  it('file: one JSON event per line, appended, parent directories created', async () => {
    const file = path.join(dir(), 'deep/er/events.jsonl');
    const t = fileTransport({ path: file });
    expect(await t.emit(sampleEvent())).toEqual({ ok: true });
    expect(await createTransport({ type: 'file', log_file_path: file }).emit(sampleEvent())).toEqual({ ok: true });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([sampleEvent(), sampleEvent()]);
    expect(t.files).toEqual([file]);
  });

  it('file: an unwritable path is a warning', async () => {
    const blocker = path.join(dir(), 'a-file');
    writeFileSync(blocker, 'x');
    const r = await fileTransport({ path: path.join(blocker, 'events.jsonl') }).emit(sampleEvent());
    expect(r).toMatchObject({ ok: false, warning: expect.stringContaining('could not write') });
  });

  it('console: one JSON line per event', async () => {
    let out = '';
    await consoleTransport({ write: (s) => (out += s) }).emit(sampleEvent());
    expect(JSON.parse(out)).toEqual(sampleEvent());
    expect(out.endsWith('}\n')).toBe(true);
  });
});
