import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../../src/reporters/json.js';
import type { RunResult } from '../../src/model/result.js';
import { runProject } from '../support/run-project.js';
import { erroringRun, failingRun, hostileRun, passingRun } from '../support/sample-runs.js';

const root = path.resolve(__dirname, '../..');
const SCHEMA = path.join(root, 'schema/run-result.schema.json');

/** The json reporter's output, read back as a consumer of the saved file would. */
const saved = (run: RunResult): unknown => JSON.parse(renderJson(run));

describe('the published JSON Schema of the saved result (schema/run-result.schema.json)', () => {
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const errors = (value: unknown) =>
    validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

  it('equals a fresh generation from the types (npm run gen:result-schema), so it cannot drift', async () => {
    const { generate } = (await import(path.join(root, 'scripts/generate-result-schema.mjs'))) as { generate: () => string };
    expect(readFileSync(SCHEMA, 'utf8')).toBe(generate());
  }, 60_000);

  describe('accepts what the json reporter writes', () => {
    let example: RunResult;
    let broken: RunResult;
    beforeAll(async () => {
      [example, broken] = await Promise.all([runProject(root), runProject(path.join(root, 'examples/broken'))]);
    }, 120_000);

    it('for the bundled example and examples/broken', () => {
      expect(example.outcome).toBe('passed');
      expect(broken.outcome).toBe('failed');
      expect(errors(saved(example))).toEqual([]);
      expect(errors(saved(broken))).toEqual([]);
    });

    it('for passing and failing runs, one that could not read its data, and the hostile run', async () => {
      const erroring = await erroringRun();
      expect(erroring.datasets.some((d) => d.issues.some((i) => i.code.startsWith('source.')))).toBe(true);
      for (const run of [await passingRun(), await failingRun(), erroring]) expect(errors(saved(run))).toEqual([]);
      // The hostile run's texts are valid; its codes are not datacheck's (a hand-edited saved result), and the
      // schema names the catalogue's codes, so it reports exactly those and nothing else.
      const hostile = errors(saved(hostileRun()));
      expect(hostile.length).toBeGreaterThan(0);
      for (const e of hostile) expect(e).toMatch(/\/code must be equal to one of the allowed values/);
    });

    it('with a measure for every check that ran (so reporters have data, not messages, to read)', () => {
      const ran = [...example.datasets, ...broken.datasets]
        .flatMap((d) => d.checks)
        .filter((c) => c.outcome !== 'error' && c.outcome !== 'skipped');
      expect(ran.length).toBeGreaterThan(20);
      expect(ran.filter((c) => c.measure === undefined).map((c) => c.id)).toEqual([]);
    });
  });

  it('rejects a result with a wrong field, a misspelt one, or a measure of the wrong shape', async () => {
    const run = saved(await passingRun()) as { schemaVersion: unknown; datasets: { checks: Record<string, unknown>[] }[] };
    expect(errors(run)).toEqual([]);
    const check = run.datasets[0].checks[0];
    expect(errors({ ...run, schemaVersion: 2 })).not.toEqual([]);
    expect(errors({ ...run, datasets: [{ ...run.datasets[0], checks: [{ ...check, outcome: 'passed' }] }] })).not.toEqual([]);
    expect(errors({ ...run, datasets: [{ ...run.datasets[0], checks: [{ ...check, mesure: {} }] }] })).not.toEqual([]);
    expect(
      errors({
        ...run,
        datasets: [{ ...run.datasets[0], checks: [{ ...check, measure: { type: 'rows', considered: '4', failed: 0, mostly: 1 } }] }],
      }),
    ).not.toEqual([]);
  });
});
