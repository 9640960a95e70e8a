import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of .dependency-cruiser.cjs, run for real (depcruise) on a small tree with one
// forbidden import per rule, so that a rule that could never fire (a typo in a path pattern) fails here.
const repo = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(repo, 'node_modules/.bin/depcruise');
const config = path.join(repo, '.dependency-cruiser.cjs');
const run = promisify(execFile);

/** file -> source: each forbidden import is the only import of its file, so a violation names its rule. */
const TREE: Record<string, string> = {
  'src/model/check.ts': "import { runEverything } from '../run/runner.js';\nexport const a = runEverything;\n",
  'src/dsl/col.ts': "import { duckdb } from '../engines/sql/engine.js';\nexport const b = duckdb;\n",
  'src/checks/kinds/not-null.ts': "import { arrow } from '../../engines/arrow/engine.js';\nexport const c = arrow;\n",
  'src/engines/arrow/engine.ts': "import type { Kind } from '../../checks/check-kind.js';\nexport const arrow = 1 as unknown as Kind;\n",
  'src/engines/sql/engine.ts': 'export const duckdb = 1;\n',
  'src/sources/csv-source.ts': "import { duckdb } from '../engines/sql/engine.js';\nexport const d = duckdb;\n",
  'src/reporters/json.ts': "import { evaluate } from '../evaluate/evaluate-dataset.js';\nexport const e = evaluate;\n",
  'src/reporters/html.ts': "import { MASK } from '../evaluate/mask-pii.js';\nexport const allowed = MASK;\n",
  'src/openlineage/client.ts': "import type { RunResult } from '../model/result.js';\nexport type F = RunResult;\n",
  'src/evaluate/evaluate-dataset.ts': "import { readCsv } from '../sources/read.js';\nexport const evaluate = readCsv;\n",
  'src/evaluate/mask-pii.ts': "export const MASK = '***';\n",
  'src/sources/read.ts': "import { main } from '../cli/main.js';\nexport const readCsv = main;\n",
  'src/cli/main.ts': 'export const main = 1;\n',
  'src/pii/find-pii.ts': "import { arrow } from '../engines/arrow/engine.js';\nexport const p = arrow;\n",
  'src/run/runner.ts': "import { loop } from './loop.js';\nexport const runEverything = loop;\n",
  'src/run/loop.ts': "import { runEverything } from './runner.js';\nexport const loop = () => runEverything;\n",
  'src/checks/check-kind.ts': "import { helper } from '../../tests/support/helper.js';\nexport type Kind = typeof helper;\n",
  'tests/support/helper.ts': 'export const helper = 1;\n',
  'src/model/result.ts': 'export interface RunResult { ok: boolean }\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
};

let root: string;
let violations: { rule: string; from: string; to: string }[];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'datacheck-boundaries-'));
  for (const [file, text] of Object.entries(TREE)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  // depcruise exits non-zero when it finds violations: that is the expected case here.
  const out = await run(depcruise, ['src', '--config', config, '--output-type', 'json'], { cwd: root }).catch((e) => e);
  const result = JSON.parse(out.stdout);
  violations = result.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
  }));
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('layer boundaries (dependency-cruiser)', () => {
  const cases: [rule: string, from: string, to: string][] = [
    ['model-imports-nothing', 'src/model/check.ts', 'src/run/runner.ts'],
    ['dsl-imports-model-only', 'src/dsl/col.ts', 'src/engines/sql/engine.ts'],
    ['checks-never-import-engines', 'src/checks/kinds/not-null.ts', 'src/engines/arrow/engine.ts'],
    ['engines-compute-metrics-not-checks', 'src/engines/arrow/engine.ts', 'src/checks/check-kind.ts'],
    ['sources-below-run-and-sql-engine', 'src/sources/csv-source.ts', 'src/engines/sql/engine.ts'],
    ['reporters-read-only-the-result', 'src/reporters/json.ts', 'src/evaluate/evaluate-dataset.ts'],
    ['evaluate-is-pure', 'src/evaluate/evaluate-dataset.ts', 'src/sources/read.ts'],
    ['only-cli-reaches-cli', 'src/sources/read.ts', 'src/cli/main.ts'],
    ['pii-detectors-import-model-only', 'src/pii/find-pii.ts', 'src/engines/arrow/engine.ts'],
    ['src-never-imports-tests', 'src/checks/check-kind.ts', 'tests/support/helper.ts'],
    ['no-circular', 'src/run/loop.ts', 'src/run/runner.ts'],
  ];
  it.each(cases)('%s: %s -> %s is reported', (rule, from, to) => {
    expect(violations).toContainEqual({ rule, from, to });
  });

  it('reports nothing else: allowed imports (the pii mask from a reporter, model types from anywhere but the OpenLineage client) pass', () => {
    const expected = cases.map(([rule, from, to]) => ({ rule, from, to }));
    // the OpenLineage client importing model types is forbidden too: it imports nothing of ours
    expected.push({ rule: 'openlineage-client-standalone', from: 'src/openlineage/client.ts', to: 'src/model/result.ts' });
    expect(violations).toHaveLength(expected.length);
    expect(violations).toEqual(expect.arrayContaining(expected));
  });
});

describe('the source tree', () => {
  it('has no boundary violations beyond the known ones listed in .dependency-cruiser-known-violations.json', async () => {
    const out = await run(depcruise, ['src', 'bin', '--config', config, '--ignore-known', '--output-type', 'err'], { cwd: repo }).catch(
      (e) => e,
    );
    expect(out.stdout).toContain('no dependency violations found');
  }, 60_000);
});
