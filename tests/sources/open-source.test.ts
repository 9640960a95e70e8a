import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DATASETS, T, contract, issueOf, readAll, tmpFiles } from './helpers.js';
import { openSource } from '../../src/sources/open-source.js';

describe('openSource: files, globs and unions', () => {
  it('reads glob matches in sorted order, unions columns by name and fills missing ones with nulls', async () => {
    const dir = tmpFiles({ 'b.csv': 'id,extra\n3,x\n', 'a.csv': 'id,name\n1,ann\n2,bob\n' });
    const r = await readAll({ file: '*.csv' }, { baseDir: dir, columns: { id: T.int64 } });
    expect(r.opened.files).toEqual(['a.csv', 'b.csv']);
    expect(r.opened.description).toBe('*.csv (2 files)');
    expect(r.batches.map((b) => [b.file, b.rowOffset])).toEqual([
      ['a.csv', 0],
      ['b.csv', 2],
    ]);
    for (const b of r.batches) expect(b.batch.schema.fields.map((f) => f.name)).toEqual(['id', 'name', 'extra']);
    expect(r.column('name')).toEqual(['ann', 'bob', null]);
    expect(r.column('extra')).toEqual([null, null, 'x']);
  });

  it('the same column with conflicting types across files is a clear error', async () => {
    const dir = tmpFiles({ 'a.ndjson': '{"v": 1}\n', 'b.ndjson': '{"v": "x"}\n' });
    const issue = await issueOf(readAll({ file: '*.ndjson' }, { baseDir: dir }));
    expect(issue.code).toBe('source.schema_conflict');
    expect(issue.message).toMatch(/'v'.*Utf8.*Float64.*a\.ndjson/);
  });

  it('a missing file or a glob that matches nothing is source.not_found naming the path', async () => {
    expect(await issueOf(readAll({ file: 'nope/missing.csv' }))).toMatchObject({
      code: 'source.not_found',
      location: { file: 'nope/missing.csv' },
    });
    expect((await issueOf(readAll({ file: 'nope/*.parquet' }))).code).toBe('source.not_found');
  });

  it('a 0-byte file is source.empty', async () => {
    const dir = tmpFiles({ 'e.csv': '' });
    expect((await issueOf(readAll({ file: 'e.csv' }, { baseDir: dir }))).code).toBe('source.empty');
  });

  it('a header-only CSV yields one empty batch that still carries the columns', async () => {
    const dir = tmpFiles({ 'h.csv': 'a,b\n' });
    const r = await readAll({ file: 'h.csv' }, { baseDir: dir });
    expect(r.rows).toBe(0);
    expect(r.schema!.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('table/query/dbt sources are source.unsupported for now', async () => {
    const p = openSource({ table: 't', connection: 'w' }, { contract: contract(), baseDir: DATASETS });
    expect((await issueOf(p)).code).toBe('source.unsupported');
  });

  it('an unknown extension asks for a format', async () => {
    const dir = tmpFiles({ 'a.txt': 'a\n1\n' });
    expect((await issueOf(readAll({ file: 'a.txt' }, { baseDir: dir }))).code).toBe('source.unknown_format');
    const r = await readAll({ file: 'a.txt', format: 'csv' }, { baseDir: dir });
    expect(r.rows).toBe(1);
  });

  it('reading never changes the source files (bytes and mtime)', async () => {
    const files = [
      'great_expectations/Titanic.csv',
      'vega-datasets/cars.json',
      'great_expectations/Titanic.parquet',
      'arquero/flights.arrow',
    ];
    const before = files.map((f) => ({ bytes: readFileSync(path.join(DATASETS, f)), mtime: statSync(path.join(DATASETS, f)).mtimeMs }));
    for (const f of files) await readAll({ file: f });
    files.forEach((f, i) => {
      expect(readFileSync(path.join(DATASETS, f)).equals(before[i].bytes)).toBe(true);
      expect(statSync(path.join(DATASETS, f)).mtimeMs).toBe(before[i].mtime);
    });
  });
});
