import type { Issue } from '../../model/issue.js';
import type { FailingRow } from '../../model/metric.js';
import type { CheckResult } from '../../model/result.js';
import { formatLocation, formatValue, issueDetails, plural } from '../format-value.js';
import { text } from './escape.js';
import { OUTCOME_ORDER, badge, knownOutcome } from './outcome.js';
import { percent } from './render-profile.js';
import { checkSparkline } from './render-trends.js';
import { renderDrift } from './render-drift.js';

/**
 * A dataset's checks as one static table, most urgent first. Each row carries its outcome in
 * `data-outcome`, which is all the filter script needs; without JavaScript every row is shown.
 */
export function renderChecks(checks: CheckResult[], datasetName: string): string {
  if (checks.length === 0) return '<p class="dim">No checks ran.</p>';
  const rank = (c: CheckResult) => OUTCOME_ORDER.indexOf(knownOutcome(c.outcome));
  const sorted = checks.map((c, i) => [c, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j);
  return (
    `<div class="scroll"><table class="checks"><caption>Checks of <span class="v">${text(datasetName)}</span>` +
    ` <span class="shown" aria-live="polite"></span></caption><thead><tr><th scope="col">Outcome</th><th scope="col">Check</th>` +
    `<th scope="col">Severity</th><th scope="col">Observed</th><th scope="col">Expected</th><th scope="col">Written at</th></tr></thead>` +
    `<tbody>${sorted.map(([c]) => renderCheck(c)).join('')}</tbody></table></div>`
  );
}

function renderCheck(c: CheckResult): string {
  const about = c.column !== undefined ? ` <span class="dim">column</span> <span class="col">${text(c.column)}</span>` : '';
  const where = c.where !== undefined ? ` <span class="dim">where</span> <code>${text(c.where)}</code>` : '';
  const details =
    c.outcome === 'error' || c.outcome === 'skipped'
      ? problem(c)
      : failingRows(c.failingRows, c.rows?.failed, c.outcome !== 'pass') + renderDrift(c);
  return (
    `<tr class="check" data-outcome="${knownOutcome(c.outcome)}"><td>${badge(c.outcome)}</td>` +
    `<td><div class="title">${text(c.title)}</div><div class="id">${text(c.id)}${about}${where}</div>${details}</td>` +
    `<td>${text(c.severity)}</td><td>${observed(c)}</td><td>${c.expected !== undefined ? text(c.expected) : ''}</td>` +
    `<td><code>${text(formatLocation(c.location))}</code><div class="dim">${text(c.origin)}</div></td></tr>`
  );
}

/** Plain values read best as such; structured observations (counts, a schema, an age) by the message. */
function observed(c: CheckResult): string {
  const rows = c.rows
    ? `<div>${text(`${plural(c.rows.failed, 'row')} of ${c.rows.considered} failed`)}${c.rows.failed > 0 && c.rows.considered > 0 ? ` (${text(percent(c.rows.failed / c.rows.considered))})` : ''}</div>`
    : '';
  if (c.outcome === 'error' || c.outcome === 'skipped') return '';
  const structured = typeof c.observed === 'object' && c.observed !== null && !Array.isArray(c.observed);
  if (structured || c.observed === undefined) return `${rows || `<div>${text(c.message)}</div>`}${checkSparkline(c)}`;
  return `<div class="v obs">${text(formatValue(c.observed, 160))}</div>${rows}${checkSparkline(c)}`;
}

/** Why a check could not run (or was skipped): the message, then where and what the issue says. */
function problem(c: CheckResult): string {
  return `<div class="msg">${text(c.message)}</div>${c.issue ? issueBlock(c.issue) : ''}`;
}

export function issueBlock(issue: Issue): string {
  const place = issue.location ? `<div><span class="dim">at</span> <code>${text(formatLocation(issue.location, true))}</code></div>` : '';
  const lines = issueDetails(issue)
    .map((l) => `<div class="dim">${text(l)}</div>`)
    .join('');
  return `<div class="issue"><code class="code">${text(issue.code)}</code>${place}${lines}</div>`;
}

/** The sampled failing rows as a small table; open for checks that need attention. */
function failingRows(rows: FailingRow[] | undefined, failed: number | undefined, open: boolean): string {
  if (!rows || rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const withLine = rows.some((r) => r.line !== undefined);
  const withFile = rows.some((r) => r.file !== undefined);
  const head = `<tr><th scope="col">row</th>${withFile ? '<th scope="col">file</th>' : ''}${withLine ? '<th scope="col">line</th>' : ''}${columns.map((k) => `<th scope="col">${text(k)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => {
      const cells = columns.map((k) => (k in r.values ? `<td class="v">${text(formatValue(r.values[k], 60))}</td>` : '<td></td>')).join('');
      return `<tr><td class="num">${text(r.row ?? '')}</td>${withFile ? `<td>${text(r.file ?? '')}</td>` : ''}${withLine ? `<td class="num">${text(r.line ?? '')}</td>` : ''}${cells}</tr>`;
    })
    .join('');
  const total = Math.max(failed ?? 0, rows.length);
  const label = total > rows.length ? `${plural(rows.length, 'failing row')} of ${total}` : plural(rows.length, 'failing row');
  return `<details class="rows"${open ? ' open' : ''}><summary>${text(label)}</summary><div class="scroll"><table class="rows">${`<thead>${head}</thead>`}<tbody>${body}</tbody></table></div></details>`;
}
