import type { Outcome, RunResult } from '../../model/result.js';
import { formatSeconds, plural } from '../format-value.js';
import { attr, text } from './escape.js';
import { OUTCOME_ICON, OUTCOME_LABEL, OUTCOME_ORDER, RUN_OUTCOME, badge, byUrgency, datasetOutcome, knownOutcome } from './outcome.js';
import { issueBlock } from './render-checks.js';

/**
 * What a reader needs first: the outcome, counts by outcome, when, where and how long, then a
 * table of datasets linking to their sections, then run-level problems.
 */
export function renderSummary(run: RunResult): string {
  const outcome = RUN_OUTCOME[run.outcome] ?? 'error';
  const total = OUTCOME_ORDER.reduce((n, o) => n + count(run, o), 0);
  const counts = OUTCOME_ORDER.map(
    (o) =>
      `<li class="o-${o}"><span aria-hidden="true">${OUTCOME_ICON[o]}</span> <strong>${text(count(run, o))}</strong> ${OUTCOME_LABEL[o].toLowerCase()}</li>`,
  ).join('');
  return (
    `<header class="summary"><h1>${badge(outcome)} datacheck run ${text(run.outcome)}</h1>` +
    `<p class="lead">${text(`${plural(total, 'check')} over ${plural(run.datasets.length, 'dataset')} in ${formatSeconds(run.durationMs)}`)}</p>` +
    `<h2 class="sr">Checks by outcome</h2><ul class="counts">${counts}</ul>${facts(run)}</header>` +
    `${overview(run)}${runIssues(run)}`
  );
}

function count(run: RunResult, o: Outcome): number {
  const n = run.counts?.[o];
  return typeof n === 'number' ? n : 0;
}

/** When and where it ran; the git and CI lines only when the CLI could tell. */
function facts(run: RunResult): string {
  const ctx = run.context;
  const git = ctx?.git;
  const rows: [string, string | undefined][] = [
    ['Started', `<time datetime="${attr(run.startedAt)}">${text(humanTime(run.startedAt))}</time>`],
    ['Duration', text(formatSeconds(run.durationMs))],
    ['Host', ctx?.host !== undefined ? text(ctx.host) : undefined],
    ['Directory', run.cwd !== undefined ? `<code>${text(run.cwd)}</code>` : undefined],
    [
      'Git commit',
      git
        ? `<code title="${attr(git.commit)}">${text(String(git.commit).slice(0, 12))}</code>${git.dirty ? ' <span class="dim">with uncommitted changes</span>' : ''}`
        : undefined,
    ],
    ['Branch', git?.branch !== undefined ? `<code>${text(git.branch)}</code>` : undefined],
    ['CI', ctx?.ci !== undefined ? text(ctx.ci) : undefined],
    ['datacheck', run.tool?.version !== undefined ? text(run.tool.version) : undefined],
    ['Run id', `<code>${text(run.runId)}</code>`],
  ];
  return `<h2 class="sr">About this run</h2><dl class="facts">${rows
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`)
    .join('')}</dl>`;
}

/** `2026-11-23 11:03:05 UTC`: the same for every reader, whatever their time zone. */
function humanTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC` : String(iso);
}

function overview(run: RunResult): string {
  if (run.datasets.length === 0) return '';
  const head = `<tr><th scope="col">Dataset</th><th scope="col">Outcome</th>${OUTCOME_ORDER.map((o) => `<th scope="col" class="num">${OUTCOME_LABEL[o]}</th>`).join('')}<th scope="col" class="num">Rows</th></tr>`;
  const rows = byUrgency(run.datasets)
    .map((i) => {
      const d = run.datasets[i];
      const per = OUTCOME_ORDER.map((o) => {
        const n = d.checks.filter((c) => knownOutcome(c.outcome) === o).length;
        return `<td class="num${n > 0 ? ` o-${o}` : ' dim'}">${n}</td>`;
      }).join('');
      return `<tr data-outcome="${datasetOutcome(d)}"><th scope="row"><a href="#ds-${i}" class="v">${text(d.name)}</a></th><td>${badge(datasetOutcome(d))}</td>${per}<td class="num">${d.rowCount !== undefined ? text(d.rowCount) : ''}</td></tr>`;
    })
    .join('');
  return `<nav aria-labelledby="datasets-h"><h2 id="datasets-h">Datasets</h2><div class="scroll"><table class="overview"><thead>${head}</thead><tbody>${rows}</tbody></table></div></nav>`;
}

function runIssues(run: RunResult): string {
  if (run.issues.length === 0) return '';
  const items = run.issues.map((i) => `<li><div class="msg">${text(i.message)}</div>${issueBlock(i)}</li>`).join('');
  return `<section class="run-issues" aria-labelledby="run-issues-h"><h2 id="run-issues-h">${badge('error')} Run issues (${run.issues.length})</h2><ul>${items}</ul></section>`;
}
