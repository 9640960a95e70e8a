import { createHash } from 'node:crypto';
import type { RunResult } from '../../model/result.js';
import type { Reporter, ReporterContext, ReporterOutcome } from '../reporter.js';
import { writeReport } from '../write-report.js';
import { text } from './escape.js';
import { OUTCOME_ICON, OUTCOME_LABEL, OUTCOME_ORDER, byUrgency } from './outcome.js';
import { renderDataset } from './render-dataset.js';
import { renderSummary } from './render-summary.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

export const DEFAULT_HTML_OUTPUT = 'reports/datacheck.html';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * No network at all (default-src 'none'), images only inline, and only this report's own style
 * and script, by hash: even if some value escaped its escaping, it could neither load nor run.
 */
const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLES)}`,
  `script-src ${sha256(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The whole report as one self-contained HTML document: summary, the filter and search controls
 * (shown only with JavaScript), then a section per dataset, most urgent first.
 */
export function renderHtml(run: RunResult): string {
  const body = byUrgency(run.datasets)
    .map((i) => renderDataset(run.datasets[i], i))
    .join('\n');
  const title = `datacheck: ${run.outcome} (${run.datasets.length} datasets)`;
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${text(title)}</title><style>${STYLES}</style></head>\n<body><main>` +
    `${renderSummary(run)}\n${controls(run)}\n${body}\n` +
    `<footer>datacheck ${text(run.tool?.version ?? '')} · run <code>${text(run.runId)}</code> · this file makes no network requests</footer>` +
    `</main><script>${SCRIPT}</script></body></html>\n`
  );
}

/** Filter buttons (one per outcome present) and a search box; hidden until the script runs. */
function controls(run: RunResult): string {
  const present = OUTCOME_ORDER.filter((o) => (run.counts?.[o] ?? 0) > 0);
  const buttons = present
    .map(
      (o) =>
        `<button type="button" class="o-${o}" data-filter="${o}" aria-pressed="true"><span aria-hidden="true">${OUTCOME_ICON[o]}</span> ${OUTCOME_LABEL[o]} ${text(run.counts[o])}</button>`,
    )
    .join('');
  return (
    `<div class="controls" role="search"><span id="filters-label">Show</span><div class="filters" id="filters" role="group" aria-labelledby="filters-label">${buttons}</div>` +
    `<label for="q">Search checks</label><input id="q" type="search" placeholder="check, column, id or file" autocomplete="off" spellcheck="false">` +
    `<span id="shown" aria-live="polite"></span></div>`
  );
}

/** `outputFile: '-'` writes to stdout; otherwise a file (default reports/datacheck.html), parent dirs created. */
export const htmlReporter: Reporter = {
  name: 'html',
  render: (run: RunResult, context: ReporterContext): Promise<ReporterOutcome> =>
    writeReport(renderHtml(run), context, DEFAULT_HTML_OUTPUT, 'html'),
};
