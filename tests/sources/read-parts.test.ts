import { describe, expect, it } from 'vitest';
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { ContractDef } from '../../src/model/contract.js';
import { openSource } from '../../src/sources/open-source.js';
import { readParts } from '../../src/sources/read-parts.js';
import type { SourceBatch } from '../../src/sources/source.js';
import { batchOf, split } from '../engines/arrow/helpers.js';
import { tempDir } from '../engines/arrow/ipc-files.js';

const contract = { kind: 'contract', name: 't', columns: {}, location: { file: 'x', line: 1, column: 1 } } as ContractDef;
const table = batchOf({
  n: vectorFromArray(
    Array.from({ length: 100 }, (_, i) => i),
    new Int32(),
  ),
  s: vectorFromArray(
    Array.from({ length: 100 }, (_, i) => `s${i}`),
    new Utf8(),
  ),
});
const plain = (sb: SourceBatch) => ({ rows: sb.batch.numRows, rowOffset: sb.rowOffset, file: sb.file, first: sb.batch.get(0)?.toJSON() });

async function collect(it: AsyncIterable<SourceBatch>) {
  const out = [];
  for await (const sb of it) out.push(sb);
  return out;
}

describe('Arrow IPC file parts', () => {
  it('lists every record batch with its rows and dataset row offset, across files', async () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'a.arrow'), tableToIPC(new Table(split(table, [30, 30, 40])), 'file'));
      writeFileSync(path.join(dir, 'b.arrow'), tableToIPC(new Table(split(table, [60, 40])), 'file'));
      const source = await openSource({ file: '*.arrow' }, { contract, baseDir: dir });
      const sp = (await source.parts!())!;
      expect(sp.spec.files.map((f) => f.display)).toEqual(['a.arrow', 'b.arrow']);
      expect(sp.parts.map(({ file, index, rowOffset, rows }) => [file, index, rowOffset, rows])).toEqual([
        [0, 0, 0, 30],
        [0, 1, 30, 30],
        [0, 2, 60, 40],
        [1, 0, 100, 60],
        [1, 1, 160, 40],
      ]);
      // Any subset of parts reads exactly as the sequential batches do.
      const all = (await collect(source.batches())).map(plain);
      expect((await collect(readParts(sp.spec, sp.parts))).map(plain)).toEqual(all);
      expect((await collect(readParts(sp.spec, sp.parts.slice(2, 4)))).map(plain)).toEqual(all.slice(2, 4));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers no parts for streams, gzip or text formats (they are read sequentially)', async () => {
    const dir = tempDir();
    try {
      const file = tableToIPC(new Table(split(table, [50, 50])), 'file');
      writeFileSync(path.join(dir, 'stream.arrow'), tableToIPC(new Table(split(table, [50, 50])), 'stream'));
      writeFileSync(path.join(dir, 'file.arrow.gz'), gzipSync(file));
      writeFileSync(path.join(dir, 'data.csv'), 'n\n1\n2\n');
      const stream = await openSource({ file: 'stream.arrow' }, { contract, baseDir: dir });
      expect(await stream.parts!()).toBeUndefined();
      expect((await openSource({ file: 'file.arrow.gz' }, { contract, baseDir: dir })).parts).toBeUndefined();
      expect((await openSource({ file: 'data.csv' }, { contract, baseDir: dir })).parts).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
