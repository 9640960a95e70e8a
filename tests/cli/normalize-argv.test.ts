import { describe, expect, it } from 'vitest';
import { normalizeArgv } from '../../src/cli/normalize-argv.js';

describe('normalizeArgv: vitest-style --output-file.<reporter>', () => {
  it('rewrites --output-file.<reporter>=<path> and --output-file.<reporter> <path> into --output-file <reporter>=<path>', () => {
    expect(normalizeArgv(['--reporter', 'junit', '--output-file.junit=ci/x.xml'])).toEqual([
      '--reporter',
      'junit',
      '--output-file',
      'junit=ci/x.xml',
    ]);
    expect(normalizeArgv(['--output-file.markdown', 'pr.md', 'contracts'])).toEqual(['--output-file', 'markdown=pr.md', 'contracts']);
    expect(normalizeArgv(['--output-file.junit', '-'])).toEqual(['--output-file', 'junit=-']);
  });

  it('keeps a path that itself contains = and dots', () => {
    expect(normalizeArgv(['--output-file.junit=out/a=b.v1.xml'])).toEqual(['--output-file', 'junit=out/a=b.v1.xml']);
  });

  it('leaves everything else alone: the other forms, other flags, and whatever follows --', () => {
    const untouched = [
      'report',
      'saved.json',
      '-o',
      'x.xml',
      '--output-file',
      'json=r.json',
      '--filter',
      'orders',
      '--',
      '--output-file.junit=x.xml',
    ];
    expect(normalizeArgv(untouched)).toEqual(untouched);
  });

  it('leaves a dotted flag without a path for the parser to reject, rather than guessing', () => {
    expect(normalizeArgv(['--output-file.junit='])).toEqual(['--output-file.junit=']);
    expect(normalizeArgv(['--output-file.junit', '--verbose'])).toEqual(['--output-file.junit', '--verbose']);
    expect(normalizeArgv(['--output-file.junit'])).toEqual(['--output-file.junit']);
  });
});
