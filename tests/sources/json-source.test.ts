import { describe, expect, it } from 'vitest';
import { T, issueOf, readAll, tmpFiles } from './helpers.js';

describe('JSON and NDJSON sources', () => {
  it('reads a top-level array of objects, typed by the contract, with the line each object starts on', async () => {
    const dir = tmpFiles({ 'a.json': '[\n  {"id": 1, "name": "a", "ok": true},\n  {"id": 2,\n   "name": "b", "extra": 1.5}\n]\n' });
    const r = await readAll({ file: 'a.json' }, { baseDir: dir, columns: { id: T.int64, name: T.str } });
    expect(r.column('id')).toEqual([1n, 2n]);
    expect(r.column('ok')).toEqual([true, null]);
    expect(r.column('extra')).toEqual([null, 1.5]);
    expect(String(r.schema!.fields.find((f) => f.name === 'extra')!.type)).toBe('Float64');
    expect(r.lines).toEqual([2, 3]);
  });

  it('a value of the wrong JSON type is a parse failure, not a crash', async () => {
    const dir = tmpFiles({ 'a.ndjson': '{"id": 1, "at": "2024-01-01T00:00:00Z"}\n\n{"id": "2", "at": 5}\n' });
    const r = await readAll({ file: 'a.ndjson' }, { baseDir: dir, columns: { id: T.int64, at: T.ts('ms') } });
    expect(r.column('id')).toEqual([1n, null]);
    expect(r.lines).toEqual([1, 3]);
    const f = Object.fromEntries(r.failures.map((x) => [x.column, x]));
    expect(f.id).toMatchObject({ count: 1, expected: 'int64', samples: [{ row: 1, line: 3, raw: '2' }] });
    expect(f.at.count).toBe(1);
  });

  it('an integer beyond 2^53 fails the type check instead of being silently rounded', async () => {
    const dir = tmpFiles({ 'a.ndjson': '{"id": 9007199254740991}\n{"id": 9007199254740993}\n' });
    const r = await readAll({ file: 'a.ndjson' }, { baseDir: dir, columns: { id: T.int64 } });
    expect(r.column('id')).toEqual([9007199254740991n, null]);
    expect(r.failures[0]).toMatchObject({ column: 'id', count: 1, samples: [{ row: 1, line: 2 }] });
  });

  it('keys with mixed kinds are kept as JSON text; nested values parse for list/struct columns', async () => {
    const dir = tmpFiles({ 'a.jsonl': '{"m": 1, "tags": ["x"]}\n{"m": "two", "tags": []}\n' });
    const r = await readAll({ file: 'a.jsonl' }, { baseDir: dir, columns: { tags: { type: 'list', of: { type: 'string' } } } });
    expect(r.column('m')).toEqual(['1', 'two']);
    expect(r.column('tags').map((v) => (v ? [...v] : v))).toEqual([['x'], []]);
  });

  it('a bad NDJSON line is json.parse with file and line', async () => {
    const dir = tmpFiles({ 'a.ndjson': '{"a": 1}\n{"a": 2,}\n' });
    const issue = await issueOf(readAll({ file: 'a.ndjson' }, { baseDir: dir }));
    expect(issue.code).toBe('json.parse');
    expect(issue.location).toMatchObject({ file: 'a.ndjson', line: 2 });
  });

  it('great_expectations/invalid_json_file.json is json.parse with a line and column', async () => {
    const issue = await issueOf(readAll({ file: 'great_expectations/invalid_json_file.json' }));
    expect(issue.code).toBe('json.parse');
    expect(issue.message).toContain('invalid_json_file.json');
    expect(issue.location!.line).toBeGreaterThanOrEqual(1);
    expect(issue.location!.column).toBeGreaterThanOrEqual(1);
  });

  it('a top-level object is rejected: only arrays are supported', async () => {
    const issue = await issueOf(readAll({ file: 'great_expectations/nested_test_json_data_file.json' }));
    expect(issue.code).toBe('json.not_array');
    expect(issue.message).toMatch(/only a top-level array/);
  });

  it('reads real JSON arrays (vega cars.json)', async () => {
    const r = await readAll({ file: 'vega-datasets/cars.json' }, { columns: { Horsepower: T.f64 } });
    expect(r.rows).toBe(406);
    expect(r.failures).toEqual([]);
  });

  it('a truncated array is an error, not a silent partial read', async () => {
    const dir = tmpFiles({ 'a.json': '[{"a": 1}, {"a": 2}' });
    expect((await issueOf(readAll({ file: 'a.json' }, { baseDir: dir }))).code).toBe('json.parse');
  });

  it('never echoes the text of a malformed row into the error (it may hold personal data)', async () => {
    for (const [name, text] of [
      ['a.ndjson', '{"id":1,"email":"ann@secret.com"}\n{"id":2,"email":"bob@secret.com",}\n'],
      ['b.json', '[{"id":1}, "bob@secret.com"]'],
      ['c.json', '{"email":"bob@secret.com"}'],
    ]) {
      const dir = tmpFiles({ [name]: text });
      const issue = await issueOf(readAll({ file: name }, { baseDir: dir }));
      expect(JSON.stringify(issue), name).not.toContain('secret');
      expect(issue.location?.line, name).toBeGreaterThan(0);
    }
  });
});
