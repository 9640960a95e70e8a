import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import { junitSchemaErrors, xpath } from '../support/xmllint.js';
import { datacheck, project, root } from './harness.js';

// The JUnit and Markdown reports as a user gets them: the built CLI over the broken example, which
// fails every kind of check, in a copy outside the repository (reports/ is written beside it).

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/src/reporters/junit.js')))
    throw new Error('dist/ is missing or stale: run `npm run build` first (npm test does)');
});

function brokenExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-e2e-broken-'));
  cpSync(path.join(root, 'examples/broken'), dir, { recursive: true });
  return dir;
}

/** Emails in the broken example's pii column: no report may contain one. */
function piiValues(dir: string): string[] {
  const rows = readFileSync(path.join(dir, 'fixtures/orders.csv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split(',').at(-1)!).filter((v) => v.length > 3);
}

describe('junit and markdown reporters through the CLI (e2e)', () => {
  let dir: string;
  let result: { code: number | null; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = brokenExample();
    result = await datacheck(dir, ['--reporter', 'junit', '--reporter', 'markdown', '--reporter', 'json', '--output-file.junit=ci/x.xml']);
  });

  it('writes both, the moved one where asked and the other at its default path, and keeps exit code 1', async () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `report written to ${path.join('ci', 'x.xml')}\nreport written to ${path.join('reports', 'datacheck.md')}\nreport written to ${path.join('reports', 'datacheck.json')}\n`,
    );
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(dir, 'reports/datacheck-junit.xml'))).toBe(false);
  });

  it('writes JUnit valid against the xunit schema: a failure per failed check, a skip per skipped one, warnings passing', async () => {
    const file = path.join(dir, 'ci/x.xml');
    expect(junitSchemaErrors({ file })).toBe('');
    const xml = readFileSync(file, 'utf8');
    const run = JSON.parse(readFileSync(path.join(dir, 'reports/datacheck.json'), 'utf8')) as RunResult;
    expect(xpath(xml, 'count(//testcase[failure])')).toBe(String(run.counts.fail));
    expect(xpath(xml, 'count(//testcase[error])')).toBe(String(run.counts.error));
    expect(xpath(xml, 'count(//testcase[skipped])')).toBe(String(run.counts.skipped));
    expect(run.counts.skipped).toBeGreaterThan(0);
    expect(xpath(xml, 'count(//testcase[system-out and not(failure)])')).toBe(String(run.counts.warn));
    expect(xpath(xml, 'string(//testsuite[@name="orders"]/properties/property[@name="datacheck.version"]/@value)')).toBe('2.0.0');
    const failure = xpath(xml, 'string(//testsuite[@name="orders"]/testcase[@name="user_id references customers.id"]/failure)');
    expect(failure).toContain('row 12 (line 13): id=12, user_id=999');
    expect(failure).toMatch(/\nat contracts\/orders\.contract\.ts:\d+$/);
  });

  it('writes a Markdown summary that says the run failed and lists the failures', async () => {
    const md = readFileSync(path.join(dir, 'reports/datacheck.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('### ❌ datacheck failed');
    expect(md).toMatch(/\| ❌ \| orders \| user\\_id references customers\.id \| .* \| contracts\/orders\.contract\.ts:\d+ \|/);
  });

  it('masks the pii column in both', async () => {
    const secrets = piiValues(dir);
    expect(secrets.length).toBeGreaterThan(3);
    for (const file of ['ci/x.xml', 'reports/datacheck.md']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const secret of secrets) expect(text, `${file} shows ${secret}`).not.toContain(secret);
    }
    expect(readFileSync(path.join(dir, 'ci/x.xml'), 'utf8')).toContain('contact_email="***"');
  });

  it('re-renders the same JUnit from the saved JSON with `datacheck report`, exit code included', async () => {
    const again = await datacheck(dir, ['report', 'reports/datacheck.json', '--reporter', 'junit', '--output-file', '-']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(readFileSync(path.join(dir, 'ci/x.xml'), 'utf8'));
  });

  it('appends the summary to GITHUB_STEP_SUMMARY under GitHub Actions', async () => {
    const summary = path.join(dir, 'step-summary.md');
    const r = await datacheck(dir, ['report', 'reports/datacheck.json', '--reporter', 'markdown', '--output-file.markdown=pr.md'], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(readFileSync(path.join(dir, 'pr.md'), 'utf8'));
  });

  it('keeps the exit codes: 0 passing, 2 for a project that could not be checked, with a JUnit error to show for it', async () => {
    const good = project('good');
    expect((await datacheck(good, ['contracts', '--reporter', 'junit'])).code).toBe(0);
    expect(junitSchemaErrors({ file: path.join(good, 'reports/datacheck-junit.xml') })).toBe('');
    const typeErrors = project('typeerr');
    expect((await datacheck(typeErrors, ['--reporter', 'junit', '--reporter', 'markdown'])).code).toBe(2);
    const xml = readFileSync(path.join(typeErrors, 'reports/datacheck-junit.xml'), 'utf8');
    expect(junitSchemaErrors(xml)).toBe('');
    expect(Number(xpath(xml, 'string(/testsuites/@errors)'))).toBeGreaterThan(0);
    expect(xpath(xml, 'string(//testsuite[@name="datacheck run"]/testcase[1]/error/@type)')).toBe('typecheck');
    expect(readFileSync(path.join(typeErrors, 'reports/datacheck.md'), 'utf8')).toMatch(
      /^### 💥 datacheck could not check everything\n[\s\S]*#### Could not run\n\n- 💥 .*TS2345/,
    );
  });
});
