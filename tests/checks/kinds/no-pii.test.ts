import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../../src/index.js';
import type { CheckResult, RunResult } from '../../../src/index.js';
import { run } from '../../../src/node.js';
import { renderConsole } from '../../../src/reporters/console.js';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import { renderJson } from '../../../src/reporters/json.js';
import { renderMarkdown } from '../../../src/reporters/markdown.js';
import { runEvents } from '../../../src/reporters/openlineage/run-events.js';
import { PII_CANDIDATE_LIMIT } from '../../../src/engines/sql/compile-pii.js';

const repoRoot = path.resolve(__dirname, '../../..');

/** Raw personal data in the rows: none of it may reach a result or a report. */
const RAW = [
  'jane.doe@example.com',
  '4242 4242 4242 4242',
  '4242',
  'nl91 abna 0417 1643 00',
  'NL91ABNA0417164300',
  '415 555 2671',
  '123456782',
];

const rows = [
  { id: 1, notes: 'write to jane.doe@example.com', comment: 'ok', email: 'ada@example.com' },
  { id: 2, notes: 'paid with 4242 4242 4242 4242', comment: 'call +1 415 555 2671', email: 'bo@example.com' },
  { id: 3, notes: 'refund to nl91 abna 0417 1643 00', comment: null, email: 'cy@example.com' },
  { id: 4, notes: 'bsn 123456782', comment: 'fine', email: 'di@example.com' },
  { id: 5, notes: 'nothing here', comment: 'card 4242 4242 4242 4241, one digit off', email: 'ed@example.com' },
];

const tickets = defineContract({
  name: 'tickets',
  detectPii: true,
  columns: {
    id: col.int32(),
    notes: col.string(),
    comment: col.string().nullable(),
    // Marked pii: masked everywhere already, so detectPii leaves it alone.
    email: col.string().pii(),
  },
});

const checkOf = (result: RunResult, column: string): CheckResult | undefined =>
  result.datasets[0].checks.find((c) => c.kind === 'no_pii' && c.column === column);

describe('detectPii on a contract', () => {
  it('adds a no_pii check of every kind to each string column not marked pii', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...tickets, source: { data: rows } }] });
    expect(checkOf(result, 'email')).toBeUndefined();
    expect(checkOf(result, 'id')).toBeUndefined();
    expect(checkOf(result, 'notes')).toMatchObject({
      outcome: 'fail',
      rows: { considered: 5, failed: 4 },
      measure: { type: 'pii', considered: 5, failed: 4, mostly: 1, found: { email: 1, phone: 0, card: 1, iban: 1, national_id: 1 } },
    });
    expect(checkOf(result, 'notes')?.message).toBe('4 of 5 rows failed (80.0%); found email in 1, card in 1, iban in 1, national_id in 1');
    expect(checkOf(result, 'comment')).toMatchObject({ outcome: 'fail', rows: { considered: 4, failed: 1 } });
  });

  it('samples show what was found, masked, and only the checked column', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...tickets, source: { data: rows } }] });
    expect(checkOf(result, 'notes')?.failingRows).toEqual([
      { row: 1, values: { notes: 'email j***@e***.com' } },
      { row: 2, values: { notes: 'card **** **** **** 4242' } },
      { row: 3, values: { notes: 'iban NL** **** **** **** 00' } },
      { row: 4, values: { notes: 'national_id BSN *******82' } },
    ]);
    expect(checkOf(result, 'comment')?.failingRows).toEqual([{ row: 2, values: { comment: 'phone +* *** *** **71' } }]);
  });

  it('no raw value reaches the JSON, HTML, console, Markdown or OpenLineage output', async () => {
    const result = await run({ cwd: repoRoot, contracts: [{ ...tickets, source: { data: rows } }] });
    const outputs = {
      json: renderJson(result),
      html: renderHtml(result),
      console: renderConsole(result, { color: false, verbose: true }),
      markdown: renderMarkdown(result),
      openlineage: JSON.stringify(runEvents(result, { namespace: 'n' })),
    };
    // The masked findings are there (so the search would see raw text if it were there too).
    expect(outputs.json).toContain('**** **** **** 4242');
    expect(outputs.html).toContain('**** **** **** 4242');
    for (const [name, text] of Object.entries(outputs)) {
      for (const raw of RAW.filter((r) => r !== '4242'))
        expect({ name, leaked: text.includes(raw) ? raw : null }).toEqual({ name, leaked: null });
    }
  });
});

describe('noPii in a suite', () => {
  it('passes over no rows: nothing contradicts it', async () => {
    const suite = defineSuite(tickets, (t) => [t.column('notes').noPii().where('id > 100')]);
    const result = await run({ cwd: repoRoot, suites: [suite], data: { tickets: rows } });
    const check = result.datasets[0].checks.find((c) => c.kind === 'no_pii' && c.origin === 'suite');
    expect(check).toMatchObject({ outcome: 'pass', rows: { considered: 0, failed: 0 } });
  });

  it('on a column marked pii, even the masked findings are hidden', async () => {
    const suite = defineSuite(tickets, (t) => [t.column('email').noPii({ kinds: ['email'] })]);
    const result = await run({ cwd: repoRoot, suites: [suite], data: { tickets: rows } });
    const check = result.datasets[0].checks.find((c) => c.kind === 'no_pii' && c.origin === 'suite');
    expect(check).toMatchObject({ outcome: 'fail', rows: { failed: 5 } });
    expect(check?.failingRows?.map((r) => r.values)).toEqual(Array(5).fill({ email: '***' }));
  });

  it('looks for the kinds it names only, and mostly tolerates a share of rows', async () => {
    const suite = defineSuite(tickets, (t) => [t.column('notes').noPii({ kinds: ['card', 'iban'], mostly: 0.5 })]);
    const result = await run({ cwd: repoRoot, suites: [suite], data: { tickets: rows } });
    const check = result.datasets[0].checks.find((c) => c.kind === 'no_pii' && c.origin === 'suite');
    expect(check).toMatchObject({ outcome: 'pass', measure: { type: 'pii', failed: 2, mostly: 0.5, found: { card: 1, iban: 1 } } });
    expect(check?.measure).not.toHaveProperty('found.email');
  });

  it('refuses a kind or a phone region it does not know, at the call site', () => {
    const kind = defineSuite(tickets, (t) => [t.column('notes').noPii({ kinds: ['passport' as never] })]);
    expect(kind.invalid?.[0]).toMatchObject({
      code: 'check.invalid_option',
      location: { file: expect.stringContaining('no-pii.test.ts') },
    });
    expect(kind.invalid?.[0].expected).toBe("a non-empty array of 'email', 'phone', 'card', 'iban', 'national_id'");
    const region = defineSuite(tickets, (t) => [t.column('notes').noPii({ phoneCountry: 'XX' })]);
    expect(region.invalid?.[0]).toMatchObject({ code: 'check.invalid_option', found: '"XX"' });
  });
});

describe('on DuckDB: candidates selected in SQL, verified in the process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dc-nopii-'));
  const csv = (name: string, lines: string[]) => {
    writeFileSync(path.join(dir, name), ['id,notes', ...lines].join('\n'));
    return path.join(dir, name);
  };
  const contract = (file: string, fallback?: 'arrow') =>
    defineContract({
      name: 'notes',
      source: { file, engine: 'duckdb', ...(fallback && { fallback }) },
      columns: { id: col.int32(), notes: col.string().noPii({ kinds: ['email', 'card'] }) },
    });

  it('gives the Arrow engine answer', async () => {
    const file = csv('small.csv', ['1,jane.doe@example.com', '2,card 4242 4242 4242 4242', '3,plain words', '4,order 12']);
    const result = await run({ cwd: dir, contracts: [contract(file)] });
    expect(checkOf(result, 'notes')).toMatchObject({
      outcome: 'fail',
      measure: { considered: 4, failed: 2, found: { email: 1, card: 1 } },
      failingRows: [
        { row: 1, values: { notes: 'email j***@e***.com' } },
        { row: 2, values: { notes: 'card **** **** **** 4242' } },
      ],
    });
  });

  it(`past ${PII_CANDIDATE_LIMIT} candidate values, says so rather than answer from part of the data; fallback: 'arrow' verifies every value`, async () => {
    const lines = Array.from({ length: PII_CANDIDATE_LIMIT + 1 }, (_, i) => `${i},ticket ${i}`);
    lines.push(`${PII_CANDIDATE_LIMIT + 1},card 4242 4242 4242 4242`);
    const file = csv('large.csv', lines);
    const refused = await run({ cwd: dir, contracts: [contract(file)] });
    expect(checkOf(refused, 'notes')).toMatchObject({ outcome: 'error', issue: { code: 'sql.unsupported' } });
    expect(checkOf(refused, 'notes')?.issue?.message).toContain(`more than the ${PII_CANDIDATE_LIMIT} candidates`);
    const streamed = await run({ cwd: dir, contracts: [contract(file, 'arrow')] });
    expect(checkOf(streamed, 'notes')).toMatchObject({ outcome: 'fail', measure: { considered: PII_CANDIDATE_LIMIT + 2, failed: 1 } });
  }, 120_000);
});
