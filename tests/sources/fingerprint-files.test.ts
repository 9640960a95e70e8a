import { createHash } from 'node:crypto';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFiles } from '../../src/sources/resolve-files.js';
import { fingerprintFiles } from '../../src/sources/fingerprint-files.js';

describe('the fingerprint of file datasets', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-fingerprint-'));
  const file = path.join(dir, 'orders.csv');
  const version = async () => fingerprintFiles(await resolveFiles(['*.csv'], dir));

  it('describes each file (size, mtime, content hash) and changes with the bytes, not with a touch', async () => {
    writeFileSync(file, 'id\n1\n2\n');
    const first = await version();
    expect(first.files).toEqual([
      {
        path: 'orders.csv',
        size: 7,
        mtime: expect.stringMatching(/^\d{4}-/),
        sha256: createHash('sha256').update('id\n1\n2\n').digest('hex'),
      },
    ]);
    utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    const touched = await version();
    expect(touched.version).toBe(first.version);
    expect(touched.files[0].mtime).toBe('2020-01-01T00:00:00.000Z');
    writeFileSync(file, 'id\n1\n3\n');
    expect((await version()).version).not.toBe(first.version);
  });

  it('changes when a file is added to the dataset', async () => {
    writeFileSync(file, 'id\n1\n');
    const one = await version();
    writeFileSync(path.join(dir, 'more.csv'), 'id\n1\n');
    const two = await version();
    expect(two.files.map((f) => f.path)).toEqual(['more.csv', 'orders.csv']);
    expect(two.version).not.toBe(one.version);
  });

  it('hashes a file of several read chunks (and a partial last one) as one stream of bytes', async () => {
    const sub = mkdtempSync(path.join(os.tmpdir(), 'datacheck-fingerprint-big-'));
    // 2.5 MiB of varied bytes: two full 1 MiB reads and a half one.
    const bytes = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 12)) & 0xff;
    writeFileSync(path.join(sub, 'big.bin'), bytes);
    const result = await fingerprintFiles(await resolveFiles(['big.bin'], sub));
    expect(result.files[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.files[0].size).toBe(bytes.length);
  });
});
