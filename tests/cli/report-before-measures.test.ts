import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import type { RunResult } from '../../src/model/result.js';
import { renderJson } from '../../src/reporters/json.js';
import { runProject } from '../support/run-project.js';
import { fakeIo } from './cli-harness.js';

const root = path.resolve(__dirname, '../..');

/**
 * `measure` was added to results within schema version 1. A result saved before it (the same run,
 * without measures) must still be read by `datacheck report`, and render exactly as a new one does:
 * reporters read messages and observed values as before, never requiring the measure.
 */
describe('datacheck report over a version-1 result saved before measures existed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-report-v1-'));
  beforeAll(async () => {
    const ran = await runProject(path.join(root, 'examples/broken'));
    // A result saved before measures has no drift checks either (they came later, their chart drawn from the measure).
    const run: RunResult = { ...ran, datasets: ran.datasets.map((d) => ({ ...d, checks: d.checks.filter((c) => c.kind !== 'drift') })) };
    const old: RunResult = {
      ...run,
      datasets: run.datasets.map((d) => ({ ...d, checks: d.checks.map(({ measure: _measure, ...c }) => c) })),
    };
    expect(run.datasets.flatMap((d) => d.checks).some((c) => c.measure)).toBe(true);
    writeFileSync(path.join(dir, 'new.json'), renderJson(run));
    writeFileSync(path.join(dir, 'old.json'), renderJson(old));
  }, 120_000);

  const report = async (file: string, reporter: string) => {
    const io = fakeIo(dir);
    const code = await reportCommand(file, { reporter: [reporter], ...(reporter !== 'console' && { outputFile: ['-'] }) }, io);
    return { code, out: io.out(), err: io.err() };
  };

  for (const reporter of ['console', 'markdown', 'junit', 'html']) {
    it(`${reporter}: same exit code and output as the result with measures`, async () => {
      const [old, current] = [await report('old.json', reporter), await report('new.json', reporter)];
      expect(old.err).toBe('');
      expect(old.code).toBe(EXIT.failed);
      expect(old.out.length).toBeGreaterThan(200);
      expect(old.out).toBe(current.out);
    });
  }
});
