import { tableFromIPC } from 'apache-arrow';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';
import type { Counts } from './load-bench.js';

const ROWS = 40_000;
const BATCH = 10_000;
let dir: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let gen: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let first: any;

beforeAll(async () => {
  gen = await loadBench('generate.js');
  dir = await mkdtemp(path.join(os.tmpdir(), 'bench-gen-'));
  first = await gen.ensureData({ dir, rows: ROWS, batchRows: BATCH });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Counts computed in plain JS from the Arrow IPC file: an oracle independent of the SQL query. */
async function countsFromArrow(file: string): Promise<Counts & { nulls: Record<string, number>; batchLengths: number[] }> {
  const table = tableFromIPC(await readFile(file));
  const { STATUSES, EMAIL_REGEX, COLUMNS } = await loadBench('config.js');
  const accepted = new Set<string>(STATUSES);
  const email = new RegExp(EMAIL_REGEX);
  const seen = new Map<bigint, number>();
  const nulls: Record<string, number> = Object.fromEntries(COLUMNS.map((c: string) => [c, 0]));
  let badStatus = 0,
    badEmail = 0,
    out = 0;
  for (const row of table) {
    const r = row.toJSON() as Record<string, unknown>;
    for (const c of COLUMNS) if (r[c] === null) nulls[c]++;
    seen.set(r.order_id as bigint, (seen.get(r.order_id as bigint) ?? 0) + 1);
    if (!accepted.has(r.status as string)) badStatus++;
    if (!email.test(r.email as string)) badEmail++;
    const a = r.amount as number | null;
    if (a !== null && (a < 0 || a > 10_000)) out++;
  }
  let duplicateRows = 0;
  for (const n of seen.values()) if (n > 1) duplicateRows += n;
  return {
    rows: table.numRows,
    nulls,
    duplicateRows,
    badStatus,
    badEmail,
    amountOutOfRange: out,
    batchLengths: table.batches.map((b) => b.numRows),
  };
}

describe('bench data generation', () => {
  it('writes an Arrow IPC file with the orders schema in record batches of the requested size', async () => {
    const table = tableFromIPC(await readFile(first.paths.arrow));
    expect(table.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'order_id: Int64',
      'customer_id: Int64',
      'amount: Float64',
      'status: Utf8',
      'email: Utf8',
      'ordered_at: Timestamp<MICROSECOND>',
    ]);
    expect(table.batches.map((b) => b.numRows)).toEqual([BATCH, BATCH, BATCH, BATCH]);
    expect(first.manifest).toMatchObject({ rows: ROWS, batchRows: BATCH, arrowBatches: 4 });
    expect(first.generatedMs).toBeGreaterThan(0);
  });

  it('plants the deliberate errors the checks must find, in the promised shares', async () => {
    const c = await countsFromArrow(first.paths.arrow);
    expect(c.rows).toBe(ROWS);
    // Rows 8191 and 24575 repeat the previous order_id: two keys, four rows.
    expect(c.duplicateRows).toBe(4);
    expect(c.nulls.amount / ROWS).toBeGreaterThan(0.007);
    expect(c.nulls.amount / ROWS).toBeLessThan(0.013);
    expect(c.nulls.status + c.nulls.email + c.nulls.order_id).toBe(0);
    expect(c.badStatus).toBeGreaterThan(0);
    expect(c.badEmail).toBeGreaterThan(0);
    expect(c.amountOutOfRange).toBeGreaterThan(0);
  });

  it('counts the same with the DuckDB query over Parquet as JS does over the Arrow file', async () => {
    const duck = await loadBench('duckdb-checks.js');
    const { row } = await duck.runDuckdbChecks(first.paths.parquet);
    const fromSql = await duck.duckdbCounts(first.paths.parquet, row);
    const { batchLengths: _, ...fromArrow } = await countsFromArrow(first.paths.arrow);
    expect(fromSql).toEqual({ ...fromArrow, duplicateSurplus: 2 });
  });

  it('reuses current files and regenerates when the manifest is stale', async () => {
    const again = await gen.ensureData({ dir, rows: ROWS, batchRows: BATCH });
    expect(again.generatedMs).toBeUndefined();
    const manifest = JSON.parse(await readFile(first.paths.manifest, 'utf8'));
    await writeFile(first.paths.manifest, JSON.stringify({ ...manifest, version: manifest.version - 1 }));
    const redone = await gen.ensureData({ dir, rows: ROWS, batchRows: BATCH });
    expect(redone.generatedMs).toBeGreaterThan(0);
  });

  it('is deterministic: a second generation writes byte-identical files', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'bench-gen-'));
    try {
      const second = await gen.ensureData({ dir: other, rows: ROWS, batchRows: BATCH });
      expect(Buffer.compare(await readFile(second.paths.arrow), await readFile(first.paths.arrow))).toBe(0);
      expect(Buffer.compare(await readFile(second.paths.parquet), await readFile(first.paths.parquet))).toBe(0);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
