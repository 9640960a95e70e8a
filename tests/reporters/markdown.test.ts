import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_OUTPUT, markdownReporter, renderMarkdown } from '../../src/reporters/markdown.js';
import { markdownText } from '../../src/reporters/markdown-text.js';
import type { ReporterContext } from '../../src/reporters/reporter.js';
import type { RunResult } from '../../src/model/result.js';
import {
  EMOJI_AND_RTL,
  erroringRun,
  failingRun,
  hostileRun,
  HOSTILE,
  passingRun,
  PII_EMAIL,
  UNMASKED_PII,
} from '../support/sample-runs.js';
import { check, sampleRun } from './sample-run.js';

const runs: Record<string, RunResult> = {};
beforeAll(async () => {
  runs.passing = await passingRun();
  runs.failing = await failingRun();
  runs.erroring = await erroringRun();
});

/** The cells of a table row, split on the pipes that are not backslash-escaped, as GFM does. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') cell += row[i] + (row[++i] ?? '');
    else if (row[i] === '|') out.push(cell.trim()), (cell = '');
    else cell += row[i];
  }
  out.push(cell.trim());
  return out.slice(1, -1);
}

const attentionRows = (md: string) =>
  md
    .slice(md.indexOf('#### Needs attention'))
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| |'));

describe('markdown reporter', () => {
  it('says a passing run passed, with the counts, and lists nothing to look at', () => {
    const md = renderMarkdown(runs.passing);
    expect(md).toMatch(/^### ✅ datacheck passed\n\n12 checks on 1 dataset in \d+\.\d\d s\n/);
    expect(md).toContain(
      '| ✅ passed | ❌ failed | ⚠️ warned | 💥 errors | ⏭️ skipped | run issues |\n|---:|---:|---:|---:|---:|---:|\n| 12 | 0 | 0 | 0 | 0 | 0 |\n',
    );
    expect(md).not.toContain('Needs attention');
    expect(md).not.toContain('Could not run');
  });

  it('lists failures before warnings (and skips last), with dataset, check, observed, expected and where it was written', () => {
    const md = renderMarkdown(runs.failing);
    expect(md.split('\n')[0]).toBe('### ❌ datacheck failed');
    const rows = attentionRows(md).map(cells);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['❌', 'orders', "status in ('placed', 'shipped')", '1 of 4 rows failed (25.0%)', "values in ('placed', 'shipped')"],
      [
        '❌',
        'orders',
        'every email is at example.com',
        '1 of 4 rows failed (25.0%)',
        'values matches /^\\[^@\\]+@\u200bexample\\\\.com\\$/',
      ],
      ['⚠️', 'orders', 'amount mean between 10 and 100', '249', 'between 10 and 100'],
    ]);
    for (const r of rows) expect(r[5]).toMatch(/sample-runs\.ts:\d+$/);
  });

  it('says what could not run: run issues, and unreadable datasets once with the number of checks they stopped', () => {
    const md = renderMarkdown(runs.erroring);
    expect(md.split('\n')[0]).toBe('### 💥 datacheck could not check everything');
    expect(md).toContain(
      '#### Could not run\n\n' +
        '- 💥 helpers.contract.ts exports no contract (load.no\\_export, contracts/helpers.contract.ts:1:1)\n' +
        '- 💥 **refunds**: refunds.csv: file not found (source.not\\_found, refunds.csv); 7 checks could not run\n',
    );
    expect(md).not.toContain('Needs attention');
    expect(renderMarkdown(sampleRun())).toContain(
      '| 💥 | customers | name quantile(0.5) at most 3 | quantiles need a numeric column; name is a string |  | checks/customers.check.ts:6 |',
    );
  });

  it('lists skipped checks last: a check that checked nothing needs a look too', () => {
    const run = sampleRun();
    run.datasets[0].checks.push(
      check({
        id: 'payments.late',
        dataset: 'payments',
        title: 'paid within a day',
        outcome: 'skipped',
        message: 'column paid_at is not in the data',
      }),
    );
    expect(attentionRows(renderMarkdown(run)).at(-1)).toBe(
      '| ⏭️ | payments | paid within a day | column paid\\_at is not in the data |  | checks/orders.check.ts:5 |',
    );
  });

  it('never shows a value of a pii column', () => {
    for (const run of [runs.failing, hostileRun()]) {
      const md = renderMarkdown(run);
      for (const secret of [PII_EMAIL, 'not-an-email', UNMASKED_PII]) expect(md).not.toContain(secret);
    }
  });

  it('keeps a comment short: at most maxRows checks, then how many more', () => {
    const run = { ...sampleRun(), issues: [] };
    run.datasets = [run.datasets[0]];
    run.datasets[0].checks = Array.from({ length: 25 }, (_, i) =>
      check({ id: `p${i}`, dataset: 'payments', title: `check ${i}`, outcome: 'fail' }),
    );
    const md = renderMarkdown(run);
    expect(attentionRows(md)).toHaveLength(20);
    expect(md).toContain('\n… and 5 more (see the full report)\n');
    expect(attentionRows(renderMarkdown(run, { maxRows: 3 }))).toHaveLength(3);
  });
});

describe('markdown reporter: hostile text', () => {
  const md = renderMarkdown(hostileRun());

  it('lets no HTML through: every <, > and & from the data is an entity, so no tag can open', () => {
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(md).toContain('"&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('Tom &amp; Jerry');
  });

  it('keeps every table row on one line with its 6 cells, whatever pipes and line breaks the data has', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    // the counts' header and values; the attention table's header, the failure, the warning and the skip
    expect(rows).toHaveLength(2 + 4);
    for (const row of rows.slice(2)) expect(cells(row)).toHaveLength(6);
    expect(md.split('\n')).toHaveLength(renderMarkdown(plain(hostileRun())).split('\n').length);
  });

  it('makes control characters visible and drops lone surrogates; emoji and right-to-left text survive', () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/);
    expect(md).not.toMatch(/[\ud800-\udfff]/u);
    expect(markdownText('a\u0000b\nc\u001b[31m')).toBe('a\\\\u0000b\\\\nc\\\\u001b\\[31m');
    for (const text of EMOJI_AND_RTL) expect(md).toContain(text);
  });

  it('escapes emphasis, links, images, code, strikethrough and math, and mentions nobody', () => {
    expect(markdownText('| *bold* _em_ [link](https://example.com) ![img](x) `code` ~~del~~ $x$ @org/team \\')).toBe(
      '\\| \\*bold\\* \\_em\\_ \\[link\\](https://example.com) \\!\\[img\\](x) \\`code\\` \\~\\~del\\~\\~ \\$x\\$ @\u200borg/team \\\\',
    );
    expect(md).not.toMatch(/@org/);
  });

  it('cuts long text before escaping, so no entity is cut in half', () => {
    expect(markdownText(`${'a'.repeat(8)}&`, 10)).toBe('aaaaaaaa&amp;');
    expect(markdownText(`${'a'.repeat(9)}&&`, 10)).toBe('aaaaaaaaa…');
  });
});

/** The same run with every hostile string made plain. */
function plain(run: RunResult): RunResult {
  return JSON.parse(JSON.stringify(run).replaceAll(JSON.stringify(HOSTILE).slice(1, -1), 'plain'));
}

describe('markdown reporter: output', () => {
  const context = (cwd: string, options: Record<string, unknown> = {}, env: Record<string, string> = {}) => {
    const out = { text: '' };
    const ctx: ReporterContext = { cwd, stdout: { write: (s: string) => (out.text += s) }, color: false, verbose: false, options, env };
    return { out, ctx };
  };

  it(`writes ${DEFAULT_MARKDOWN_OUTPUT} by default, and '-' to stdout`, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-md-'));
    const file = path.join(cwd, 'reports/datacheck.md');
    expect(await markdownReporter.render(sampleRun(), context(cwd).ctx)).toEqual({ files: [file] });
    expect(readFileSync(file, 'utf8')).toBe(renderMarkdown(sampleRun()));
    const { out, ctx } = context(cwd, { outputFile: '-', maxRows: 1 });
    await markdownReporter.render(sampleRun(), ctx);
    expect(out.text).toBe(renderMarkdown(sampleRun(), { maxRows: 1 }));
  });

  it('appends to the GitHub job summary when GITHUB_STEP_SUMMARY is set, keeping what other steps wrote', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-md-'));
    const summary = path.join(cwd, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const outcome = await markdownReporter.render(sampleRun(), context(cwd, { outputFile: 'pr.md' }, { GITHUB_STEP_SUMMARY: summary }).ctx);
    expect(outcome).toEqual({ files: [path.join(cwd, 'pr.md'), summary] });
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${renderMarkdown(sampleRun())}`);
  });

  it('touches no job summary outside GitHub Actions', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'datacheck-md-'));
    await markdownReporter.render(sampleRun(), context(cwd, {}, { GITHUB_STEP_SUMMARY: '' }).ctx);
    expect(existsSync(path.join(cwd, 'reports/datacheck.md'))).toBe(true);
    expect(await markdownReporter.render(sampleRun(), { ...context(cwd).ctx, env: undefined })).toEqual({
      files: [path.join(cwd, 'reports/datacheck.md')],
    });
  });
});
