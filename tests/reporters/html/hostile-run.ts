import type { IssueCode } from '../../../src/model/issue-codes.js';
import type { RunResult } from '../../../src/model/result.js';
import { check } from '../sample-run.js';

/**
 * Values that break careless reports: markup that runs script if it is not escaped, strings that
 * end the report's own <style> or <script>, CDATA ends, JavaScript line separators, control and
 * bidirectional characters, right-to-left text and astral characters.
 */
export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1;alert(1)">',
  "'><svg onload=window.__pwned=1>",
  '</style><script>window.__pwned=1</script>',
  '</script><script>window.__pwned=1</script>',
  ']]><!-- -->',
  'line\u2028separator\u2029paragraph',
  'bell\u0007 escape\u001b[31m nul\u0000 del\u007f',
  'rtl \u202Egnp.exe and שלום עולם',
  '&amp; &lt;b&gt; 🚀 \ud800',
  'javascript:window.__pwned=1',
];

const h = (i: number) => HOSTILE[i % HOSTILE.length];

/** A run where every string a reporter shows (names, values, files, messages, context) is hostile. */
export function hostileRun(): RunResult {
  const failingRows = HOSTILE.map((v, i) => ({ row: i + 1, line: i + 2, values: { [h(i + 1)]: v, id: i } }));
  const checks = HOSTILE.map((v, i) =>
    check({
      id: `orders.${v}`,
      dataset: h(0),
      column: h(i + 2),
      title: v,
      outcome: (['fail', 'error', 'warn', 'pass', 'skipped'] as const)[i % 5],
      observed: i % 2 ? v : { failed: 1, considered: 2 },
      expected: h(i + 3),
      message: h(i + 4),
      where: h(i + 5),
      rows: { considered: 20, failed: HOSTILE.length },
      failingRows,
      ...(i % 5 === 1 && {
        issue: {
          code: h(i) as IssueCode,
          message: h(i + 1),
          hint: h(i + 2),
          expected: h(i + 3),
          found: h(i + 4),
          location: { file: h(i + 5), line: 1, column: 2 },
        },
      }),
      location: { file: `checks/${v}.check.ts`, line: i + 1, column: 1 },
    }),
  );
  return {
    schemaVersion: 1,
    runId: h(0),
    tool: { name: 'datacheck', version: h(1) },
    startedAt: h(2),
    finishedAt: h(3),
    durationMs: 12,
    cwd: h(4),
    context: { host: h(5), git: { commit: h(6), branch: h(7), dirty: true }, ci: h(8) },
    datasets: [
      {
        name: h(0),
        version: h(1),
        owner: h(2),
        description: h(3),
        source: h(4),
        contractLocation: { file: h(5), line: 1, column: 1 },
        rowCount: 20,
        issues: [{ code: h(6) as IssueCode, message: h(7), hint: h(8) }],
        checks,
        columns: HOSTILE.map((v, i) => ({
          name: v,
          type: h(i + 1),
          pii: i === 3,
          nullCount: 2,
          distinctCount: 5,
          min: h(i + 2),
          max: h(i + 3),
          ...(i % 2 === 0
            ? { topValues: { top: HOSTILE.slice(0, 4).map((value, k) => ({ value, count: 10 - k })), distinct: 9, truncated: false } }
            : // A saved result edited by hand: counts that are not numbers.
              { histogram: { min: h(i), max: h(i + 1), counts: [1, 5, 3, h(i) as unknown as number] } }),
        })),
        durationMs: 3,
      },
    ],
    issues: HOSTILE.map((v, i) => ({
      code: h(i + 1) as IssueCode,
      message: v,
      location: { file: h(i + 2), line: 3, column: 4 },
      expected: h(i + 3),
    })),
    counts: { pass: 2, fail: 3, warn: 2, error: 2, skipped: 2 },
    outcome: 'error',
  };
}
