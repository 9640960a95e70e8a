import { printable } from '../../reporters/format-value.js';
import { markdownText } from '../../reporters/markdown-text.js';
import type { ContractChange, Impact } from './changes.js';
import type { VersionCheck } from './version-bump.js';

/** The outcome of `datacheck diff`, ready to print. */
export interface ContractDiff {
  contract: string;
  beforeLabel: string;
  afterLabel: string;
  changes: ContractChange[];
  version: VersionCheck;
}

/** A breaking change the version does not announce fails the diff (exit 1). */
export function unannouncedBreaking(diff: ContractDiff): boolean {
  return diff.changes.some((c) => c.impact === 'breaking') && !diff.version.ok;
}

const ORDER: Impact[] = ['breaking', 'non-breaking', 'informational'];

export function renderDiffText(diff: ContractDiff): string {
  const out = [`contract ${diff.contract}: ${diff.beforeLabel} -> ${diff.afterLabel}`];
  if (diff.changes.length === 0) out.push('  no changes');
  for (const impact of ORDER) {
    for (const c of diff.changes.filter((x) => x.impact === impact)) out.push(`  ${impact.padEnd(13)} ${c.message}`);
  }
  out.push(versionLine(diff.version));
  if (unannouncedBreaking(diff)) out.push('FAIL: a breaking change the version does not announce');
  // Contract text (allowed values, names) cannot forge or repaint lines of a CI log.
  return `${out.map(printable).join('\n')}\n`;
}

function versionLine(v: VersionCheck): string {
  const versions = `${v.before ?? '(none)'} -> ${v.after ?? '(none)'}`;
  if (v.ok) return `  version ${versions}: ok (needs ${v.required === 'none' ? 'no' : `a ${v.required}`} bump)`;
  return `  version ${versions}: ${v.problem}`;
}

/** Markdown for a pull-request comment: a verdict line, then one table row per change. */
export function renderDiffMarkdown(diff: ContractDiff): string {
  const breaking = diff.changes.filter((c) => c.impact === 'breaking').length;
  const verdict = unannouncedBreaking(diff)
    ? `:x: **${breaking} breaking change${breaking === 1 ? '' : 's'} not announced by the version**`
    : breaking > 0
      ? `:warning: **${breaking} breaking change${breaking === 1 ? '' : 's'}**, announced by the version`
      : diff.changes.length > 0
        ? ':white_check_mark: **no breaking change**'
        : ':white_check_mark: **no change**';
  const out = [
    `### Contract ${md(diff.contract)}: ${md(diff.beforeLabel)} → ${md(diff.afterLabel)}`,
    '',
    verdict,
    '',
    `Version: ${md(diff.version.before ?? '(none)')} → ${md(diff.version.after ?? '(none)')}${diff.version.ok ? '' : ` — ${md(diff.version.problem ?? '')}`}`,
  ];
  if (diff.changes.length > 0) {
    out.push('', '| impact | change |', '| --- | --- |');
    for (const impact of ORDER)
      for (const c of diff.changes.filter((x) => x.impact === impact)) out.push(`| ${impact} | ${md(c.message)} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Contract text in a PR comment: the reporters' escaping (no tag, no mention, no cell break). */
const md = (s: string): string => markdownText(s, 500);
