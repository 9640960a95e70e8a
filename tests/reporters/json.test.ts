import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReporter, renderJson } from '../../src/reporters/json.js';
import { parseResult } from '../../src/cli/commands/report.js';
import { sampleRun } from './sample-run.js';

const context = (cwd: string, options: Record<string, unknown> = {}) => {
  const out = { text: '' };
  return { out, ctx: { cwd, stdout: { write: (s: string) => (out.text += s) }, color: false, verbose: false, options } };
};

describe('json reporter', () => {
  it('writes the whole RunResult, which reads back identical (the round trip `datacheck report` relies on)', () => {
    const run = sampleRun();
    const back = parseResult(renderJson(run));
    expect(back).toEqual({ ok: true, run });
  });

  it('writes reports/datacheck.json under the project root by default, creating the folder', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-json-'));
    const { ctx } = context(cwd);
    const outcome = await jsonReporter.render(sampleRun(), ctx);
    const file = path.join(cwd, 'reports/datacheck.json');
    expect(outcome).toEqual({ files: [file] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 1, outcome: 'error' });
  });

  it("honours outputFile, and '-' for stdout", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-json-'));
    await jsonReporter.render(sampleRun(), context(cwd, { outputFile: 'out/deep/run.json' }).ctx);
    expect(JSON.parse(readFileSync(path.join(cwd, 'out/deep/run.json'), 'utf8')).runId).toBe(sampleRun().runId);
    const { out, ctx } = context(cwd, { outputFile: '-' });
    await jsonReporter.render(sampleRun(), ctx);
    expect(JSON.parse(out.text).datasets).toHaveLength(3);
  });

  it('survives bigint values from int64 columns', () => {
    const run = sampleRun();
    run.datasets[1].checks[1].failingRows = [{ row: 1, values: { id: 12n, big: 2n ** 70n } }];
    const parsed = JSON.parse(renderJson(run));
    expect(parsed.datasets[1].checks[1].failingRows[0].values).toEqual({ id: 12, big: '1180591620717411303424' });
  });

  it('rejects what is not a datacheck result, saying what it expected', () => {
    expect(parseResult('{"schemaVersion": 2}')).toMatchObject({ ok: false, expected: expect.stringContaining('schemaVersion 1') });
    expect(parseResult('[1]')).toMatchObject({ ok: false, found: 'an array' });
    const bad = parseResult('{\n  "schemaVersion": 1,\n  oops\n}');
    expect(bad).toMatchObject({ ok: false, expected: 'valid JSON', where: '3:3' });
  });
});
