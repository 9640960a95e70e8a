import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_EVENTS, readJson, SPEC_DIR } from './spec.js';

const root = path.resolve(__dirname, '../..');
const GENERATED = path.join(root, 'src/openlineage/generated/openlineage.ts');

describe('generated OpenLineage types', () => {
  it('equal a fresh generation from the spec (npm run gen:openlineage), so they cannot drift', async () => {
    const { generate } = (await import(path.join(root, 'scripts/generate-openlineage-types.mjs'))) as { generate: () => Promise<string> };
    expect(readFileSync(GENERATED, 'utf8')).toBe(await generate());
  });

  it("accept the spec's and Marquez's example events and facets, and reject wrong ones", () => {
    // Each example becomes an object literal typed by our generated types, compiled by TypeScript.
    // JSON Schema objects are open (extra properties allowed, as in the examples), so the examples are
    // checked structurally: `is<T>()(value)` infers the literal and checks it is assignable to T,
    // without the excess-property check a typed `const` would make.
    const lines = [
      `import type * as OL from ${JSON.stringify(GENERATED.replace(/\.ts$/, '.js'))};`,
      'const is = <T,>() => <const V extends T>(value: V): V => value;',
    ];
    EXAMPLE_EVENTS.filter((f) => !/dataset_event|job_event/.test(f)).forEach((file, i) =>
      lines.push(`export const e${i} = is<OL.RunEvent>()(${JSON.stringify(readJson(file))});`),
    );
    lines.push(`export const d0 = is<OL.DatasetEvent>()(${JSON.stringify(readJson('marquez-examples/event_dataset_event.json'))});`);
    lines.push(`export const j0 = is<OL.JobEvent>()(${JSON.stringify(readJson('marquez-examples/event_job_event.json'))});`);
    const facetNames = [
      'SchemaDatasetFacet',
      'DatasourceDatasetFacet',
      'DataQualityMetricsInputDatasetFacet',
      'DataQualityAssertionsDatasetFacet',
      'JobTypeJobFacet',
      'ProcessingEngineRunFacet',
      'ErrorMessageRunFacet',
    ];
    let facetExamples = 0;
    for (const name of facetNames) {
      for (const f of readdirSync(path.join(SPEC_DIR, 'tests', name))) {
        const doc = readJson(`tests/${name}/${f}`) as Record<string, unknown>;
        for (const facet of Object.values(doc))
          lines.push(`export const f${facetExamples++} = is<OL.${name}>()(${JSON.stringify(facet)});`);
      }
    }
    expect(facetExamples).toBeGreaterThanOrEqual(facetNames.length);
    const good = compile(lines.join('\n'));
    expect(good).toEqual([]);

    // The same check must be able to fail: a bad eventType, a missing job, an assertion without success.
    const bad = compile(
      [
        lines[0],
        lines[1],
        `export const a = is<OL.RunEvent>()({ eventType: 'DONE', eventTime: 't', producer: 'p', schemaURL: 's', run: { runId: 'r' }, job: { namespace: 'n', name: 'j' } });`,
        `export const b: OL.RunEvent = { eventTime: 't', producer: 'p', schemaURL: 's', run: { runId: 'r' } };`,
        `export const c = is<OL.DataQualityAssertionsDatasetFacet>()({ _producer: 'p', _schemaURL: 's', assertions: [{ assertion: 'not_null' }] });`,
      ].join('\n'),
    );
    expect(bad.length).toBe(3);
  });
});

function compile(text: string): string[] {
  const file = path.join(root, 'tests/openlineage/__examples__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? text : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]);
}
