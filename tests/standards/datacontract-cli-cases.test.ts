import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readStandardFile } from '../../src/standards/read-standard.js';
import { UPSTREAM_CASES, UPSTREAM_DIR, testContract } from './replay-support.js';
import type { UpstreamCase } from './replay-support.js';

/**
 * The datacontract-cli suite's asserted outcomes (cases.json), replayed through `datacheck test`.
 * A case that cannot be replayed is listed here with its reason; the lists are checked against
 * the case file both ways, so a new case, or one that starts to replay, fails this test.
 */
const NOT_REPLAYED: Record<string, string> = {
  // Servers and formats datacheck does not read.
  's3-csv': 'S3 server (MinIO upstream); datacheck reads local files, DuckDB and PostgreSQL',
  's3-json-inventory': 'S3 server',
  's3-json-complex': 'S3 server',
  's3-json-multiple-models': 'S3 server',
  'local-delta-orders': "format 'delta' (Delta Lake) is not read: a run issue standard.unsupported, exit 2",
  // SQL rules run in SQL; datacheck reads JSON with its own readers (DuckDB reads its CSV and Parquet).
  'local-json-nd-flights': 'its SQL rules are over NDJSON files, which datacheck does not read in SQL: those checks error (exit 2)',
  // Types.
  'parquet-map': "logicalType 'map' has no datacheck type: standard.unsupported, exit 2",
  'parquet-all-types':
    'one of its columns is a map (see parquet-map); list and struct columns read through DuckDB have no datacheck type yet',
  'parquet-array': 'list columns read through DuckDB (the Parquet default) have no datacheck type yet: column_type fails',
  'parquet-struct': 'struct columns read through DuckDB have no datacheck type yet: column_type fails',
  'parquet-number-no-precision': "ODCS 'number' maps to float64, which does not accept decimal(10,2) data (type-compat narrowing rule)",
  // Exit codes by design.
  'local-json-unknown-server':
    "upstream fails the run (exit 1); datacheck says the run could not be done: standard.unknown_server naming 'nonexistent', exit 2",
};

/** datacontract-cli options with no datacheck equivalent (its --checks, --dimension, --quality-id, --tag, --filter, --metadata-only). */
const UNSUPPORTED_OPTIONS = new Set(['checks', 'dimension', 'quality_id', 'tag', 'filter', 'filters', 'metadata_only', 'output_format']);

/** Not `datacheck test`: lint against a custom schema, and contract inference from data (datacheck suggest). */
const OTHER_COMMANDS: Record<string, string> = {
  import: 'inferring a contract from data is `datacheck suggest` (another part of issue 14), not import of a standard file',
  lint: 'lint with a custom JSON Schema (--json-schema) or $ref inlining is `datacheck lint` (another part of issue 14)',
};

const replayable = (c: UpstreamCase) =>
  c.command === 'test' && !Object.keys(c.options).some((o) => UNSUPPORTED_OPTIONS.has(o)) && NOT_REPLAYED[c.id] === undefined;
const EXIT: Record<string, number> = { passed: 0, failed: 1, error: 2 };

describe('datacontract-cli cases replayed by datacheck test', () => {
  it('lists every case it does not replay, with its reason', () => {
    const ids = new Set(UPSTREAM_CASES.map((c) => c.id));
    for (const id of Object.keys(NOT_REPLAYED)) expect(ids, `${id} is listed but not in cases.json`).toContain(id);
    const skipped = UPSTREAM_CASES.filter((c) => !replayable(c)).map((c) => ({
      id: c.id,
      why:
        NOT_REPLAYED[c.id] ??
        (c.command === 'test'
          ? `datacontract-cli option ${Object.keys(c.options).join(', ')} has no datacheck equivalent`
          : c.command === 'lint' && Object.keys(c.options).length === 0
            ? 'replayed below as schema validation'
            : OTHER_COMMANDS[c.command]),
    }));
    // Printed so a reader of the CI log sees exactly what is not replayed and why.
    console.log(skipped.map((s) => `not replayed: ${s.id}: ${s.why}`).join('\n'));
    expect(skipped.every((s) => s.why)).toBe(true);
    expect(UPSTREAM_CASES.filter(replayable).length).toBeGreaterThanOrEqual(14);
  });

  for (const c of UPSTREAM_CASES.filter(replayable)) {
    it(`${c.id}: ${c.expect.result}`, async () => {
      const { code, result } = await testContract(c.contract!, c.server);
      expect({ outcome: result.outcome, issues: result.issues.map((i) => i.message) }).toEqual({ outcome: c.expect.result, issues: [] });
      expect(code).toBe(c.expect.exit_code ?? EXIT[c.expect.result!]);
    });
  }

  it('local-json-unknown-server: the issue names the server asked for and the ones declared (exit 2)', async () => {
    const { code, result } = await testContract('fixtures/local-json/datacontract.yaml', 'nonexistent');
    expect(code).toBe(2);
    expect(result.issues[0]).toMatchObject({ code: 'standard.unknown_server', message: expect.stringContaining("'nonexistent'") });
  });

  it('local-json-nd-flights: SQL rules over JSON files error with the reason, never pass silently', async () => {
    const { code, result } = await testContract('fixtures/local-json-nd/datacontract.yaml');
    expect(code).toBe(2);
    const sql = result.datasets.flatMap((d) => d.checks).filter((c) => c.kind === 'sql_rule');
    expect(sql.map((c) => [c.outcome, c.location?.line])).toEqual([
      ['error', 28],
      ['error', 32],
    ]);
  });

  it('quality-id-single and quality-id-passing, without the --quality-id filter: the SQL rule fails on amount -5', async () => {
    const { result } = await testContract('cases/quality_id_filter.odcs.yaml');
    const outcomes = Object.fromEntries(result.datasets.flatMap((d) => d.checks).map((c) => [c.title, c.outcome]));
    expect(outcomes).toMatchObject({ order_id_is_unique: 'fail', orders_not_empty: 'pass', 'amounts are positive': 'fail' });
  });
});

describe('datacontract-cli lint cases replayed as ODCS / DCS schema validation', () => {
  const lintCases = UPSTREAM_CASES.filter((c) => c.command === 'lint' && Object.keys(c.options).length === 0);
  it('has lint cases to replay', () => expect(lintCases.length).toBeGreaterThanOrEqual(6));
  for (const c of lintCases) {
    it(`${c.id}: ${c.expect.result ?? `exit ${c.expect.exit_code}`}`, async () => {
      const read = await readStandardFile(path.join(UPSTREAM_DIR, c.contract!), c.contract!);
      expect(read.ok ? 'passed' : 'failed').toBe(c.expect.result ?? (c.expect.exit_code === 0 ? 'passed' : 'failed'));
      if (!read.ok) for (const i of read.issues) expect(i.location?.line).toBeGreaterThan(0);
    });
  }
});
