import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASETS, issueOf, readAll, tmpFiles } from './helpers.js';

const PT = path.join(DATASETS, 'parquet-testing');
const good = readdirSync(path.join(PT, 'data')).filter((f) => f.endsWith('.parquet'));
const bad = readdirSync(path.join(PT, 'bad_data')).filter((f) => f.endsWith('.parquet'));
// Each row holds a 1 GiB map key: beyond the in-process reader (wasm32) and the 1 GB budget.
const TOO_LARGE = new Set(['large_string_map.brotli.parquet']);

async function duckCount(file: string): Promise<number | undefined> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const r = await c.runAndReadAll(`select count(*) from read_parquet('${file.replace(/'/g, "''")}')`);
    return Number(r.getRows()[0][0]);
  } catch {
    return undefined;
  } finally {
    c.closeSync();
  }
}

describe('Parquet source', () => {
  it.each(good.filter((f) => !TOO_LARGE.has(f)))('parquet-testing/data/%s loads with the row count DuckDB reports', async (f) => {
    const expected = await duckCount(path.join(PT, 'data', f));
    const r = await readAll({ file: `parquet-testing/data/${f}` });
    if (expected !== undefined) expect(r.rows).toBe(expected);
    expect(r.schema!.fields.length).toBeGreaterThan(0);
  });

  it('a file no in-process reader can hold (1 GiB strings) is a clear error, not a crash', async () => {
    for (const f of TOO_LARGE) {
      const issue = await issueOf(readAll({ file: `parquet-testing/data/${f}` }));
      expect(issue.code).toBe('parquet.invalid');
      expect(issue.message).toContain(f);
    }
  });

  it.each(bad)('parquet-testing/bad_data/%s is parquet.invalid, or (if it decodes) matches DuckDB', async (f) => {
    const expected = await duckCount(path.join(PT, 'bad_data', f));
    try {
      const r = await readAll({ file: `parquet-testing/bad_data/${f}` });
      expect(r.rows).toBe(expected);
    } catch (e) {
      const issue = (e as { issue?: { code: string; message: string } }).issue;
      expect(issue?.code).toBe('parquet.invalid');
      expect(issue?.message).toContain(f);
    }
  });

  it('a truncated copy of a good file is parquet.invalid naming it', async () => {
    const bytes = readFileSync(path.join(PT, 'data', 'alltypes_plain.parquet'));
    const dir = tmpFiles({ 'cut.parquet': bytes.subarray(0, Math.floor(bytes.length / 2)) });
    const issue = await issueOf(readAll({ file: 'cut.parquet' }, { baseDir: dir }));
    expect(issue.code).toBe('parquet.invalid');
    expect(issue.message).toContain('cut.parquet');
  });

  it('keeps Parquet types (int96 timestamps, decimals) and reads Titanic.parquet', async () => {
    const r = await readAll({ file: 'parquet-testing/data/int96_from_spark.parquet' });
    expect(String(r.schema!.fields[0].type)).toMatch(/Timestamp/);
    const t = await readAll({ file: 'great_expectations/Titanic.parquet' });
    expect(t.rows).toBe(1313);
  });
});
