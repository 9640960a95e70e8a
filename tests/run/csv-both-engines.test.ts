import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract } from '../../src/index.js';
import type { ContractDef } from '../../src/model/contract.js';
import type { DatasetResult } from '../../src/model/result.js';
import { runDatacheck } from '../../src/run/runner.js';

/**
 * The same CSV file read by datacheck's reader (`engine: 'arrow'`) and by DuckDB
 * (`engine: 'duckdb'`) gives the same answer: the same rows, or the same issue at the same line.
 */
async function readWith(engine: 'arrow' | 'duckdb', bytes: Buffer | string): Promise<DatasetResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-csv-engines-'));
  writeFileSync(path.join(dir, 'people.csv'), bytes);
  const contract = defineContract({
    name: 'people',
    source: { file: 'people.csv', engine },
    columns: { id: col.int32().primaryKey(), email: col.string().pii(), age: col.int32() },
  });
  const r = await runDatacheck({ cwd: dir, contracts: [contract as ContractDef], suites: [], issues: [], maxFailingRows: 5 });
  return r.datasets[0];
}

async function bothEngines(bytes: Buffer | string): Promise<[DatasetResult, DatasetResult]> {
  return [await readWith('arrow', bytes), await readWith('duckdb', bytes)];
}

const issueOf = (d: DatasetResult) =>
  d.issues.map(({ code, message, location, expected, found }) => ({ code, message, line: location?.line, expected, found }));
const rows = (n: number, bad?: (i: number) => string) =>
  Array.from({ length: n }, (_, k) => bad?.(k + 1) ?? `${k + 1},person${k + 1}@example.com,${20 + (k % 50)}`);

describe('a CSV file reads the same on both engines', () => {
  it('bytes that are not UTF-8 are an error naming the file and line on both, not a silently replaced value', async () => {
    const text = Buffer.from(`${['id,email,age', ...rows(3)].join('\n')}\n`);
    text[text.indexOf('person2') + 2] = 0xff; // line 3
    const [arrow, duckdb] = await bothEngines(text);
    expect(issueOf(arrow)).toEqual([
      {
        code: 'csv.invalid_utf8',
        message: 'people.csv:3: the text is not valid UTF-8 (an invalid byte sequence)',
        line: 3,
        expected: 'UTF-8 text',
        found: 'a byte sequence that is not UTF-8',
      },
    ]);
    expect(issueOf(duckdb)).toEqual(issueOf(arrow));
  });

  it('a bad byte far into a large file is found at its line on both (DuckDB alone would crash on it)', async () => {
    const text = Buffer.from(`${['id,email,age', ...rows(30_000)].join('\n')}\n`);
    text[text.indexOf('person25000@') + 3] = 0xc3; // a lead byte without its continuation, line 25001
    const [arrow, duckdb] = await bothEngines(text);
    expect(issueOf(arrow)[0]).toMatchObject({ code: 'csv.invalid_utf8', line: 25_001 });
    expect(issueOf(duckdb)).toEqual(issueOf(arrow));
  });

  it('mixed line endings (\\n, \\r\\n, \\r) read identically, as the README promises', async () => {
    const [arrow, duckdb] = await bothEngines('id,email,age\n1,a@x.io,30\r\n2,b@x.io,40\r3,c@x.io,50\n');
    for (const d of [arrow, duckdb]) {
      expect(d.issues).toEqual([]);
      expect(d.rowCount).toBe(3);
      expect(d.checks.every((c) => c.outcome === 'pass')).toBe(true);
    }
  });

  it.each([
    ['the last row', `${['id,email,age', '1,a@x.io,30', '2,b@x.io,40', '3,c@x.io'].join('\n')}\n`, 4],
    ['the last row, without a final line break', ['id,email,age', '1,a@x.io,30', '2,b@x.io,40', '3,c@x.io'].join('\n'), 4],
    ['a middle row', `${['id,email,age', '1,a@x.io,30', '2,b@x.io', '3,c@x.io,50'].join('\n')}\n`, 3],
    [
      "a row past the first 20,000 (beyond DuckDB's sample)",
      `${['id,email,age', ...rows(30_000, (i) => (i === 25_000 ? '25000,x@x.io' : undefined!))].join('\n')}\n`,
      25_001,
    ],
  ])('a ragged row (%s) is an error with its line on both, not "0 rows, missing columns"', async (_where, text, line) => {
    const [arrow, duckdb] = await bothEngines(text);
    expect(issueOf(arrow)).toEqual([
      {
        code: 'csv.ragged_row',
        message: `people.csv:${line}: row has 2 fields, expected 3`,
        line,
        expected: '3 fields',
        found: '2 fields',
      },
    ]);
    expect(issueOf(duckdb)).toEqual(issueOf(arrow));
  });

  it('an unterminated quote names the line it opens on, on both', async () => {
    const [arrow, duckdb] = await bothEngines(
      `${['id,email,age', ...rows(30_000, (i) => (i === 25_000 ? '25000,"x@x.io,1' : undefined!))].join('\n')}\n`,
    );
    expect(issueOf(arrow)[0]).toMatchObject({ code: 'csv.unterminated_quote', line: 25_001 });
    expect(issueOf(duckdb)).toEqual(issueOf(arrow));
  });

  it('the checks of an unreadable file point at the one dataset issue instead of repeating it', async () => {
    const [arrow, duckdb] = await bothEngines('id,email,age\n1,a@x.io,30\n2,b@x.io\n');
    for (const d of [arrow, duckdb]) {
      expect(d.checks.length).toBeGreaterThan(0);
      for (const c of d.checks)
        expect(c).toMatchObject({
          outcome: 'error',
          message: 'the dataset could not be read (see above)',
          issue: { code: 'csv.ragged_row' },
        });
    }
  });
});
