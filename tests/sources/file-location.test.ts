import { describe, expect, it } from 'vitest';
import { fileLocation } from '../../src/sources/file-location.js';

describe('fileLocation (OpenLineage naming for file sources)', () => {
  it('one path: namespace file, the absolute path', () => {
    expect(fileLocation(['fixtures/orders.csv'], '/work/p')).toEqual({ namespace: 'file', name: '/work/p/fixtures/orders.csv' });
    expect(fileLocation(['/data/x.parquet'], '/work/p')).toEqual({ namespace: 'file', name: '/data/x.parquet' });
  });

  it('globs and lists: the directory before any wildcard, common to all, whatever matches today', () => {
    expect(fileLocation(['data/2024/*.parquet'], '/w')).toEqual({ namespace: 'file', name: '/w/data/2024' });
    expect(fileLocation(['data/**/part-*.csv'], '/w')).toEqual({ namespace: 'file', name: '/w/data' });
    expect(fileLocation(['data/a/x.csv', 'data/b/*.csv'], '/w')).toEqual({ namespace: 'file', name: '/w/data' });
    expect(fileLocation(['/a/x.csv', '/b/y.csv'], '/w')).toEqual({ namespace: 'file', name: '/' });
  });
});
