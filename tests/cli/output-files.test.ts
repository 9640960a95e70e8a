import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { copyProject, fakeIo } from './cli-harness.js';

const NO_TYPECHECK = '--no-typecheck';

describe('CLI: where file reporters write', () => {
  it('puts every file reporter at its default path under reports/', async () => {
    const dir = copyProject('good');
    const io = fakeIo(dir, { outcome: 'fail' });
    expect(await main([NO_TYPECHECK, '-r', 'console', '-r', 'json', '-r', 'junit', '-r', 'markdown'], io)).toBe(EXIT.failed);
    for (const file of ['reports/datacheck.json', 'reports/datacheck-junit.xml', 'reports/datacheck.md']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
      expect(io.err()).toContain(`report written to ${path.normalize(file)}`);
    }
  });

  it('moves each with --output-file.<reporter>=<path> (vitest), --output-file.<reporter> <path> or --output-file <reporter>=<path>', async () => {
    const dir = copyProject('good');
    const args = [
      NO_TYPECHECK,
      '-r',
      'junit',
      '-r',
      'markdown',
      '-r',
      'json',
      '--output-file.junit=ci/x.xml',
      '--output-file.markdown',
      'ci/pr.md',
      '-o',
      'json=ci/r.json',
    ];
    expect(await main(args, fakeIo(dir))).toBe(EXIT.passed);
    expect(readFileSync(path.join(dir, 'ci/x.xml'), 'utf8')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="datacheck"/,
    );
    expect(readFileSync(path.join(dir, 'ci/pr.md'), 'utf8')).toMatch(/^### ✅ datacheck passed/);
    expect(existsSync(path.join(dir, 'ci/r.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('takes a plain --output-file for the one file reporter selected', async () => {
    const dir = copyProject('good');
    expect(await main([NO_TYPECHECK, '-r', 'console', '-r', 'junit', '-o', 'junit.xml'], fakeIo(dir))).toBe(EXIT.passed);
    expect(existsSync(path.join(dir, 'junit.xml'))).toBe(true);
  });

  it('2 for a per-reporter path whose reporter is not selected', async () => {
    const io = fakeIo(copyProject('good'));
    expect(await main([NO_TYPECHECK, '-r', 'junit', '--output-file.markdown=pr.md'], io)).toBe(EXIT.error);
    expect(io.err()).toContain("--output-file markdown=pr.md names reporter 'markdown', which is not selected (add --reporter markdown)");
  });

  it('re-renders a saved JSON result as JUnit with `datacheck report`, with the saved run’s exit code', async () => {
    const dir = copyProject('good');
    expect(await main([NO_TYPECHECK, '-r', 'json', '-r', 'junit'], fakeIo(dir, { outcome: 'fail' }))).toBe(EXIT.failed);
    const io = fakeIo(dir);
    expect(await main(['report', 'reports/datacheck.json', '-r', 'junit', '--output-file.junit=again.xml'], io)).toBe(EXIT.failed);
    expect(readFileSync(path.join(dir, 'again.xml'), 'utf8')).toBe(readFileSync(path.join(dir, 'reports/datacheck-junit.xml'), 'utf8'));
  });
});
