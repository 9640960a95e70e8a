import type { DatasetResult } from '../../model/result.js';
import { formatLocation, formatSeconds } from '../format-value.js';
import { attr, text } from './escape.js';
import { badge, datasetOutcome } from './outcome.js';
import { issueBlock, renderChecks } from './render-checks.js';
import { renderProfiles } from './render-profile.js';
import { datasetTrend } from './render-trends.js';

/**
 * One dataset: its heading with the worst outcome, what the contract says about it, problems
 * reading it, the checks table and the column profiles. Ids are by position, never from names.
 */
export function renderDataset(d: DatasetResult, index: number): string {
  const id = `ds-${index}`;
  const outcome = datasetOutcome(d);
  const issues = d.issues.length
    ? `<div class="ds-issues"><h3>Could not check this dataset</h3><ul>${d.issues.map((i) => `<li><div class="msg">${text(i.message)}</div>${issueBlock(i)}</li>`).join('')}</ul></div>`
    : '';
  return (
    `<section class="dataset" id="${id}" data-outcome="${outcome}" aria-labelledby="${id}-h">` +
    `<h2 id="${id}-h">${badge(outcome)} <span class="v">${text(d.name)}</span></h2>` +
    `${about(d)}${datasetTrend(d)}${issues}${renderChecks(d.checks, d.name)}${renderProfiles(d, id)}</section>`
  );
}

/** The contract's facts as a definition list: only those known. */
function about(d: DatasetResult): string {
  const facts: [string, string | undefined][] = [
    ['Description', d.description !== undefined ? text(d.description) : undefined],
    ['Owner', d.owner !== undefined ? text(d.owner) : undefined],
    ['Version', d.version !== undefined ? text(d.version) : undefined],
    ['Source', d.source !== undefined ? `<code>${text(d.source)}</code>` : undefined],
    [
      'Data version',
      d.fingerprint ? `<code title="${attr(d.fingerprint.version)}">${text(d.fingerprint.version.slice(0, 12))}</code>` : undefined,
    ],
    ['Rows', d.rowCount !== undefined ? text(d.rowCount.toLocaleString('en-US')) : undefined],
    ['Contract', d.contractLocation ? `<code>${text(formatLocation(d.contractLocation))}</code>` : undefined],
    ['Checked in', typeof d.durationMs === 'number' ? text(formatSeconds(d.durationMs)) : undefined],
  ];
  const items = facts.filter(([, v]) => v !== undefined).map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`);
  return items.length ? `<dl class="facts">${items.join('')}</dl>` : '';
}
