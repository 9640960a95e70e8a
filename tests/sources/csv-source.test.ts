import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { openSource } from '../../src/sources/open-source.js';
import { DATASETS, ORACLES, T, contract, issueOf, readAll, tmpFiles } from './helpers.js';

describe('CSV source', () => {
  it('reads a header, types contract columns and keeps other columns as strings', async () => {
    const dir = tmpFiles({ 'a.csv': 'id,name,score\n1,ann,2.5\n2,bob,\n' });
    const r = await readAll({ file: 'a.csv' }, { baseDir: dir, columns: { id: T.int64, score: T.f64 } });
    expect(r.rows).toBe(2);
    expect(r.schema!.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['id:Int64', 'name:Utf8', 'score:Float64']);
    expect(r.column('id')).toEqual([1n, 2n]);
    expect(r.column('score')).toEqual([2.5, null]);
    expect(r.lines).toEqual([2, 3]);
    expect(r.batches[0].file).toBe('a.csv');
  });

  it('treats empty unquoted fields as null, a quoted "" as the empty string, and nullValues as null', async () => {
    const dir = tmpFiles({ 'a.csv': 'a,b\n,""\nNA,x\n' });
    const r = await readAll({ file: 'a.csv', nullValues: ['NA'] }, { baseDir: dir });
    expect(r.column('a')).toEqual([null, null]);
    expect(r.column('b')).toEqual(['', 'x']);
  });

  it('handles quoted delimiters, newlines inside quotes, CRLF/LF mixed endings, a BOM and blank lines; lines point at where a row starts', async () => {
    const dir = tmpFiles({ 'a.csv': '\ufeffid,text\r\n1,"a,b"\r\n\n2,"multi\nline\ntext"\n3,plain\r\n' });
    const r = await readAll({ file: 'a.csv' }, { baseDir: dir, columns: { id: T.int32 } });
    expect(r.column('id')).toEqual([1, 2, 3]);
    expect(r.column('text')).toEqual(['a,b', 'multi\nline\ntext', 'plain']);
    expect(r.lines).toEqual([2, 4, 7]);
  });

  it('parses every contract type and reports values that do not parse with row, line and expected type', async () => {
    const dir = tmpFiles({
      'a.csv': [
        'b,i8,u8,big,f,d,day,at,dec',
        'True,127,255,9223372036854775807,NaN,2024-02-29,2024-02-29,2024-01-02T03:04:05.123456Z,12.34',
        'no,-128,0,-9223372036854775808,-Infinity,2024-01-01,2024-01-01,2024-01-02 03:04:05+01:00,0.1',
        'maybe,128,-1,9223372036854775808,abc,2023-02-29,01/02/2024,yesterday,123.456',
      ].join('\n'),
    });
    const r = await readAll(
      { file: 'a.csv' },
      {
        baseDir: dir,
        columns: { b: T.bool, i8: T.int8, u8: T.uint8, big: T.int64, f: T.f64, day: T.date, at: T.ts('us'), dec: T.dec(4, 2) },
      },
    );
    expect(r.column('b')).toEqual([true, false, null]);
    expect(r.column('i8')).toEqual([127, -128, null]);
    expect(r.column('u8')).toEqual([255, 0, null]);
    expect(r.column('big')).toEqual([9223372036854775807n, -9223372036854775808n, null]);
    expect(r.column('f')[0]).toBeNaN();
    expect(r.column('f').slice(1)).toEqual([-Infinity, null]);
    expect(r.schema!.fields.find((f) => f.name === 'day')!.type.toString()).toBe('Date32<DAY>');
    const at = r.batches[0].batch.getChild('at')!;
    expect(String(at.type)).toBe('Timestamp<MICROSECOND>');
    expect((at.data[0].values as BigInt64Array)[0]).toBe(BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1000n + 123456n);
    expect((at.data[0].values as BigInt64Array)[1]).toBe(BigInt(Date.UTC(2024, 0, 2, 2, 4, 5)) * 1000n);
    expect(r.column('dec')).toEqual([12.34, 0.1, null]);
    const byColumn = Object.fromEntries(r.failures.map((f) => [f.column, f]));
    expect(Object.keys(byColumn).sort()).toEqual(['at', 'b', 'big', 'day', 'dec', 'f', 'i8', 'u8']);
    expect(byColumn.big).toMatchObject({ count: 1, expected: 'int64', samples: [{ row: 2, line: 4, raw: '9223372036854775808' }] });
    expect(byColumn.day.samples[0].raw).toBe('01/02/2024');
    expect(byColumn.dec.expected).toBe('decimal(4,2)');
  });

  it('names columns by the contract order when there is no header', async () => {
    const dir = tmpFiles({ 'a.csv': '1,x,extra\n2,y,more\n' });
    const r = await readAll({ file: 'a.csv', csv: { header: false } }, { baseDir: dir, columns: { id: T.int64, name: T.str } });
    expect(r.schema!.fields.map((f) => f.name)).toEqual(['id', 'name', 'column_3']);
    expect(r.lines).toEqual([1, 2]);
  });

  it('reads gzip-compressed CSV as a stream', async () => {
    const dir = tmpFiles({ 'a.csv.gz': gzipSync('id\n1\n2\n3\n') });
    const r = await readAll({ file: 'a.csv.gz' }, { baseDir: dir, columns: { id: T.int64 } });
    expect(r.column('id')).toEqual([1n, 2n, 3n]);
  });

  it('rejects a corrupt .gz with a clear error', async () => {
    const dir = tmpFiles({ 'a.csv.gz': 'this is not gzip' });
    const issue = await issueOf(readAll({ file: 'a.csv.gz' }, { baseDir: dir }));
    expect(issue.code).toBe('source.invalid_gzip');
    expect(issue.message).toContain('a.csv.gz');
  });

  it('reports a ragged row with file, line and expected vs found field counts', async () => {
    const dir = tmpFiles({ 'a.csv': 'a,b\n1,2\n3,4,5\n' });
    const issue = await issueOf(readAll({ file: 'a.csv' }, { baseDir: dir }));
    expect(issue).toMatchObject({ code: 'csv.ragged_row', expected: '2 fields', found: '3 fields' });
    expect(issue.location).toMatchObject({ file: 'a.csv', line: 3 });
  });

  it('reports an unterminated quote at the line where the quote opened', async () => {
    const dir = tmpFiles({ 'a.csv': 'a,b\n0,x\n1,"never closed\n2,3\n' });
    const issue = await issueOf(readAll({ file: 'a.csv' }, { baseDir: dir }));
    expect(issue.code).toBe('csv.unterminated_quote');
    expect(issue.message).toContain('a.csv:3');
    expect(issue.location).toMatchObject({ line: 3 });
  });

  it('splits long files into batches with consecutive rowOffsets and lines', async () => {
    const dir = tmpFiles({ 'a.csv': `n\n${Array.from({ length: 25 }, (_, i) => i).join('\n')}` });
    const r = await readAll({ file: 'a.csv' }, { baseDir: dir, columns: { n: T.int32 }, batchSize: 10 });
    expect(r.batches.map((b) => [b.rowOffset, b.batch.numRows])).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(r.lines[24]).toBe(26);
  });

  it('keeps rows, lines and quoted-vs-empty exact across input chunks and batches (a 3 MB file)', async () => {
    // Rows of 4 lines each (a quoted field holds two newlines), so records straddle every 1 MiB chunk.
    const rows = 60_000;
    const body = Array.from(
      { length: rows },
      (_, i) => `${i},"a\nb\nc ${i}",${i % 5 === 0 ? '' : i % 5 === 1 ? '""' : `x${i}`},${i % 3 === 0 ? 'café' : 'ok'}`,
    );
    const dir = tmpFiles({ 'big.csv': `id,text,maybe,s\n${body.join('\r\n')}\n` });
    const r = await readAll({ file: 'big.csv' }, { baseDir: dir, columns: { id: T.int64 }, batchSize: 25_000 });
    expect(r.batches.map((b) => b.batch.numRows)).toEqual([25_000, 25_000, 10_000]);
    const ids = r.column('id');
    expect(ids.length).toBe(rows);
    expect(ids.every((v, i) => v === BigInt(i))).toBe(true);
    expect(r.lines.every((l, i) => l === 2 + 3 * i)).toBe(true);
    const maybe = r.column('maybe');
    expect(maybe.slice(0, 3)).toEqual([null, '', 'x2']);
    expect(maybe[59_995]).toBeNull();
    expect(r.column('text')[59_999]).toBe('a\nb\nc 59999');
    expect(r.column('s')[59_997]).toBe('café');
  });

  it('reports a ragged row far into the file with its own line', async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `${i},${i}`);
    body[90_000] = '1,2,3';
    const dir = tmpFiles({ 'a.csv': `a,b\n${body.join('\n')}\n` });
    const issue = await issueOf(readAll({ file: 'a.csv' }, { baseDir: dir }));
    expect(issue).toMatchObject({ code: 'csv.ragged_row', location: { file: 'a.csv', line: 90_002 } });
  });

  it('stops reading when the consumer stops early', async () => {
    const dir = tmpFiles({ 'a.csv': `n\n${Array.from({ length: 50_000 }, (_, i) => i).join('\n')}` });
    const opened = await openSource({ file: 'a.csv' }, { contract: contract({ n: T.int32 }), baseDir: dir, batchSize: 1000 });
    let seen = 0;
    for await (const b of opened.batches()) {
      seen += b.batch.numRows;
      if (seen >= 2000) break;
    }
    expect(seen).toBe(2000);
  });

  describe('real files', () => {
    it('Titanic.csv: NA markers become nulls in a typed column', async () => {
      const r = await readAll(
        { file: 'great_expectations/Titanic.csv', nullValues: ['NA'] },
        { columns: { Age: T.f64, Survived: T.int32 } },
      );
      expect(r.rows).toBe(1313);
      const ages = r.column('Age');
      expect(ages.filter((a) => a === null).length).toBe(557);
      expect(r.failures).toEqual([]);
    });

    it('Titanic.csv without nullValues: NA is a parse failure of Age', async () => {
      const r = await readAll({ file: 'great_expectations/Titanic.csv' }, { columns: { Age: T.f64 } });
      const f = r.failures.filter((x) => x.column === 'Age');
      expect(f.reduce((s, x) => s + x.count, 0)).toBe(557);
      expect(f[0].samples[0].raw).toBe('NA');
      expect(f[0].samples[0].line).toBe(f[0].samples[0].row + 2);
    });

    it('visits.csv is tab-separated despite its extension (delimiter option)', async () => {
      const r = await readAll(
        { file: 'great_expectations/visits/visits.csv', csv: { delimiter: '\t' } },
        { columns: { event_id: T.int64 } },
      );
      expect(r.schema!.fields.map((f) => f.name)).toEqual(['event_id', 'visit_id', 'date', 'event_type']);
      expect(r.column('event_id').slice(0, 3)).toEqual([0n, 1n, 2n]);
      expect(r.failures).toEqual([]);
    });

    it('taxi sample: CRLF line endings and empty fields become nulls', async () => {
      const r = await readAll(
        { file: 'great_expectations/taxi_yellow_tripdata_samples/yellow_tripdata_sample_2019-01.csv' },
        { columns: { vendor_id: T.int32, pickup_datetime: T.ts('s'), congestion_surcharge: T.f64 } },
      );
      expect(r.rows).toBe(10000);
      expect(r.failures).toEqual([]);
      expect(r.column('congestion_surcharge')[0]).toBeNull();
      expect(r.column('congestion_surcharge')[1]).toBe(0);
    });

    it('jaffle_shop seeds load with typed ids and dates', async () => {
      const seeds = `${ORACLES}/dbt/jaffle_shop/seeds`;
      const r = await readAll(
        { file: 'raw_orders.csv' },
        { baseDir: seeds, columns: { id: T.int64, user_id: T.int64, order_date: T.date } },
      );
      expect(r.rows).toBeGreaterThan(50);
      expect(r.failures).toEqual([]);
      expect(r.column('order_date').every((d) => d !== null)).toBe(true);
    });
  });

  it('keeps DATASETS reachable', () => {
    expect(DATASETS).toMatch(/shared[\\/]datasets$/);
  });
});
