import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openlineageReporter } from '../../src/reporters/openlineage/index.js';
import { runEvents } from '../../src/reporters/openlineage/run-events.js';
import type { ReporterContext } from '../../src/reporters/reporter.js';
import type { RunResult } from '../../src/model/result.js';
import type {
  DataQualityAssertionsDatasetFacet,
  DataQualityMetricsInputDatasetFacet,
  InputDataset,
  RunEvent,
  SchemaDatasetFacet,
} from '../../src/openlineage/index.js';
import { specValidator } from '../openlineage/spec.js';
import { runProject } from '../support/run-project.js';
import { sampleRun } from './sample-run.js';

const root = path.resolve(__dirname, '../..');
const spec = specValidator();

const input = (e: RunEvent, name: string): InputDataset => {
  const found = e.inputs?.find((i) => i.name.endsWith(name));
  if (!found) throw new Error(`no input named ${name} in ${e.inputs?.map((i) => i.name).join(', ')}`);
  return found;
};
const assertions = (d: InputDataset) => (d.inputFacets!.dataQualityAssertions as DataQualityAssertionsDatasetFacet).assertions;
const metrics = (d: InputDataset) => d.inputFacets?.dataQualityMetrics as DataQualityMetricsInputDatasetFacet;

describe('openlineage reporter over the bundled example (real runner)', () => {
  let run: RunResult;
  let events: RunEvent[];
  beforeAll(async () => {
    run = await runProject(root);
    events = runEvents(run, { namespace: 'analytics' });
  });

  it('names which data each input was: the version facet carries the fingerprint of the files read, valid against its spec schema', () => {
    const orders = run.datasets.find((d) => d.name === 'orders')!;
    expect(orders.fingerprint).toMatchObject({ method: 'files', files: [{ path: 'fixtures/jaffle_shop/orders.csv' }] });
    for (const e of events) {
      expect(input(e, 'orders.csv').facets?.version).toMatchObject({
        datasetVersion: orders.fingerprint!.version,
        _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet',
      });
      expect(spec.validateEvent(e)).toEqual([]);
    }
  });

  it('START then COMPLETE, one run id (the run’s UUIDv7), recorded times, valid against the spec', () => {
    expect(run.outcome).toBe('passed');
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(events.map((e) => e.run.runId)).toEqual([run.runId, run.runId]);
    expect(run.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(events.map((e) => e.eventTime)).toEqual([run.startedAt, run.finishedAt]);
    for (const e of events) {
      expect(spec.validateEvent(e)).toEqual([]);
      expect(e.producer).toBe(`https://github.com/datacheck/datacheck/tree/v${run.tool.version}`);
      expect(e.job).toMatchObject({ namespace: 'analytics', name: `datacheck.${path.basename(root)}` });
      expect(e.job.facets?.jobType).toMatchObject({ processingType: 'BATCH', integration: 'DATACHECK', jobType: 'TEST' });
      expect(e.run.facets?.processing_engine).toMatchObject({ name: 'datacheck', version: run.tool.version });
    }
  });

  it('one input per checked dataset, named by the naming conventions (files; DuckDB tables, dbt relations too)', () => {
    const [, complete] = events;
    const warehouse = `duckdb://${path.join(root, 'fixtures/jaffle_shop/warehouse.duckdb')}`;
    // A dbt model is the relation dbt built: `dbt:warehouse.products (warehouse.main.products)` is that DuckDB table.
    const dbtRelation = (source: string) => /\(([^)]+)\)$/.exec(source)?.[1];
    expect(complete.inputs?.map((i) => [i.namespace, i.name])).toEqual(
      run.datasets.map((d) =>
        d.source?.startsWith('warehouse:')
          ? [warehouse, `warehouse.main.${d.name}`]
          : d.source?.startsWith('dbt:')
            ? [warehouse, dbtRelation(d.source)]
            : ['file', path.join(root, 'fixtures/jaffle_shop', path.basename(d.source ?? ''))],
      ),
    );
    expect(input(complete, 'payments.parquet').facets?.dataSource).toMatchObject({
      name: 'file',
      uri: `file://${path.join(root, 'fixtures/jaffle_shop/payments.parquet')}`,
    });
  });

  it('schema from the contract and the data; metrics with quantiles the checks computed; no pii values', () => {
    const payments = input(events[1], 'payments.parquet');
    expect((payments.facets!.schema as SchemaDatasetFacet).fields).toEqual([
      { name: 'id', type: 'int32', ordinal_position: 1 },
      { name: 'order_id', type: 'int32', ordinal_position: 2 },
      { name: 'payment_method', type: 'string', ordinal_position: 3 },
      { name: 'amount', type: 'int32', ordinal_position: 4 },
    ]);
    const m = metrics(payments);
    expect(m.rowCount).toBe(run.datasets.find((d) => d.name === 'payments')!.rowCount);
    const amount = m.columnMetrics.amount;
    expect(amount).toMatchObject({ nullCount: 0, count: m.rowCount, min: expect.any(Number), max: expect.any(Number) });
    const p95 = run.datasets.find((d) => d.name === 'payments')!.checks.find((c) => c.title.includes('quantile(0.95)'))!.observed;
    const median = run.datasets.find((d) => d.name === 'payments')!.checks.find((c) => c.title.includes('median'))!.observed;
    expect(amount.quantiles).toEqual({ '0.95': p95, '0.5': median });
    expect(m.columnMetrics.payment_method).toMatchObject({ distinctCount: 4 });

    const customers = metrics(input(events[1], 'customers.csv'));
    expect(customers.columnMetrics.first_name).toEqual({ nullCount: 0, count: customers.rowCount });
    expect(JSON.stringify(events)).not.toContain('***');
  });

  it('one assertion per check, with column, severity and success', () => {
    const dataset = run.datasets.find((d) => d.name === 'payments')!;
    const list = assertions(input(events[1], 'payments.parquet'));
    expect(list).toHaveLength(dataset.checks.filter((c) => c.outcome !== 'skipped').length);
    // The example's compound key has duplicates; the check is .warn(), so the run still passes:
    // the assertion is unsuccessful (issues found) with severity warn, and the run COMPLETEs.
    const unique = list.find((a) => a.assertion === 'unique' && a.severity === 'warn');
    expect(unique).toMatchObject({ success: false, params: { outcome: 'warn', columns: ['order_id', 'payment_method'] } });
    expect(events[1].eventType).toBe('COMPLETE');
    expect(list.find((a) => a.assertion === 'not_null' && a.column === 'amount')).toMatchObject({ success: true, severity: 'error' });
    expect(list.every((a) => a.name && a.params?.definedAt)).toBe(true);
    // The START event names the inputs; results come with COMPLETE.
    expect(events[0].inputs?.every((i) => !i.inputFacets)).toBe(true);
  });
});

describe('openlineage reporter over failing and broken runs', () => {
  it('a run whose checks failed still COMPLETEs; its assertions say what failed', async () => {
    const run = await runProject(path.join(root, 'examples/broken'));
    expect(run.outcome).toBe('failed');
    const events = runEvents(run, { namespace: 'n' });
    for (const e of events) expect(spec.validateEvent(e)).toEqual([]);
    expect(events[1].eventType).toBe('COMPLETE');
    expect(events[1].run.facets?.errorMessage).toBeUndefined();
    const failed = events[1].inputs!.flatMap((i) => assertions(i).filter((a) => !a.success));
    expect(failed.length).toBe(run.counts.fail + run.counts.warn + run.counts.error);
  });

  it('a failed check of a passing-with-errors example: COMPLETE unless the run could not be done', () => {
    const failed = { ...sampleRun(), outcome: 'failed' as const, issues: [] };
    failed.datasets = failed.datasets.filter((d) => d.issues.length === 0);
    const [, end] = runEvents(failed, { namespace: 'n' });
    expect(end.eventType).toBe('COMPLETE');
    expect(end.run.facets?.errorMessage).toBeUndefined();
    expect(spec.validateEvent(end)).toEqual([]);
  });

  it('an error run FAILs with an errorMessage; an unreadable dataset is still an input with its failed assertions', async () => {
    const run = sampleRun();
    expect(run.outcome).toBe('error');
    const [start, end] = runEvents(run, { namespace: 'n', job: 'nightly' });
    expect([start.eventType, end.eventType]).toEqual(['START', 'FAIL']);
    expect(end.run.facets?.errorMessage).toMatchObject({
      programmingLanguage: 'TypeScript',
      message: expect.stringContaining('customers: row 14 has 4 fields'),
    });
    expect(spec.validateEvent(start)).toEqual([]);
    expect(spec.validateEvent(end)).toEqual([]);
    const customers = end.inputs!.find((i) => i.name === 'customers')!;
    expect(customers.namespace).toBe('datacheck');
    // sampleRun's run id is not a UUID: it becomes a stable one, the same in both events.
    expect(start.run.runId).toBe(end.run.runId);
    expect(runEvents(run, { namespace: 'n' })[0].run.runId).toBe(start.run.runId);
  });
});

describe('openlineage reporter delivery', () => {
  const context = (options: Record<string, unknown>, out: string[] = []): ReporterContext => ({
    cwd: mkdtempSync(path.join(os.tmpdir(), 'dc-ol-')),
    stdout: { write: (s) => out.push(s) },
    color: false,
    verbose: false,
    options: { env: {}, ...options },
  });

  it('file transport: both events as JSON lines, the file listed', async () => {
    const ctx = context({ outputFile: 'reports/openlineage.jsonl', namespace: 'shop', env: { OPENLINEAGE_API_KEY: 'ol-s3cr3t-key-4711' } });
    const outcome = await openlineageReporter.render(sampleRun(), ctx);
    const file = path.join(ctx.cwd, 'reports/openlineage.jsonl');
    expect(outcome).toEqual({ files: [file] });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    expect(lines.map((e) => [e.eventType, e.job.namespace])).toEqual([
      ['START', 'shop'],
      ['FAIL', 'shop'],
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain('ol-s3cr3t-key-4711');
  });

  it('console transport by default (no URL, no openlineage.yml)', async () => {
    const out: string[] = [];
    await openlineageReporter.render(sampleRun(), context({ env: { OPENLINEAGE_API_KEY: 'ol-s3cr3t-key-4711' } }, out));
    expect(out.join('')).not.toContain('ol-s3cr3t-key-4711');
    expect(out.map((l) => (JSON.parse(l) as RunEvent).eventType)).toEqual(['START', 'FAIL']);
  });

  it('an endpoint that is down is a warning, unless required; the key is never in it', async () => {
    const key = 'ol-s3cr3t-key-4711';
    const transport = { type: 'http', url: 'http://127.0.0.1:9', retries: 0, auth: { type: 'api_key', apiKey: key } };
    const outcome = await openlineageReporter.render(sampleRun(), context({ transport }));
    expect(outcome).toEqual({
      warnings: [
        expect.stringMatching(/^OpenLineage START event not sent \(nor the 1 after it\): http:\/\/127\.0\.0\.1:9\/api\/v1\/lineage /),
      ],
    });
    expect(JSON.stringify(outcome)).not.toContain(key);
    await expect(openlineageReporter.render(sampleRun(), context({ transport, required: true }))).rejects.toThrow(/START event not sent/);
  });

  it('a bad transport option is a warning too', async () => {
    expect(await openlineageReporter.render(sampleRun(), context({ transport: { type: 'kafka' } }))).toEqual({
      warnings: [
        'OpenLineage events not sent: the OpenLineage transport from the reporter options is not valid: type must be one of http, file, console, noop, found "kafka"',
      ],
    });
  });
});
